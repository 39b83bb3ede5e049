import { EDUCATION_LEVELS, HOUSEHOLD_SITUATIONS } from "@shared/enums.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CLIENT_FIELDS, type ClientField, type ClientFormValues } from "./clientFormModel.js";
import { LanguagesField } from "./LanguagesField.js";

interface ClientFormProps {
  initial: ClientFormValues;
  onSubmit: (values: ClientFormValues) => void;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  cancelTo: string;
}

const INPUT_TYPES: Partial<Record<ClientField, { type: string; autoComplete?: string; inputMode?: "numeric" | "decimal" }>> = {
  bsn: { type: "text", autoComplete: "off", inputMode: "numeric" },
  givenName: { type: "text", autoComplete: "off" },
  familyName: { type: "text", autoComplete: "off" },
  birthDate: { type: "date" },
  postcode: { type: "text", autoComplete: "off" },
  houseNumber: { type: "text", autoComplete: "off", inputMode: "numeric" },
  houseNumberAddition: { type: "text", autoComplete: "off" },
  benefitStartDate: { type: "date" },
  capacityHoursPerWeek: { type: "text", inputMode: "decimal" },
  phone: { type: "tel", autoComplete: "off" },
  email: { type: "email", autoComplete: "off" },
};

const OPTIONAL: readonly ClientField[] = ["houseNumberAddition", "capacityHoursPerWeek", "phone", "email", "languages"];

const GROUPS: { legend: string; fields: ClientField[] }[] = [
  { legend: "clientForm.person", fields: ["bsn", "givenName", "familyName", "birthDate"] },
  { legend: "clientForm.address", fields: ["postcode", "houseNumber", "houseNumberAddition"] },
  { legend: "clientForm.benefit", fields: ["benefitStartDate", "capacityHoursPerWeek"] },
  { legend: "clientForm.contact", fields: ["phone", "email", "languages"] },
  { legend: "clientForm.situation", fields: ["householdSituation", "educationLevel"] },
];

/** The client form used to register and to edit: fields grouped, errors from the server beside each field. */
export function ClientForm({ initial, onSubmit, pending, error, submitLabel, cancelTo }: ClientFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const errors = useMemo(() => formErrorsOf(error, t, CLIENT_FIELDS), [error, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(values);
  }

  function control(field: ClientField) {
    const label = OPTIONAL.includes(field) ? t("form.optional", { label: t(`client.${field}`) }) : t(`client.${field}`);
    const hint = t(`clientForm.hint.${field}`, { defaultValue: "" });
    const common = {
      name: field,
      label,
      value: values[field],
      onChange: (value: string) => setValues((current) => ({ ...current, [field]: value })),
      error: errors.byField[field],
      description: hint || undefined,
    };
    if (field === "languages") return <LanguagesField key={field} {...common} />;
    if (field === "householdSituation" || field === "educationLevel") {
      const [list, prefix] = field === "householdSituation" ? [HOUSEHOLD_SITUATIONS, "household"] : [EDUCATION_LEVELS, "education"];
      return <SelectField key={field} {...common} options={list.map((value) => ({ value, label: t(`${prefix}.${value}`) }))} />;
    }
    return <TextField key={field} {...common} {...INPUT_TYPES[field]} required={!OPTIONAL.includes(field)} />;
  }

  return (
    <>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
        {GROUPS.map((group) => (
          <fieldset key={group.legend} className="nv-fieldset nv-fieldset--group">
            <legend className="nv-fieldset__legend">{t(group.legend)}</legend>
            <div className="nv-form__grid">{group.fields.map(control)}</div>
          </fieldset>
        ))}
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={pending}>
            {submitLabel}
          </PrimaryActionButton>
          <Link to={cancelTo} className="nl-link">
            {t("form.cancel")}
          </Link>
        </div>
      </form>
    </>
  );
}
