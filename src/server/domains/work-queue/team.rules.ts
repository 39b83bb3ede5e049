import type { Who5Trend } from "@shared/schemas/work-queue.js";

/** A period's mean WHO-5 says something about a caseload only when it rests on at least this many check-ins. */
export const WHO5_TREND_MIN_CHECK_INS = 5;
/** A change of the mean by at least this many points (of 0–100) counts as a move up or down; less is steady. */
export const WHO5_TREND_MIN_CHANGE = 5;

/** The WHO-5 (0–25 raw) as the percentage score (0–100) the instrument reports. */
export function who5Percentage(raw: number): number {
  return Math.round(raw * 4 * 10) / 10;
}

/**
 * Which way the mean WHO-5 of a consultant's clients moved from the earlier period to the recent one: null when
 * either rests on fewer than `WHO5_TREND_MIN_CHECK_INS` check-ins, steady within `WHO5_TREND_MIN_CHANGE` points.
 */
export function who5TrendOf(
  recent: { mean: number; count: number } | undefined,
  earlier: { mean: number; count: number } | undefined,
): Who5Trend | null {
  if (!recent || !earlier || recent.count < WHO5_TREND_MIN_CHECK_INS || earlier.count < WHO5_TREND_MIN_CHECK_INS) return null;
  const change = who5Percentage(recent.mean) - who5Percentage(earlier.mean);
  if (change >= WHO5_TREND_MIN_CHANGE) return "up";
  if (change <= -WHO5_TREND_MIN_CHANGE) return "down";
  return "steady";
}
