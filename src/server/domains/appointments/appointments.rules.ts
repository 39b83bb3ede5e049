import { conflict } from "@server/http/errors.js";

/** The facts the "ik kan niet" rules look at: the appointment and whether the client already asked. */
export interface RescheduleFacts {
  appointment: { status: string; starts_at: string };
  hasOpenRequest: boolean;
}

/** Another time can be asked for a planned appointment only. */
export function assertAppointmentPlanned(appointment: { status: string }): void {
  if (appointment.status !== "planned") {
    throw conflict("appointmentNotPlanned", `This appointment is already ${appointment.status}.`);
  }
}

/** Once an appointment has started it is too late to ask for another time: the consultant records what happened. */
export function assertAppointmentNotStarted(appointment: { starts_at: string }, now: Date): void {
  if (Date.parse(appointment.starts_at) <= now.getTime()) {
    throw conflict("appointmentStarted", "This appointment has already started.");
  }
}

/** One open request per appointment: asked once, the consultant has it on their work queue. */
export function assertNoOpenRescheduleRequest(hasOpenRequest: boolean): void {
  if (hasOpenRequest) throw conflict("rescheduleRequested", "You have already asked for another time for this appointment.");
}

/** Every rule a reschedule request must pass, in the order the client would want to hear them. */
export function assertMayRequestReschedule(facts: RescheduleFacts, now: Date): void {
  assertAppointmentPlanned(facts.appointment);
  assertAppointmentNotStarted(facts.appointment, now);
  assertNoOpenRescheduleRequest(facts.hasOpenRequest);
}
