import { z } from "zod";
import { calendarDate } from "./common.js";

/**
 * The figures of the tegenprestatie: what the dashboard shows, the CSV holds and the annual report prints. Every
 * figure is a table of the same shape — dimensions (period, district, a category) and measures — so one renderer
 * serves the web page, the CSV download and the PDF, and one suppression routine serves them all.
 */

export const STATISTICS_GROUP_BY = ["month", "quarter", "year"] as const;
export type StatisticsGroupBy = (typeof STATISTICS_GROUP_BY)[number];

/** The tables of the overview, in the order the dashboard and the annual report show them. */
export const STATISTICS_TABLES = [
  "funnel",
  "activeSteps",
  "contributions",
  "endings",
  "timeToFirstActivity",
  "ladderDistribution",
  "ladderTransitions",
  "wellbeing",
  "exemptions",
  "caregiving",
  "accountability",
  "sanctions",
  "objections",
  "displacement",
  "guidance",
  "outflow",
] as const;
export type StatisticsTableId = (typeof STATISTICS_TABLES)[number];

/** How a table is drawn beside itself; the table is always there too. */
export const STATISTICS_CHARTS = ["bar", "stackedBar", "line", "matrix"] as const;

/** Researchers see no count below this: a small number in a district and period could point at a person. */
export const SMALL_CELL_THRESHOLD = 5;

const cell = z
  .number()
  .nullable()
  .describe("null when hidden for researchers: fewer than 5 clients behind it, or a cell that would let a hidden one be recomputed");

export const statisticsTable = z.object({
  id: z.enum(STATISTICS_TABLES),
  chart: z.enum(STATISTICS_CHARTS),
  dimensions: z
    .array(z.string())
    .describe("what each row is keyed by, e.g. [period, district] or [fromRung, toRung]; labels under statistics.dimensions.<key>"),
  measures: z
    .array(z.object({ key: z.string(), unit: z.enum(["clients", "events", "days", "hours", "score", "percent"]) }))
    .describe("the columns after the keys; labels under statistics.measures.<key>"),
  rows: z.array(z.object({ keys: z.array(z.string()), values: z.array(cell) })),
  totals: z
    .array(cell)
    .nullable()
    .describe(
      "one value per measure over all rows: a count's sum, a stock's number at the end of the last period (clients on benefit, on a rung), a median or mean over everything; null where hidden or where a total means nothing",
    ),
  hiddenCells: z.number().int().nonnegative().describe("cells hidden by small-cell suppression, secondary included"),
});
export type StatisticsTable = z.infer<typeof statisticsTable>;

export const statisticsOverviewQuery = z.object({
  from: calendarDate.describe("first day of the period"),
  to: calendarDate.describe("last day of the period"),
  district: z.string().min(1).max(80).optional().describe("one district; the whole city (or the caller's districts) when absent"),
  groupBy: z.enum(STATISTICS_GROUP_BY).default("month"),
});

/** The query of `GET /statistics/overview`: the figures' query, and the format of the answer. */
export const statisticsOverviewRequest = statisticsOverviewQuery.extend({
  format: z
    .enum(["json", "csv"])
    .default("json")
    .describe("json (default), or csv: every table in one file, one line per cell, with the same cells hidden"),
});

export const statisticsOverview = z.object({
  from: calendarDate,
  to: calendarDate,
  district: z.string().nullable(),
  groupBy: z.enum(STATISTICS_GROUP_BY),
  suppressedBelow: z.number().int().nullable().describe("counts below this are hidden (researchers); null when nothing is hidden"),
  coarser: z
    .object({ groupBy: z.enum(STATISTICS_GROUP_BY).nullable(), district: z.literal(null).optional() })
    .nullable()
    .describe("when cells are hidden: the coarser choice (quarter, year, the whole city) that would show them"),
  tables: z.array(statisticsTable),
});
export type StatisticsOverview = z.infer<typeof statisticsOverview>;

/** What a client started: a placement, or a plan step of another kind. */
export const EFFECT_TREATMENTS = ["placementStarted", "languageCourse", "exercise", "careReferral", "debtHelp", "training"] as const;
export const EFFECT_OUTCOMES = ["ladderRung", "who5"] as const;
/** An effect is estimated only with at least this many treated, and this many comparison, clients behind it. */
export const EFFECT_MIN_CLIENTS = 20;

export const statisticsEffectsQuery = z.object({
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  district: z.string().min(1).max(80).optional(),
  seed: z.coerce.number().int().min(0).max(2_147_483_647).default(1).describe("the bootstrap's seed: the same seed gives the same figures"),
  resamples: z.coerce.number().int().min(100).max(2000).default(500),
});
export type StatisticsEffectsQuery = z.output<typeof statisticsEffectsQuery>;

export const effectEstimate = z.object({
  treatment: z.enum(EFFECT_TREATMENTS),
  outcome: z.enum(EFFECT_OUTCOMES),
  horizonMonths: z.number().int().describe("months after the start at which the outcome is compared"),
  estimate: z.number().nullable().describe("difference in outcome change, treated minus not-yet-treated; null when too few clients"),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  tooFewClients: z
    .boolean()
    .describe(`true when fewer than ${EFFECT_MIN_CLIENTS} treated or comparison clients stand behind it: no estimate is given then`),
  treatedClients: z
    .number()
    .int()
    .nullable()
    .describe("clients who started in a counted month and had an outcome before and after; null when hidden for researchers (1 to 4)"),
  comparisonClients: z
    .number()
    .int()
    .nullable()
    .describe(
      "distinct clients not yet treated who served as comparison; a client who started later may be one of them; null when hidden for researchers (1 to 4)",
    ),
  cohorts: z.number().int().nullable().describe("start months that contributed; null when the treated clients are hidden"),
});
export type EffectEstimate = z.infer<typeof effectEstimate>;

export const statisticsEffects = z.object({
  method: z.literal("staggeredDifferenceInDifferences"),
  observational: z.literal(true).describe("always true: these are estimates from the system's own records, not a trial"),
  confidenceLevel: z.number(),
  seed: z.number().int(),
  resamples: z.number().int(),
  from: calendarDate.nullable(),
  to: calendarDate.nullable(),
  district: z.string().nullable(),
  suppressedBelow: z.number().int().nullable().describe("counts below this are hidden (researchers); null when nothing is hidden"),
  estimates: z.array(effectEstimate),
});
export type StatisticsEffects = z.infer<typeof statisticsEffects>;
