import { invalidField } from "@server/http/errors.js";
import type { Ordinance } from "@shared/schemas/ordinance.js";
import type { SanctionDecisionInput } from "@shared/schemas/sanctions.js";

/** Attributions of a placement's ending that make it no ground for a sanction. */
export const NOT_ATTRIBUTABLE = ["organisation", "health", "caregiving"] as const;

export interface SanctionLevel {
  level: number;
  percentage: number;
  months: number;
  ordinanceVersion: number;
}

/**
 * The ordinance's level for a ground: its starting level, one higher for each recurrence within a year, one
 * lower when culpability is reduced; never below the first level or above the last.
 */
export function levelFor(
  ground: keyof Ordinance["sanctionGroundLevels"],
  recurrence: number,
  culpability: string,
  ordinance: Ordinance,
): SanctionLevel {
  const raw = ordinance.sanctionGroundLevels[ground] + (recurrence - 1) - (culpability === "reduced" ? 1 : 0);
  const index = Math.min(Math.max(raw, 1), ordinance.sanctionLevels.length) - 1;
  const scale = ordinance.sanctionLevels[index]!;
  return { level: scale.level, percentage: scale.percentage, months: scale.months, ordinanceVersion: ordinance.version };
}

/** What a decision imposes: the ordinance's level, a lower one with its own reasons, or nothing. */
export function decidedTerms(
  input: SanctionDecisionInput,
  level: SanctionLevel,
): { level: number | null; percentage: number | null; months: number | null } {
  if (input.outcome === "refrained") return { level: null, percentage: null, months: null };
  if (input.outcome === "imposed") return { level: level.level, percentage: level.percentage, months: level.months };
  const percentage = input.percentage ?? level.percentage;
  const months = input.months ?? level.months;
  if (input.percentage === null || input.percentage === undefined) {
    if (input.months === null || input.months === undefined)
      throw invalidField("percentage", "required", "A lower sanction gives a lower percentage or fewer months");
  }
  if (percentage > level.percentage)
    throw invalidField("percentage", "notLower", `The ordinance gives ${level.percentage} %; a lower sanction cannot be higher`);
  if (months > level.months)
    throw invalidField("months", "notLower", `The ordinance gives ${level.months} months; a lower sanction cannot be longer`);
  if (percentage === level.percentage && months === level.months)
    throw invalidField("percentage", "notLower", "This is the ordinance's level, not a lower one");
  return { level: level.level, percentage, months };
}
