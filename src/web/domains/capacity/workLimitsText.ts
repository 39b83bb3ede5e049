import type { WorkLimits } from "@shared/capacity.js";
import { formatHours } from "@web/components/format.js";
import type { TFunction } from "i18next";

/** A client's work-relevant limits in plain words, e.g. "maximaal 6 uur per dag, geen zwaar tilwerk"; empty when none. */
export function workLimitsText(t: TFunction, limits: WorkLimits, language: string): string {
  const parts: string[] = [];
  if (limits.hoursPerDay !== null) parts.push(t("workLimits.hoursPerDay", { hours: formatHours(limits.hoursPerDay, language) }));
  if (limits.daysPerWeek !== null) parts.push(t("workLimits.daysPerWeek", { count: limits.daysPerWeek }));
  for (const limit of limits.functionalLimits) parts.push(t(`functionalLimit.${limit}`));
  return parts.join(", ");
}
