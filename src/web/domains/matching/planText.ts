import type { MatchPlanOutput } from "@shared/schemas/matching.js";
import type { TFunction } from "i18next";

/** The area a plan covers: its district, or the whole city. */
export function planArea(t: TFunction, plan: Pick<MatchPlanOutput, "district">): string {
  return plan.district ?? t("matchPlans.wholeCity");
}

/** A share from 0 to 1 as a whole percentage, e.g. "45%". */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}
