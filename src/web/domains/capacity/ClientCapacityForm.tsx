import type { ClientOutput } from "@shared/schemas/clients.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useUpdateClient } from "../clients/api.js";
import { CAPACITY_LIMIT_FIELDS, CapacityLimitFields, type CapacityLimitValues, toCapacityLimits } from "./CapacityLimitFields.js";

/** The client's limits beyond hours a week as the form holds them. */
function capacityValues(client: ClientOutput): CapacityLimitValues {
  return {
    capacityHoursPerDay: client.capacityHoursPerDay === null ? "" : String(client.capacityHoursPerDay),
    capacityDaysPerWeek: client.capacityDaysPerWeek === null ? "" : String(client.capacityDaysPerWeek),
    functionalLimits: client.functionalLimits,
    guidanceNeed: client.guidanceNeed,
  };
}

/** The consultant changes the client's hours a day, days a week, functional limits and guidance need on the record. */
export function ClientCapacityForm({ client, onSaved }: { client: ClientOutput; onSaved: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateClient(client.id);
  const [values, setValues] = useState(() => capacityValues(client));
  const errors = useMemo(() => formErrorsOf(update.error, t, CAPACITY_LIMIT_FIELDS), [update.error, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(toCapacityLimits(values), { onSuccess: onSaved });
  }

  return (
    <section aria-labelledby="client-capacity-title">
      <Heading level={2} id="client-capacity-title">
        {t("capacityFields.legend")}
      </Heading>
      <Paragraph>{t("capacityFields.limitsHint")}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
        <CapacityLimitFields
          values={values}
          onChange={(changes) => setValues((current) => ({ ...current, ...changes }))}
          errors={errors.byField}
        />
        <FormActions submitLabel={t("clientEdit.submitCapacity")} busy={update.isPending} />
      </form>
    </section>
  );
}
