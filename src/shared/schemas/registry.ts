import { z } from "zod";
import { BENEFIT_END_REASONS } from "../enums.js";
import { FIELD_ERROR_CODES } from "../problem-codes.js";
import { calendarDate, timestamp } from "./common.js";

/** One row of the state pension age table: everyone born from `bornFrom` to `bornUntil` (open ends null). */
export const statePensionAgeRow = z.object({
  bornFrom: calendarDate.nullable().describe("first birth date of the row; null: everyone born before bornUntil"),
  bornUntil: calendarDate.nullable().describe("last birth date of the row; null: everyone born from bornFrom on"),
  years: z.number().int().min(60).max(75),
  months: z.number().int().min(0).max(11),
});
export type StatePensionAgeRow = z.infer<typeof statePensionAgeRow>;

/**
 * Body of `PUT /state-pension-ages`: the whole table, oldest birth dates first. The rows follow each other without a
 * gap or an overlap, and only the first may be open at its start and only the last at its end (400 `notContiguous`
 * naming the row), so that every birth date has exactly one age.
 */
export const statePensionAgesInput = z.object({ items: z.array(statePensionAgeRow).min(1).max(100) }).superRefine((value, ctx) => {
  value.items.forEach((row, i) => {
    const previous = value.items[i - 1];
    const follows = i === 0 || (previous?.bornUntil != null && row.bornFrom !== null && dayAfter(previous.bornUntil) === row.bornFrom);
    const closed = row.bornUntil !== null || i === value.items.length - 1;
    const ordered = row.bornFrom === null || row.bornUntil === null || row.bornFrom <= row.bornUntil;
    const fits = follows && closed && ordered;
    if (!fits)
      ctx.addIssue({ code: "custom", path: ["items", i], message: "Rows must follow each other", params: { code: "notContiguous" } });
  });
});
export type StatePensionAgesInput = z.infer<typeof statePensionAgesInput>;

/** The table as the API gives it, with its last change. */
export const statePensionAgesOutput = z.object({
  items: z.array(statePensionAgeRow),
  updatedAt: timestamp,
  abilities: z.object({ update: z.boolean() }),
});

function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Body of `POST /clients/{id}/benefit-end`: the benefits administration ended the benefit on this day. */
export const benefitEndInput = z.object({
  benefitEndDate: calendarDate.describe("the last day of the benefit"),
  reason: z.enum(BENEFIT_END_REASONS).describe("work, moved, otherIncome, deceased or other"),
});
export type BenefitEndInput = z.infer<typeof benefitEndInput>;

/** A partner in the client's household, as the consultant sees them: a link when the partner is in their scope. */
export const householdPartner = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
});
export type HouseholdPartner = z.infer<typeof householdPartner>;

/** How one row of an import went. */
export const IMPORT_OUTCOMES = ["created", "updated", "unchanged", "refused"] as const;

/** One row of an import's report: its line in the file, its outcome, the fields changed or why it was refused. */
export const importRowReport = z.object({
  line: z.number().int().describe("the row's line in the file (the header is line 1)"),
  outcome: z.enum(IMPORT_OUTCOMES),
  clientId: z.uuid().nullable(),
  fields: z.array(z.string()).describe("for an update: the fields that changed"),
  refusals: z
    .array(
      z.object({
        column: z.string().describe("the column as the file names it"),
        field: z.string(),
        code: z.enum(FIELD_ERROR_CODES),
        reason: z.string(),
      }),
    )
    .describe("for a refused row: each wrong field"),
});
export type ImportRowReport = z.infer<typeof importRowReport>;

/** What an import did: its counts and a report per row. */
export const importReport = z.object({
  importId: z.uuid().nullable().describe("null when the file changed nothing"),
  encoding: z.enum(["utf-8", "windows-1252"]),
  rows: z.array(importRowReport),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
  moved: z.number().int().describe("clients moved to another district's caseload"),
});
export type ImportReport = z.infer<typeof importReport>;

/**
 * The client registry as the benefits administration exports it: a CSV file with a semicolon between fields, a
 * header line with these Dutch column names in this order, dates as DD-MM-JJJJ, in UTF-8 (with or without a byte
 * order mark) or Windows-1252. The export writes the same format, so an export imports unchanged.
 */
export const REGISTRY_COLUMNS = [
  { header: "BSN", field: "bsn" },
  { header: "Voornamen", field: "givenName" },
  { header: "Achternaam", field: "familyName" },
  { header: "Geboortedatum", field: "birthDate" },
  { header: "Straat", field: "street" },
  { header: "Huisnummer", field: "houseNumber" },
  { header: "Huisnummertoevoeging", field: "houseNumberAddition" },
  { header: "Postcode", field: "postcode" },
  { header: "Woonplaats", field: "city" },
  { header: "Leefsituatie", field: "householdSituation" },
  { header: "Huishoudnummer", field: "householdId" },
  { header: "Telefoonnummer", field: "phone" },
  { header: "E-mailadres", field: "email" },
  { header: "Ingangsdatum uitkering", field: "benefitStartDate" },
  { header: "Einddatum uitkering", field: "benefitEndDate" },
  { header: "Reden einde uitkering", field: "benefitEndReason" },
] as const;
