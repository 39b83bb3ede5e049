import type { RequestContext } from "@server/auth/actor.js";
import type { Database } from "@server/db/schema.js";
import { invalidField } from "@server/http/errors.js";
import { addDays, amsterdamDateTime, isoWeekday } from "@shared/dates.js";
import { MY_APPOINTMENTS_MAX_DAYS, type MyAppointmentList } from "@shared/schemas/appointments.js";
import type { Kysely } from "kysely";
import { presentAppointment } from "./appointments.presenter.js";
import { liveAppointmentsOfConsultant, openRescheduleRequestsOf } from "./appointments.repo.js";

/** The days "Mijn dag" covers: from today (or the day asked) up to and including that week's Sunday (or the day asked). */
export function myDayStretch(query: { from?: string | undefined; to?: string | undefined }, today: string): { from: string; to: string } {
  const from = query.from ?? today;
  const to = query.to ?? addDays(from, 7 - isoWeekday(from));
  if (to > addDays(from, MY_APPOINTMENTS_MAX_DAYS - 1)) {
    throw invalidField("to", "tooLong", `At most ${MY_APPOINTMENTS_MAX_DAYS} days at once`);
  }
  return { from, to };
}

/** The caller's own planned, attended and missed appointments over a stretch of days, with each client's name. */
export async function listMyAppointments(
  db: Kysely<Database>,
  ctx: RequestContext,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<MyAppointmentList> {
  const today = ctx.clock.today();
  const { from, to } = myDayStretch(query, today);
  const start = Date.parse(amsterdamDateTime(from, "00:00"));
  const end = Date.parse(amsterdamDateTime(addDays(to, 1), "00:00"));
  const rows = (await liveAppointmentsOfConsultant(db, ctx.actor, new Date(start), new Date(end))).filter((row) => {
    const at = Date.parse(row.starts_at);
    return at >= start && at < end;
  });
  const requests = await openRescheduleRequestsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    from,
    to,
    today,
    items: rows.map((row) => ({
      ...presentAppointment(row, requests.get(row.id)),
      client: { id: row.client_id, givenName: row.given_name, familyName: row.family_name },
    })),
  };
}
