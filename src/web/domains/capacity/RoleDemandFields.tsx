import { FUNCTIONAL_LIMITS, ROLE_EDUCATION_LEVELS } from "@shared/capacity.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { useTranslation } from "react-i18next";

/** What a role asks beyond its hours a week, as the form holds it. */
export interface RoleDemandValues {
  longestDayHours: string;
  daysPerWeek: string;
  demands: string[];
  educationLevel: string;
}

/** The field names these controls carry, as the server names them in its errors. */
export const ROLE_DEMAND_FIELDS = ["longestDayHours", "daysPerWeek", "demands", "educationLevel"] as const;

/** A role with no demands: one day a week, no education asked, the longest day left to the server. */
export const EMPTY_ROLE_DEMANDS: RoleDemandValues = { longestDayHours: "", daysPerWeek: "1", demands: [], educationLevel: "none" };

/** The longest day, the days a week, what the work asks of body and mind (in the categories of a client's limits) and the education it fits. */
export function RoleDemandFields({
  values,
  onChange,
  errors,
}: {
  values: RoleDemandValues;
  onChange: (changes: Partial<RoleDemandValues>) => void;
  errors: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="nv-fieldset nv-fieldset--group">
      <legend className="nv-fieldset__legend">{t("roleDemands.legend")}</legend>
      <div className="nv-form__grid">
        <TextField
          name="longestDayHours"
          inputMode="decimal"
          label={t("form.optional", { label: t("roleDemands.longestDayHours") })}
          description={t("roleDemands.longestDayHoursHint")}
          value={values.longestDayHours}
          onChange={(longestDayHours) => onChange({ longestDayHours })}
          error={errors.longestDayHours}
          autoComplete="off"
          className="nv-input--short"
        />
        <TextField
          name="daysPerWeek"
          inputMode="numeric"
          label={t("roleDemands.daysPerWeek")}
          value={values.daysPerWeek}
          onChange={(daysPerWeek) => onChange({ daysPerWeek })}
          error={errors.daysPerWeek}
          autoComplete="off"
          className="nv-input--short"
        />
        <SelectField
          name="educationLevel"
          label={t("roleDemands.educationLevel")}
          value={values.educationLevel}
          onChange={(educationLevel) => onChange({ educationLevel })}
          options={ROLE_EDUCATION_LEVELS.map((level) => ({ value: level, label: t(`roleEducation.${level}`) }))}
          error={errors.educationLevel}
        />
      </div>
      <ChoiceFieldset
        name="demands"
        legend={t("form.optional", { label: t("roleDemands.demandsLegend") })}
        type="checkbox"
        choices={FUNCTIONAL_LIMITS.map((demand) => ({ value: demand, label: t(`workDemand.${demand}`) }))}
        selected={values.demands}
        onChange={(demands) => onChange({ demands })}
        error={errors.demands}
      />
    </fieldset>
  );
}

/** The demands as `POST /roles` takes them: an empty longest day is left to the server, the demands in the list's order. */
export function toRoleDemands(values: RoleDemandValues) {
  return {
    longestDayHours: values.longestDayHours.trim() === "" ? undefined : Number(values.longestDayHours.replace(",", ".")),
    daysPerWeek: Number(values.daysPerWeek),
    demands: FUNCTIONAL_LIMITS.filter((demand) => values.demands.includes(demand)),
    educationLevel: values.educationLevel,
  };
}
