import { todayInAmsterdam } from "@shared/dates.js";
import { type ExemptionOutput, exemptionDecisionInput, SINGLE_PARENT_GROUND, UNMET_CONDITIONS } from "@shared/schemas/exemptions.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { SelectField, TextAreaField } from "@web/components/fields.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useExemptionAction } from "./api.js";
import { DECISION_FIELDS, type DecisionValues, emptyDecisionValues, toDecisionInput } from "./exemptionFormModel.js";
import { ObligationsFieldset } from "./ObligationsFieldset.js";
import { TermsFields, termsControls } from "./TermsFields.js";

const PREFIX = "decision";
const CONTROLS = {
  ...termsControls(PREFIX),
  outcome: "decisionOutcome",
  note: "decisionNote",
  obligations: "decisionObligations",
  unmetCondition: "decisionUnmetCondition",
};

interface DecisionFormProps {
  exemption: ExemptionOutput;
  /** Who gets the letter. */
  clientName: string;
  /** The exemption as the server answered after the action, or null when the form was cancelled. */
  onDone: (result: ExemptionOutput | null) => void;
}

/** Decides a request for an exemption: granted with its terms, or refused with the reason for the letter. */
export function DecisionForm({ exemption, clientName, onDone }: DecisionFormProps) {
  const { t } = useTranslation();
  const action = useExemptionAction(exemption);
  const [values, setValues] = useState<DecisionValues>(() => emptyDecisionValues(todayInAmsterdam(), exemption));
  const confirmation = useConfirmation({
    title: t("sendLetter.title"),
    body: t("sendLetter.letter", { name: clientName, what: t("sendLetter.what.exemptionDecision") }),
    confirmLabel: t("sendLetter.send"),
  });
  const errors = useMemo(
    () => formErrorsOf(confirmation.invalid ?? action.error, t, DECISION_FIELDS, CONTROLS),
    [confirmation.invalid, action.error, t],
  );
  const change = (changes: Partial<DecisionValues>) => setValues((current) => ({ ...current, ...changes }));
  const type = t(`exemptionType.${exemption.type}`);
  const singleParent = exemption.type === SINGLE_PARENT_GROUND;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The decision goes to the client as a letter: asked first.
    confirmation.ask((input) => action.mutate({ kind: "decisions", input }, { onSuccess: onDone }), {
      form: event.currentTarget,
      schema: exemptionDecisionInput,
      body: toDecisionInput(values),
    });
  }

  return (
    <section className="nv-panel" aria-labelledby="decision-title">
      <Heading level={4} id="decision-title" className="nv-panel__title">
        {t("exemptionDecision.title", { type })}
      </Heading>
      <Paragraph>{t("exemptionDecision.asked", { reason: exemption.reason })}</Paragraph>
      {singleParent ? <Paragraph>{t("exemptionDecision.singleParentRight")}</Paragraph> : null}
      {exemption.type === "medical" ? <Paragraph>{t("exemptionDecision.medicalOnAdvice")}</Paragraph> : null}
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
        <ChoiceFieldset
          name="decisionOutcome"
          legend={t("exemptionDecision.outcome")}
          type="radio"
          choices={["granted", "refused"].map((outcome) => ({ value: outcome, label: t(`exemptionDecision.${outcome}`) }))}
          selected={values.outcome ? [values.outcome] : []}
          onChange={([outcome]) => change({ outcome: outcome ?? "" })}
          error={errors.byField.decisionOutcome}
        />
        {values.outcome === "granted" ? (
          <>
            <ObligationsFieldset
              name="decisionObligations"
              selected={values.obligations}
              onChange={(obligations) => change({ obligations })}
              error={errors.byField.decisionObligations}
            />
            <TermsFields values={values} onChange={change} errors={errors.byField} prefix={PREFIX} />
          </>
        ) : null}
        {values.outcome === "refused" && singleParent ? (
          <SelectField
            name="decisionUnmetCondition"
            label={t("exemptionDecision.unmetCondition")}
            description={t("exemptionDecision.unmetConditionHint")}
            value={values.unmetCondition}
            onChange={(unmetCondition) => change({ unmetCondition })}
            options={[
              { value: "", label: t("roleForm.choose") },
              ...UNMET_CONDITIONS.map((condition) => ({ value: condition, label: t(`unmetCondition.${condition}`) })),
            ]}
            error={errors.byField.decisionUnmetCondition}
          />
        ) : null}
        <TextAreaField
          name="decisionNote"
          label={
            values.outcome === "refused" ? t("exemptionDecision.refusalNote") : t("form.optional", { label: t("exemptionDecision.note") })
          }
          description={values.outcome === "refused" ? t("exemptionDecision.refusalNoteHint") : undefined}
          value={values.note}
          onChange={(note) => change({ note })}
          error={errors.byField.decisionNote}
          rows={3}
        />
        <FormActions submitLabel={t("exemptionDecision.submit")} busy={action.isPending} onCancel={() => onDone(null)} />
      </form>
      {confirmation.dialog}
    </section>
  );
}
