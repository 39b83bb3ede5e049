import { FUNCTIONAL_LIMITS, GUIDANCE_LEVELS } from "@shared/capacity.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { useTranslation } from "react-i18next";

/** What the capacity fields hold: hours a day and days a week as typed, the limits chosen, and the guidance need. */
export interface CapacityLimitValues {
  capacityHoursPerDay: string;
  capacityDaysPerWeek: string;
  functionalLimits: string[];
  guidanceNeed: string;
}

/** The field names these controls carry, as the server names them in its errors. */
export const CAPACITY_LIMIT_FIELDS = ["capacityHoursPerDay", "capacityDaysPerWeek", "functionalLimits", "guidanceNeed"] as const;

/**
 * Hours a day, days a week, the functional limits as a checkbox fieldset in plain Dutch (never a diagnosis), and the
 * guidance the client needs: for the intake and the client's record.
 */
export function CapacityLimitFields({
  values,
  onChange,
  errors,
}: {
  values: CapacityLimitValues;
  onChange: (changes: Partial<CapacityLimitValues>) => void;
  errors: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="nv-form__grid">
        <TextField
          name="capacityHoursPerDay"
          inputMode="decimal"
          label={t("form.optional", { label: t("capacityFields.hoursPerDay") })}
          description={t("capacityFields.hoursPerDayHint")}
          value={values.capacityHoursPerDay}
          onChange={(capacityHoursPerDay) => onChange({ capacityHoursPerDay })}
          error={errors.capacityHoursPerDay}
          autoComplete="off"
          className="nv-input--short"
        />
        <TextField
          name="capacityDaysPerWeek"
          inputMode="numeric"
          label={t("form.optional", { label: t("capacityFields.daysPerWeek") })}
          description={t("capacityFields.daysPerWeekHint")}
          value={values.capacityDaysPerWeek}
          onChange={(capacityDaysPerWeek) => onChange({ capacityDaysPerWeek })}
          error={errors.capacityDaysPerWeek}
          autoComplete="off"
          className="nv-input--short"
        />
      </div>
      <ChoiceFieldset
        name="functionalLimits"
        legend={t("capacityFields.limitsLegend")}
        description={t("capacityFields.limitsHint")}
        type="checkbox"
        choices={FUNCTIONAL_LIMITS.map((limit) => ({ value: limit, label: t(`functionalLimit.${limit}`) }))}
        selected={values.functionalLimits}
        onChange={(functionalLimits) => onChange({ functionalLimits })}
        error={errors.functionalLimits}
      />
      <SelectField
        name="guidanceNeed"
        label={t("capacityFields.guidanceNeed")}
        value={values.guidanceNeed}
        onChange={(guidanceNeed) => onChange({ guidanceNeed })}
        options={GUIDANCE_LEVELS.map((level) => ({ value: level, label: t(`guidanceLevel.${level}`) }))}
        error={errors.guidanceNeed}
      />
    </>
  );
}

/** The capacity fields as the API takes them: an empty number is no limit, the limits in the list's own order. */
export function toCapacityLimits(values: CapacityLimitValues) {
  const number = (text: string) => (text.trim() === "" ? null : Number(text.replace(",", ".")));
  return {
    capacityHoursPerDay: number(values.capacityHoursPerDay),
    capacityDaysPerWeek: number(values.capacityDaysPerWeek),
    functionalLimits: FUNCTIONAL_LIMITS.filter((limit) => values.functionalLimits.includes(limit)),
    guidanceNeed: GUIDANCE_LEVELS.find((level) => level === values.guidanceNeed) ?? "regular",
  };
}
