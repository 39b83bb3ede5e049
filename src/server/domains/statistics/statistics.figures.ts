import { addMonths } from "@shared/dates.js";
import type { StatisticsGroupBy } from "@shared/schemas/statistics.js";
import { type Period, periodKeyOf } from "./statistics.periods.js";
import type { FigureTable, MeasureProtection } from "./statistics.rules.js";

/**
 * Pure helpers that turn the repo's grouped rows into tables of the one shape: rows in the order of their keys, a
 * count's total the sum of its column, a stock's total null (a number of clients at the end of each period adds up to
 * nothing), a median or mean over everything where it means something.
 */

type Unit = FigureTable["measures"][number]["unit"];
export type MeasureSpec = { key: string; unit: Unit; protection: MeasureProtection; total: "sum" | "last" | "none" };

/** A count of people or events whose column adds up. */
export const count = (key: string, unit: Unit = "events"): MeasureSpec => ({ key, unit, protection: "count", total: "sum" });
/** A number of clients at the end of each period: its total is the number at the end of the last period. */
export const stock = (key: string): MeasureSpec => ({ key, unit: "clients", protection: "count", total: "last" });

/** Builds a table from its rows; totals are summed where the measure adds up and given by `totals` otherwise. */
export function figure(
  head: Pick<FigureTable, "id" | "chart" | "dimensions">,
  measures: MeasureSpec[],
  unsorted: FigureTable["rows"],
  otherTotals: Record<number, number | null> = {},
): FigureTable {
  const rows = [...unsorted].sort((a, b) => compareKeys(a.keys, b.keys));
  const lastPeriod = rows.at(-1)?.keys[0];
  const last = rows.flatMap((row, i) => (row.keys[0] === lastPeriod ? [i] : []));
  const totalRows: Record<number, number[]> = {};
  const totals = measures.map((m, i) => {
    if (m.total === "none") return otherTotals[i] ?? null;
    const summed = m.total === "last" ? last : rows.map((_, r) => r);
    if (m.total === "last") totalRows[i] = last;
    return summed.reduce((sum, r) => sum + (rows[r]?.values[i] ?? 0), 0);
  });
  return { ...head, measures: measures.map(({ key, unit, protection }) => ({ key, unit, protection })), rows, totals, totalRows };
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const order = (a[i] ?? "").localeCompare(b[i] ?? "", "en", { numeric: true });
    if (order !== 0) return order;
  }
  return 0;
}

/** One row per period, every period present (a period without events reads 0). */
export function perPeriod(periods: readonly Period[], values: (period: string) => (number | null)[]): FigureTable["rows"] {
  return periods.map((p) => ({ keys: [p.key], values: values(p.key) }));
}

/** Sums grouped rows into a map by a key, for lookups per period. */
export function byKey<T>(items: readonly T[], key: (item: T) => string, value: (item: T) => number): Map<string, number> {
  const map = new Map<string, number>();
  for (const item of items) map.set(key(item), (map.get(key(item)) ?? 0) + value(item));
  return map;
}

/** The median of a list of numbers; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Whole days from one date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** How long an exemption was granted for: up to 3 months, up to 12, longer, or without an end date. */
export function exemptionLength(start: string, end: string | null): string {
  if (end === null) return "openEnded";
  if (end <= addMonths(start, 3)) return "upToThreeMonths";
  if (end <= addMonths(start, 12)) return "upToTwelveMonths";
  return "overTwelveMonths";
}

/**
 * Each client's rung at the end of every period and at the query's start (the latest assessment on or before the day),
 * from assessments ordered by client and date.
 */
export function rungsAt(
  assessments: readonly { client_id: string; rung: number; assessed_on: string }[],
  days: readonly string[],
): Map<string, (number | null)[]> {
  const byClient = new Map<string, (number | null)[]>();
  for (const a of assessments) {
    const rungs = byClient.get(a.client_id) ?? days.map(() => null);
    days.forEach((day, i) => {
      if (a.assessed_on <= day) rungs[i] = a.rung;
    });
    byClient.set(a.client_id, rungs);
  }
  return byClient;
}

/** The period key of a date for the query's grouping. */
export const keyOf = (date: string, groupBy: StatisticsGroupBy) => periodKeyOf(date, groupBy);

/** Rounds a mean or median for display: one decimal. */
export const rounded = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
