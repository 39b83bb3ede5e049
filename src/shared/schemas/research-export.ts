import { z } from "zod";
import { calendarDate, timestamp } from "./common.js";

/**
 * The research export: one pseudonymised row per client and month, released only when every group of rows that
 * share the quasi-identifiers in a month holds at least `K_ANONYMITY` clients.
 */

/** The smallest number of clients that may share the quasi-identifiers of a released row in a month. */
export const K_ANONYMITY = 5;

/**
 * The quasi-identifiers: what someone may know of a person from elsewhere and could use to find their row. One list,
 * so that a new one (the size of the household, when clients carry it) is added in one place and its
 * generalisation ladder beside it (`research-export.rules.ts`).
 */
export const QUASI_IDENTIFIERS = ["ageBand", "district", "benefitBand", "household"] as const;
export type QuasiIdentifier = (typeof QUASI_IDENTIFIERS)[number];

/** At most this share of rows is suppressed at a step of the ladder before the next, coarser step is tried. */
export const MAX_SUPPRESSED_SHARE = 0.01;

/** The longest period one export covers, in months. */
export const RESEARCH_EXPORT_MAX_MONTHS = 36;

/** The columns of the CSV, in order. */
export const RESEARCH_EXPORT_COLUMNS = [
  "pseudonym",
  "month",
  "ageBand",
  "district",
  "benefitBand",
  "household",
  "ladderRung",
  "activityType",
  "hoursPerWeek",
  "who5Band",
  "endingReason",
  "exempt",
  "sanctioned",
] as const;
export type ResearchExportColumn = (typeof RESEARCH_EXPORT_COLUMNS)[number];

export const RESEARCH_EXPORT_STATUSES = ["queued", "running", "done", "failed"] as const;
export type ResearchExportStatus = (typeof RESEARCH_EXPORT_STATUSES)[number];

const period = {
  from: calendarDate.describe("first day of the period; the export starts with its month"),
  to: calendarDate.describe("last day of the period, not after today; at most 36 months after from's month"),
};

/** Query of `GET /research-export` and body of `POST /research-exports`. */
export const researchExportQuery = z.object(period);
export const researchExportInput = z.object(period).strict();
export type ResearchExportInput = z.infer<typeof researchExportInput>;

/** The level of each quasi-identifier's ladder an export applied. */
export const researchExportGeneralisation = z.object({
  ageBand: z.string(),
  district: z.string(),
  benefitBand: z.string(),
  household: z.string(),
});
export type ResearchExportGeneralisation = z.infer<typeof researchExportGeneralisation>;

const bilingual = z.object({ nl: z.string(), en: z.string() });

/** One column of the data dictionary. */
export const researchExportDictionaryColumn = z.object({
  name: z.enum(RESEARCH_EXPORT_COLUMNS),
  meaning: bilingual,
  values: z.string().describe("the values or bands the column takes, and what an empty cell means"),
  quasiIdentifier: z.boolean().describe("true for a column k-anonymity is checked on"),
  generalisation: z
    .array(z.object({ level: z.string(), values: z.string() }))
    .describe("for a quasi-identifier: its ladder, finest first, with the values at each level; empty otherwise"),
});

/** The data dictionary: every column, the pseudonyms, and how k-anonymity is reached. */
export const researchExportDictionary = z.object({
  format: z.string().describe("the file: CSV, UTF-8, comma-separated, a header row"),
  rowsAre: bilingual,
  k: z.number().int(),
  quasiIdentifiers: z.array(z.enum(QUASI_IDENTIFIERS)),
  pseudonyms: bilingual,
  anonymisation: bilingual,
  limitations: z.array(bilingual),
  columns: z.array(researchExportDictionaryColumn),
});
export type ResearchExportDictionary = z.infer<typeof researchExportDictionary>;

/** What an export applied and released: the levels, rows kept and suppressed, the smallest group. */
export const researchExportSummary = z.object({
  rowCount: z.number().int().describe("client-months released"),
  clients: z.number().int().describe("distinct pseudonyms released"),
  suppressedRows: z.number().int().describe("client-months left out because their group stayed below k"),
  smallestGroup: z.number().int().nullable().describe("the fewest clients sharing the quasi-identifiers in a month (≥ k)"),
  generalisation: researchExportGeneralisation,
});
export type ResearchExportSummary = z.infer<typeof researchExportSummary>;

/** A research export made in the background: its progress and, when done, what it released. */
export const researchExportOutput = z.object({
  id: z.uuid(),
  from: calendarDate,
  to: calendarDate,
  status: z.enum(RESEARCH_EXPORT_STATUSES),
  progress: z.number().min(0).max(1).describe("0 to 1"),
  summary: researchExportSummary.nullable().describe("when done"),
  error: z.string().nullable().describe("when failed"),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
  abilities: z.object({ download: z.boolean() }),
});
export type ResearchExportOutput = z.infer<typeof researchExportOutput>;
