import { todayInAmsterdam } from "@shared/dates.js";
import type { DecisionOutput } from "@shared/schemas/decisions.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { CheckboxField, TextAreaField, TextField } from "@web/components/fields.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useRegisterObjection } from "./api.js";
import { emptyObjectionValues, OBJECTION_FIELDS, type ObjectionValues, toObjectionInput } from "./objectionFormModel.js";

const CONTROLS = {
  receivedOn: "objectionReceivedOn",
  postedOn: "objectionPostedOn",
  grounds: "objectionGrounds",
  representative: "objectionRepresentative",
  advisoryCommittee: "objectionAdvisoryCommittee",
};

interface ObjectionFormProps {
  decision: DecisionOutput;
  /** The client objects themselves: their reasons, received today. */
  asClient: boolean;
  onDone: (saved: boolean) => void;
}

/** Registers an objection (bezwaar) against a decision: by staff with the dates it came in, or by the client. */
export function ObjectionForm({ decision, asClient, onDone }: ObjectionFormProps) {
  const { t } = useTranslation();
  const action = useRegisterObjection(decision.id);
  const [values, setValues] = useState<ObjectionValues>(() => emptyObjectionValues(todayInAmsterdam()));
  const errors = useMemo(() => formErrorsOf(action.error, t, OBJECTION_FIELDS, CONTROLS), [action.error, t]);
  const change = (changes: Partial<ObjectionValues>) => setValues((current) => ({ ...current, ...changes }));
  const titleId = `objection-title-${decision.id}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    action.mutate(toObjectionInput(values, asClient, todayInAmsterdam()), { onSuccess: () => onDone(true) });
  }

  return (
    <section className="nv-panel" aria-labelledby={titleId}>
      <Heading level={4} id={titleId} className="nv-panel__title">
        {asClient ? t("objectionForm.titleClient") : t("objectionForm.title", { decision: t(`decisionType.${decision.type}`) })}
      </Heading>
      <Paragraph>{asClient ? t("objectionForm.introClient") : t("objectionForm.intro")}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        {asClient ? null : (
          <>
            <TextField
              name="objectionReceivedOn"
              type="date"
              label={t("objectionForm.receivedOn")}
              value={values.receivedOn}
              onChange={(receivedOn) => change({ receivedOn })}
              error={errors.byField.objectionReceivedOn}
            />
            <TextField
              name="objectionPostedOn"
              type="date"
              label={t("objectionForm.postedOn")}
              description={t("objectionForm.postedOnHint")}
              value={values.postedOn}
              onChange={(postedOn) => change({ postedOn })}
              error={errors.byField.objectionPostedOn}
            />
          </>
        )}
        <TextAreaField
          name="objectionGrounds"
          label={asClient ? t("objectionForm.groundsClient") : t("objectionForm.grounds")}
          description={asClient ? t("objectionForm.groundsClientHint") : undefined}
          value={values.grounds}
          onChange={(grounds) => change({ grounds })}
          error={errors.byField.objectionGrounds}
          rows={5}
        />
        <TextField
          name="objectionRepresentative"
          label={asClient ? t("objectionForm.representativeClient") : t("objectionForm.representative")}
          description={asClient ? t("objectionForm.representativeClientHint") : t("objectionForm.representativeHint")}
          value={values.representative}
          onChange={(representative) => change({ representative })}
          error={errors.byField.objectionRepresentative}
          autoComplete="off"
        />
        {asClient ? null : (
          <CheckboxField
            name="objectionAdvisoryCommittee"
            label={t("objectionForm.advisoryCommittee")}
            description={t("objectionForm.advisoryCommitteeHint")}
            checked={values.advisoryCommittee}
            onChange={(advisoryCommittee) => change({ advisoryCommittee })}
          />
        )}
        <FormActions
          submitLabel={asClient ? t("objectionForm.submitClient") : t("objectionForm.submit")}
          busy={action.isPending}
          onCancel={() => onDone(false)}
        />
      </form>
    </section>
  );
}
