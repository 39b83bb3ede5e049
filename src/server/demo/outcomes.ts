import { addMonths } from "@shared/dates.js";
import type { SeededRandom } from "./population.js";

/**
 * The true effect of starting a placement that the demo's outcomes are made with, so an effect estimate on the demo data
 * (`GET /api/v1/statistics/effects`, treatment `placementStarted`) can be checked against it.
 *
 * How every outcome of a demo client with a plan is made (`ladderRungOn`, `who5On`):
 * - Observed: the ladder rung at the intake (`ladder_assessments`, source `intake`) and, at every check-in, the WHO-5
 *   (`check_ins.who5_raw` with its five items) and the rung (`ladder_assessments`, source `checkIn`, same day). Check-ins
 *   follow the plan's reporting frequency (every 4, 6 or 8 weeks from the plan's confirmation, roughly one in seven
 *   missed), until today; placements start one to eleven months after the plan, so most treated clients are observed
 *   before and after their start.
 * - Month index `t`: whole calendar months from the month two years before today (`t = 0`) to the month of the
 *   observation (`t = 24` for this month).
 * - Treated `D`: 1 from the calendar month in which the client's placement started onward (also after it ended), else 0.
 *   Start months are staggered over the two years; clients never placed, or not yet, stay 0.
 * - Ladder: `rung = r + B`, where `r` (1–5) is the client's own rung, drawn once, and `B` is 0 or 1 with probability
 *   `LADDER_BASE + LADDER_TREND_PER_MONTH · t + ladderRung · D`, drawn anew for every observation. The expected rung is
 *   therefore exactly `r + LADDER_BASE + LADDER_TREND_PER_MONTH · t + ladderRung · D` (never clipped: it stays within
 *   1–6). The growth rung is `r + 1` or `r + 2` (at most 6), so it is never below a recorded rung.
 * - WHO-5: `raw = ⌊μ⌋ + C + e` with `μ = w + WHO5_TREND_PER_MONTH · t + who5 · D`, where `w` (6–15) is the client's own
 *   level, drawn once, `C` is 0 or 1 with probability `μ − ⌊μ⌋`, and `e` an integer from −3 to 3, all equally likely,
 *   drawn anew for every check-in. The expected raw score is exactly `μ` (never clipped: it stays within 3–23). The five
 *   items (0–5 each) add up to it.
 * - Who is placed does not depend on `r`, `w` or the noise: it follows the plan's spare hours and the roles free in the
 *   district. Nothing else (endings, exemptions, sanctions) moves the outcomes.
 * A staggered difference-in-differences (not-yet-treated as the comparison, by start month) therefore recovers
 * `ladderRung` and `who5` at every horizon from the start month on, in particular at `horizonMonths`.
 */
export const DEMO_PLACEMENT_EFFECT = { ladderRung: 0.3, who5: 2.5, horizonMonths: 6 } as const;

/** The chance of the upper rung before any trend or placement. */
export const LADDER_BASE = 0.15;
/** The common rise of the chance of the upper rung per month, for every client alike. */
export const LADDER_TREND_PER_MONTH = 0.01;
/** The common rise of the WHO-5 raw score per month, for every client alike. */
export const WHO5_TREND_PER_MONTH = 0.05;

/** A demo client's own outcome levels, drawn once. */
export interface OutcomeLevels {
  /** Own ladder rung, 1–5. */
  rung: number;
  /** Own WHO-5 level (raw score 0–25 scale), 6–15. */
  who5: number;
}

// Own rungs of long-term clients: mostly isolated or with social contacts outside the home (rungs 1–3).
const OWN_RUNGS: [number, number][] = [
  [1, 15],
  [2, 35],
  [3, 30],
  [4, 15],
  [5, 5],
];

export function drawOutcomeLevels(random: SeededRandom): OutcomeLevels {
  return { rung: random.weighted(OWN_RUNGS), who5: random.int(600, 1500) / 100 };
}

/** The month index `t` of a date: whole calendar months since the month two years before today. */
export function monthIndex(date: string, today: string): number {
  const start = addMonths(today, -24).slice(0, 7);
  const [sy, sm] = start.split("-").map(Number) as [number, number];
  const [y, m] = date.slice(0, 7).split("-").map(Number) as [number, number];
  return (y - sy) * 12 + (m - sm);
}

/** Whether a placement started on `startedOn` counts as treated for an observation on `date` (from its start month on). */
export function treatedOn(startedOn: string | null, date: string): boolean {
  return startedOn !== null && date.slice(0, 7) >= startedOn.slice(0, 7);
}

/** The recorded ladder rung on a day (see DEMO_PLACEMENT_EFFECT). */
export function ladderRungOn(random: SeededRandom, levels: OutcomeLevels, date: string, today: string, treated: boolean): number {
  const chance = LADDER_BASE + LADDER_TREND_PER_MONTH * monthIndex(date, today) + (treated ? DEMO_PLACEMENT_EFFECT.ladderRung : 0);
  return levels.rung + (random.chance(chance) ? 1 : 0);
}

/** The five WHO-5 items on a day (0–5 each), adding up to the raw score described at DEMO_PLACEMENT_EFFECT. */
export function who5ItemsOn(random: SeededRandom, levels: OutcomeLevels, date: string, today: string, treated: boolean): number[] {
  const mean = levels.who5 + WHO5_TREND_PER_MONTH * monthIndex(date, today) + (treated ? DEMO_PLACEMENT_EFFECT.who5 : 0);
  const whole = Math.floor(mean);
  const raw = whole + (random.chance(mean - whole) ? 1 : 0) + random.int(-3, 3);
  // Spread the score over the five items as evenly as it goes, the remainder on items chosen at random.
  const items = Array.from({ length: 5 }, () => Math.floor(raw / 5));
  const order = random.faker.helpers.shuffle([0, 1, 2, 3, 4]);
  for (let i = 0; i < raw % 5; i++) items[order[i] ?? 0] = (items[order[i] ?? 0] ?? 0) + 1;
  return items;
}
