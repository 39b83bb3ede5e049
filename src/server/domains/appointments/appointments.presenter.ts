import type { AppointmentRow } from "@server/db/schema.js";
import type { AppointmentOutput } from "@shared/schemas/appointments.js";

/** Every outgoing field of an appointment. */
export function presentAppointment(row: AppointmentRow): AppointmentOutput {
  return {
    id: row.id,
    clientId: row.client_id,
    consultantId: row.consultant_id,
    kind: row.kind,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    location: row.location,
    status: row.status,
  };
}
