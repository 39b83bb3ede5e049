import type { AppointmentRow, RescheduleRequestRow } from "@server/db/schema.js";
import type { AppointmentOutput, RescheduleRequestOutput } from "@shared/schemas/appointments.js";

/** Every outgoing field of an appointment, with the client's open request for another time when there is one. */
export function presentAppointment(row: AppointmentRow, openRequest?: RescheduleRequestRow): AppointmentOutput {
  return {
    id: row.id,
    clientId: row.client_id,
    consultantId: row.consultant_id,
    kind: row.kind,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    location: row.location,
    status: row.status,
    rescheduleRequest: openRequest ? { requestedAt: openRequest.requested_at, reason: openRequest.reason } : null,
  };
}

/** Every outgoing field of a reschedule request. */
export function presentRescheduleRequest(row: RescheduleRequestRow): RescheduleRequestOutput {
  return {
    id: row.id,
    appointmentId: row.appointment_id,
    clientId: row.client_id,
    reason: row.reason,
    status: row.status,
    requestedAt: row.requested_at,
  };
}
