import { DISTRICTS } from "@shared/districts.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { useTranslation } from "react-i18next";

/** The fields an agency is registered with, as values and setters, for the new and the edit form. */
export interface AgencyFieldValues {
  name: string;
  kvkNumber: string;
  district: string;
}

interface AgencyFieldsProps {
  values: AgencyFieldValues;
  onChange: (values: AgencyFieldValues) => void;
  errors: Record<string, string | undefined>;
}

/** An agency's name, KvK number and district, each with its error. */
export function AgencyFields({ values, onChange, errors }: AgencyFieldsProps) {
  const { t } = useTranslation();
  const set = (field: keyof AgencyFieldValues) => (value: string) => onChange({ ...values, [field]: value });
  return (
    <>
      <TextField name="name" label={t("agencies.name")} value={values.name} onChange={set("name")} error={errors.name} required />
      <TextField
        name="kvkNumber"
        inputMode="numeric"
        label={t("form.optional", { label: t("agencies.kvkNumber") })}
        value={values.kvkNumber}
        onChange={set("kvkNumber")}
        error={errors.kvkNumber}
      />
      <SelectField
        name="district"
        label={t("form.optional", { label: t("agencies.district") })}
        value={values.district}
        onChange={set("district")}
        options={[{ value: "", label: t("agencies.noDistrict") }, ...DISTRICTS.map((d) => ({ value: d, label: d }))]}
        error={errors.district}
      />
    </>
  );
}

/** The values as the API takes them: an empty KvK number or district is none. */
export function agencyInput({ name, kvkNumber, district }: AgencyFieldValues) {
  return { name, kvkNumber: kvkNumber.trim() || null, district: district || null };
}
