import { SANCTION_OUTCOMES, type SanctionOutput, sanctionDecisionInput } from "@shared/schemas/sanctions.js";
import { Alert } from "@web/components/Alert.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { TextAreaField } from "@web/components/fields.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSanctionAction } from "./api.js";
import { HearingVersions } from "./HearingVersions.js";
import { LowerTermsFields, lowerTermsControls } from "./LowerTermsFields.js";
import { DECISION_FIELDS, type DecisionValues, emptyDecisionValues, toDecisionInput } from "./sanctionFormModel.js";

const PREFIX = "decision";
const CONTROLS = {
  ...lowerTermsControls(PREFIX),
  outcome: "sanctionOutcome",
  reasons: "decisionReasons",
  "urgentReasonsLapsed.reasons": "urgentReasonsLapsed",
};

interface DecideSanctionFormProps {
  sanction: SanctionOutput;
  /** Who gets the decision letter. */
  clientName: string;
  onDone: (saved: boolean) => void;
}

/**
 * A team lead who did not propose decides, with reasons for the letter: the ordinance's level, lower, or none.
 * While the server does not allow imposing (urgent reasons recorded with the proposal), only refraining is offered,
 * unless the team lead records, as a new weighing with reasons, that the urgent reasons no longer apply.
 */
export function DecideSanctionForm({ sanction, clientName, onDone }: DecideSanctionFormProps) {
  const { t } = useTranslation();
  const action = useSanctionAction(sanction);
  const [values, setValues] = useState<DecisionValues>(emptyDecisionValues);
  const change = (changes: Partial<DecisionValues>) => setValues((current) => ({ ...current, ...changes }));
  const { percentage, months, ordinanceVersion } = sanction.proposedLevel;
  const level = t("sanctions.level", { percentage, count: months });
  const urgent = !sanction.abilities.impose;
  const confirmation = useConfirmation({
    title: t("sendLetter.title"),
    body: t("sendLetter.letter", { name: clientName, what: t("sendLetter.what.sanctionDecision") }),
    confirmLabel: t("sendLetter.send"),
  });
  const errors = useMemo(
    () => formErrorsOf(confirmation.invalid ?? action.error, t, DECISION_FIELDS, CONTROLS),
    [confirmation.invalid, action.error, t],
  );
  const outcomes = urgent && values.urgentReasonsStand !== "no" ? (["refrained"] as const) : SANCTION_OUTCOMES;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The decision goes to the client as a letter: asked first.
    confirmation.ask((input) => action.mutate({ kind: "decision", input }, { onSuccess: () => onDone(true) }), {
      form: event.currentTarget,
      schema: sanctionDecisionInput,
      body: toDecisionInput(values),
    });
  }

  return (
    <section className="nv-panel" aria-labelledby="sanction-decision-title">
      <Heading level={4} id="sanction-decision-title" className="nv-panel__title">
        {t("sanctionDecision.title", { ground: t(`sanctionGround.${sanction.ground}`) })}
      </Heading>
      <Paragraph>{t("sanctionDecision.intro", { name: sanction.proposedBy })}</Paragraph>
      <Paragraph>{t("sanctionDecision.ordinance", { level, version: ordinanceVersion })}</Paragraph>
      {sanction.hearing.versions.length === 0 ? <Paragraph>{t("sanctionDecision.notHeard")}</Paragraph> : null}
      <HearingVersions sanction={sanction} level={5} />
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      {urgent ? (
        <Alert type="warning">
          {sanction.urgentReasonsNote
            ? t("sanctionDecision.urgentReasons", { note: sanction.urgentReasonsNote })
            : t("sanctionDecision.urgentReasonsNoNote")}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
        {urgent ? (
          <ChoiceFieldset
            name="urgentReasonsStand"
            legend={t("sanctionDecision.urgentReasonsStand")}
            description={t("sanctionDecision.urgentReasonsStandHint")}
            type="radio"
            choices={[
              { value: "yes", label: t("sanctionDecision.urgentReasonsStandYes") },
              { value: "no", label: t("sanctionDecision.urgentReasonsStandNo") },
            ]}
            selected={values.urgentReasonsStand ? [values.urgentReasonsStand] : []}
            onChange={([stand]) =>
              change({
                urgentReasonsStand: stand ?? "",
                ...(stand !== "no" && values.outcome !== "refrained" ? { outcome: "" } : {}),
              })
            }
          />
        ) : null}
        {urgent && values.urgentReasonsStand === "no" ? (
          <TextAreaField
            name="urgentReasonsLapsed"
            label={t("sanctionDecision.urgentReasonsLapsed")}
            description={t("sanctionDecision.urgentReasonsLapsedHint")}
            value={values.urgentReasonsLapsed}
            onChange={(urgentReasonsLapsed) => change({ urgentReasonsLapsed })}
            error={errors.byField.urgentReasonsLapsed}
            rows={3}
          />
        ) : null}
        <ChoiceFieldset
          name="sanctionOutcome"
          legend={t("sanctionDecision.outcome")}
          type="radio"
          choices={outcomes.map((outcome) => ({ value: outcome, label: t(`sanctionOutcome.${outcome}`) }))}
          selected={values.outcome ? [values.outcome] : []}
          onChange={([outcome]) => change({ outcome: outcome ?? "" })}
          error={errors.byField.sanctionOutcome}
        />
        {values.outcome === "imposedLower" ? (
          <LowerTermsFields
            values={values}
            onChange={change}
            errors={errors.byField}
            prefix={PREFIX}
            description={t("lowerTerms.belowOrdinance", { level })}
          />
        ) : null}
        <TextAreaField
          name="decisionReasons"
          label={t("sanctionDecision.reasons")}
          description={t("sanctionDecision.reasonsHint")}
          value={values.reasons}
          onChange={(reasons) => change({ reasons })}
          error={errors.byField.decisionReasons}
          rows={4}
        />
        <FormActions submitLabel={t("sanctionDecision.submit")} busy={action.isPending} onCancel={() => onDone(false)} />
      </form>
      {confirmation.dialog}
    </section>
  );
}
