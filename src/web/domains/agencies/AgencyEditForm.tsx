import type { AgencyOutput } from "@shared/schemas/agencies.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { focusOnMount } from "@web/components/focus.js";
import { Heading } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { AgencyFields, type AgencyFieldValues, agencyInput } from "./AgencyFields.js";
import { useUpdateAgency } from "./api.js";

const FIELDS = ["name", "kvkNumber", "district"] as const;

/** For admins: change an agency's registration, with the fields it was registered with. */
export function AgencyEditForm({ agency, onDone }: { agency: AgencyOutput; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const update = useUpdateAgency(agency.id);
  const [values, setValues] = useState<AgencyFieldValues>({
    name: agency.name,
    kvkNumber: agency.kvkNumber ?? "",
    district: agency.district ?? "",
  });
  const errors = useMemo(() => formErrorsOf(update.error, t, FIELDS), [update.error, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(agencyInput(values), { onSuccess: () => onDone(true) });
  }

  return (
    <section className="nv-panel" aria-labelledby="agency-edit-title">
      <Heading level={2} id="agency-edit-title" ref={focusOnMount} tabIndex={-1} className="nv-panel__title">
        {t("agencies.editTitle")}
      </Heading>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <AgencyFields values={values} onChange={setValues} errors={errors.byField} />
        <FormActions submitLabel={t("agencies.save")} busy={update.isPending} onCancel={() => onDone(false)} />
      </form>
    </section>
  );
}
