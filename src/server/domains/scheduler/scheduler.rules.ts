import { invalidField } from "@server/http/errors.js";

/**
 * The daily job runs for today or a day gone by, never for a day to come: a run for a future date would end
 * exemptions still in force and date letters in the future. A past date only redoes what was due then (exemptions
 * end on their own end dates, letters carry the run's date), so a missed day can be caught up.
 */
export function assertRunDateNotInFuture(date: string, today: string): void {
  if (date > today) throw invalidField("date", "dateInFuture", `Run the daily job for today (${today}) or an earlier date`);
}
