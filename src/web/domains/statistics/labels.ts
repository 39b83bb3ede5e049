import type { TFunction } from "i18next";

/** Where the labels of a dimension's values already live in the translations; the rest under statistics.values. */
const VALUE_LABELS: Record<string, string> = {
  stepType: "planStepType",
  reason: "endReason",
  attribution: "attribution",
  ground: "exemptionType",
  decisionType: "decisionType",
  outcome: "objectionOutcome",
};

/** A period as people write it: "maart 2026", "2026 K1", "2026". */
export function periodLabel(period: string, language: string): string {
  if (/^\d{4}-\d{2}$/.test(period)) {
    const locale = language === "en" ? "en-GB" : "nl-NL";
    return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${period}-01T00:00:00Z`));
  }
  const quarter = /^(\d{4})-Q(\d)$/.exec(period);
  if (quarter) return language === "en" ? `Q${quarter[2]} ${quarter[1]}` : `${quarter[1]} K${quarter[2]}`;
  return period;
}

/** The label of one key of a row, by its dimension. */
export function keyLabel(t: TFunction, language: string, dimension: string, value: string): string {
  if (dimension === "period") return periodLabel(value, language);
  if (dimension === "district") return value || t("statistics.values.noDistrict");
  if (dimension === "rung" || dimension === "fromRung" || dimension === "toRung") return t("statistics.values.rung", { rung: value });
  const own = t(`statistics.values.${dimension}.${value}`, { defaultValue: "" });
  if (own) return own;
  const prefix = VALUE_LABELS[dimension];
  return prefix ? t(`${prefix}.${value}`, { defaultValue: value }) : value;
}

/** The label of a measure (a sanction refused by a rule, `refusedBy.<rule>`, is named by the rule). */
export function measureLabel(t: TFunction, key: string): string {
  return t(`statistics.measures.${key}`);
}
