import { invalidField } from "@server/http/errors.js";

/** A year is reported once it has begun; a year still going is reported up to today. */
export function assertYearHasBegun(year: number, today: string): void {
  if (`${year}-01-01` > today) throw invalidField("year", "dateInFuture", "The year has not begun yet");
}

/** The days an annual report covers: the calendar year, up to today while it is still going. */
export function annualPeriod(year: number, today: string): { from: string; to: string } {
  const end = `${year}-12-31`;
  return { from: `${year}-01-01`, to: end < today ? end : today };
}
