import { addDays, addMonths } from "@shared/dates.js";
import type { StatisticsGroupBy } from "@shared/schemas/statistics.js";

/** One period of the overview: its key (`2026-03`, `2026-Q1`, `2026`) and its first and last day within the query. */
export interface Period {
  key: string;
  starts: string;
  ends: string;
}

/** The key of the period a date (or date-time) falls in; the SQL of the repo computes the same. */
export function periodKeyOf(date: string, groupBy: StatisticsGroupBy): string {
  if (groupBy === "year") return date.slice(0, 4);
  if (groupBy === "month") return date.slice(0, 7);
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) + 2) / 3)}`;
}

const MONTHS_PER_PERIOD: Record<StatisticsGroupBy, number> = { month: 1, quarter: 3, year: 12 };

/** The periods from `from` to `to`, in order; the first and last are cut to the query's days. */
export function periodsBetween(from: string, to: string, groupBy: StatisticsGroupBy): Period[] {
  const months = MONTHS_PER_PERIOD[groupBy];
  const firstMonth = Number(from.slice(5, 7)) - 1;
  let start = `${from.slice(0, 4)}-${String(firstMonth - (firstMonth % months) + 1).padStart(2, "0")}-01`;
  const periods: Period[] = [];
  while (start <= to) {
    const next = addMonths(start, months);
    periods.push({
      key: periodKeyOf(start, groupBy),
      starts: start < from ? from : start,
      ends: addDays(next, -1) > to ? to : addDays(next, -1),
    });
    start = next;
  }
  return periods;
}
