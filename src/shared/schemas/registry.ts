import { z } from "zod";
import { BENEFIT_END_REASONS } from "../enums.js";
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
export const statePensionAgesInput = z
  .object({ items: z.array(statePensionAgeRow).min(1).max(100) })
  .superRefine((value, ctx) => {
    value.items.forEach((row, i) => {
      const previous = value.items[i - 1];
      const follows =
        i === 0 || (previous?.bornUntil != null && row.bornFrom !== null && dayAfter(previous.bornUntil) === row.bornFrom);
      const closed = row.bornUntil !== null || i === value.items.length - 1;
      const ordered = row.bornFrom === null || row.bornUntil === null || row.bornFrom <= row.bornUntil;
      const fits = follows && closed && ordered;
      if (!fits) ctx.addIssue({ code: "custom", path: ["items", i], message: "Rows must follow each other", params: { code: "notContiguous" } });
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
