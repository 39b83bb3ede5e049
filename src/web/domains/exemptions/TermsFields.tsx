import { EXEMPTION_SCOPES } from "@shared/schemas/exemptions.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { TextField } from "@web/components/fields.js";
import { useTranslation } from "react-i18next";
import { TERMS_FIELDS, type TermsValues } from "./exemptionFormModel.js";

interface TermsFieldsProps {
  values: TermsValues;
  onChange: (changes: Partial<TermsValues>) => void;
  /** Field errors by control name. */
  errors: Record<string, string>;
  /** Put before each control's name, so two forms with terms can be on one page. */
  prefix?: string;
}

/** Full or partial (with the hours still asked), from when, and until an end date or a review date. */
export function TermsFields({ values, onChange, errors, prefix = "" }: TermsFieldsProps) {
  const { t } = useTranslation();
  const name = (field: keyof TermsValues) => controlName(prefix, field);
  const text = (field: Exclude<keyof TermsValues, "scope">) => (value: string) => onChange({ [field]: value });
  return (
    <>
      <ChoiceFieldset
        name={name("scope")}
        legend={t("exemptionForm.scope")}
        type="radio"
        layout="inline"
        choices={EXEMPTION_SCOPES.map((scope) => ({ value: scope, label: t(`exemptionScope.${scope}`) }))}
        selected={values.scope ? [values.scope] : []}
        onChange={([scope]) => onChange({ scope: scope ?? "" })}
        error={errors[name("scope")]}
      />
      {values.scope === "partial" ? (
        <TextField
          name={name("maxHoursPerWeek")}
          inputMode="decimal"
          label={t("exemptionForm.maxHoursPerWeek")}
          description={t("exemptionForm.maxHoursPerWeekHint")}
          value={values.maxHoursPerWeek}
          onChange={text("maxHoursPerWeek")}
          error={errors[name("maxHoursPerWeek")]}
          className="nv-input--short"
          autoComplete="off"
        />
      ) : null}
      <div className="nv-form__grid nv-form__grid--two">
        <TextField
          name={name("startDate")}
          type="date"
          label={t("exemptionForm.startDate")}
          value={values.startDate}
          onChange={text("startDate")}
          error={errors[name("startDate")]}
        />
        <TextField
          name={name("endDate")}
          type="date"
          label={t("exemptionForm.endDate")}
          description={t("exemptionForm.endOrReviewHint")}
          value={values.endDate}
          onChange={text("endDate")}
          error={errors[name("endDate")]}
        />
        <TextField
          name={name("reviewDate")}
          type="date"
          label={t("exemptionForm.reviewDate")}
          description={t("exemptionForm.endOrReviewHint")}
          value={values.reviewDate}
          onChange={text("reviewDate")}
          error={errors[name("reviewDate")]}
        />
      </div>
    </>
  );
}

function controlName(prefix: string, field: string): string {
  return prefix ? `${prefix}${field.charAt(0).toUpperCase()}${field.slice(1)}` : field;
}

/** The control names of the terms fields under a prefix, by API field, for formErrorsOf. */
export function termsControls(prefix: string): Record<string, string> {
  return Object.fromEntries(TERMS_FIELDS.map((field) => [field, controlName(prefix, field)]));
}
