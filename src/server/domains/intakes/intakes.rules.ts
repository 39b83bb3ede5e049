import { todayInAmsterdam } from "@shared/dates.js";

/** An appointment as the intake rule looks at it. */
export interface IntakeAppointmentFacts {
  id: string;
  kind: string;
  status: string;
  starts_at: string;
}

/**
 * Recording an intake closes its appointment as attended, so the agenda and the work queue never show an intake that
 * took place as still planned. Its appointment is the one the consultant named; without one, the client's planned
 * intake appointment on the day the intake was held (in Amsterdam) that has started. An appointment recorded otherwise
 * (missed, cancelled) stays as recorded, and one on another day is not this intake's.
 */
export function appointmentClosedByIntake(
  appointments: readonly IntakeAppointmentFacts[],
  intake: { heldOn: string; appointmentId: string | null },
  now: Date,
): string | null {
  const started = (a: IntakeAppointmentFacts) => Date.parse(a.starts_at) <= now.getTime();
  if (intake.appointmentId) {
    const named = appointments.find((a) => a.id === intake.appointmentId);
    return named && named.status === "planned" && started(named) ? named.id : null;
  }
  const sameDay = appointments
    .filter((a) => a.kind === "intake" && a.status === "planned" && started(a))
    .filter((a) => todayInAmsterdam(new Date(a.starts_at)) === intake.heldOn)
    .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at));
  return sameDay[0]?.id ?? null;
}
