import { DISTRICTS } from "@shared/districts.js";
import type { AgencyOutput } from "@shared/schemas/agencies.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { focusOnMount } from "@web/components/focus.js";
import { Heading } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useUpdateAgency } from "./api.js";

const FIELDS = ["name", "kvkNumber", "district"] as const;

/** For admins: change an agency's registration, with the fields it was registered with. */
export function AgencyEditForm({ agency, onDone }: { agency: AgencyOutput; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const update = useUpdateAgency(agency.id);
  const [name, setName] = useState(agency.name);
  const [kvkNumber, setKvkNumber] = useState(agency.kvkNumber ?? "");
  const [district, setDistrict] = useState(agency.district ?? "");
  const errors = useMemo(() => formErrorsOf(update.error, t, FIELDS), [update.error, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ name, kvkNumber: kvkNumber.trim() || null, district: district || null }, { onSuccess: () => onDone(true) });
  }

  return (
    <section className="nv-panel" aria-labelledby="agency-edit-title">
      <Heading level={2} id="agency-edit-title" ref={focusOnMount} tabIndex={-1} className="nv-panel__title">
        {t("agencies.editTitle")}
      </Heading>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <TextField name="name" label={t("agencies.name")} value={name} onChange={setName} error={errors.byField.name} required />
        <TextField
          name="kvkNumber"
          inputMode="numeric"
          label={t("form.optional", { label: t("agencies.kvkNumber") })}
          value={kvkNumber}
          onChange={setKvkNumber}
          error={errors.byField.kvkNumber}
        />
        <SelectField
          name="district"
          label={t("form.optional", { label: t("agencies.district") })}
          value={district}
          onChange={setDistrict}
          options={[{ value: "", label: t("agencies.noDistrict") }, ...DISTRICTS.map((d) => ({ value: d, label: d }))]}
          error={errors.byField.district}
        />
        <FormActions submitLabel={t("agencies.save")} busy={update.isPending} onCancel={() => onDone(false)} />
      </form>
    </section>
  );
}
