import { TextField } from "@web/components/fields.js";
import { useTranslation } from "react-i18next";
import type { LowerTermsValues } from "./sanctionFormModel.js";

interface LowerTermsFieldsProps {
  values: LowerTermsValues;
  onChange: (changes: Partial<LowerTermsValues>) => void;
  errors: Record<string, string>;
  /** Put before the control names, e.g. `decision` for `decisionPercentage`. */
  prefix: string;
  /** What the ordinance gives or what was imposed, as the ceiling to stay under. */
  description: string;
}

/** The percentage and the number of months of a lower sanction. */
export function LowerTermsFields({ values, onChange, errors, prefix, description }: LowerTermsFieldsProps) {
  const { t } = useTranslation();
  return (
    <div className="nv-form__grid nv-form__grid--two">
      <TextField
        name={`${prefix}Percentage`}
        inputMode="decimal"
        label={t("lowerTerms.percentage")}
        description={description}
        value={values.percentage}
        onChange={(percentage) => onChange({ percentage })}
        error={errors[`${prefix}Percentage`]}
        className="nv-input--short"
        autoComplete="off"
      />
      <TextField
        name={`${prefix}Months`}
        inputMode="numeric"
        label={t("lowerTerms.months")}
        description={t("lowerTerms.monthsHint")}
        value={values.months}
        onChange={(months) => onChange({ months })}
        error={errors[`${prefix}Months`]}
        className="nv-input--short"
        autoComplete="off"
      />
    </div>
  );
}

/** The control names of the lower terms under a prefix, by API field, for formErrorsOf. */
export function lowerTermsControls(prefix: string): Record<string, string> {
  return { percentage: `${prefix}Percentage`, months: `${prefix}Months` };
}
