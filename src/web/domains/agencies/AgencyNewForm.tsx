import { Alert } from "@web/components/Alert.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { Heading, PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { AgencyFields, type AgencyFieldValues, agencyInput } from "./AgencyFields.js";
import { useCreateAgency } from "./api.js";

const FIELDS = ["name", "kvkNumber", "district"] as const;

/** For admins: register an intermediary agency; its workers' accounts are then made on the users page. */
export function AgencyNewForm() {
  const { t } = useTranslation();
  const create = useCreateAgency();
  const [values, setValues] = useState<AgencyFieldValues>({ name: "", kvkNumber: "", district: "" });
  const errors = useMemo(() => formErrorsOf(create.error, t, FIELDS), [create.error, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(agencyInput(values));
  }

  return (
    <section className="nv-section" aria-labelledby="agency-new-title">
      <Heading level={2} id="agency-new-title">
        {t("agencies.newTitle")}
      </Heading>
      {create.isSuccess ? (
        <Alert type="ok" role="status">
          {t("agencies.created", { name: create.data.name })}
        </Alert>
      ) : null}
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <AgencyFields values={values} onChange={setValues} errors={errors.byField} />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={create.isPending}>
            {t("agencies.create")}
          </PrimaryActionButton>
        </div>
      </form>
    </section>
  );
}
