import { activityProposalDecisionInput } from "@shared/schemas/activity-proposals.js";
import { Alert } from "@web/components/Alert.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { TextAreaField, TextField } from "@web/components/fields.js";
import { formatHours } from "@web/components/format.js";
import { toOptionalNumber } from "@web/components/formValues.js";
import { Heading } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ActivityProposalOutput, useDecideProposal } from "./api.js";

const CONTROLS = { outcome: "proposalOutcome", hoursPerWeek: "proposalHours", reasons: "proposalReasons" };

interface DecideProposalFormProps {
  proposal: ActivityProposalOutput;
  /** Hours a week still free within capacity; null while capacity is not assessed. */
  hoursAvailable: number | null;
  onDone: (saved: boolean) => void;
}

/**
 * Accepts a proposal (for the hours proposed, or fewer) or declines it, always with reasons for the letter. When the
 * hours proposed do not fit, the server's refusal says so and the free hours are offered instead; the server decides.
 */
export function DecideProposalForm({ proposal, hoursAvailable, onDone }: DecideProposalFormProps) {
  const { t, i18n } = useTranslation();
  const decide = useDecideProposal(proposal);
  const fits = proposal.acceptRefusal !== "capacityExceeded" || hoursAvailable === null;
  const [outcome, setOutcome] = useState("");
  const [hours, setHours] = useState(() => String(fits ? proposal.hoursPerWeek : hoursAvailable));
  const [reasons, setReasons] = useState("");

  const confirmation = useConfirmation({
    title: t("activityProposalDecision.confirmTitle"),
    body: t("activityProposalDecision.confirmBody"),
    confirmLabel: t("activityProposalDecision.confirmSend"),
  });
  const errors = useMemo(
    () => formErrorsOf(confirmation.invalid ?? decide.error, t, ["outcome", "hoursPerWeek", "reasons"], CONTROLS),
    [confirmation.invalid, decide.error, t],
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The decision goes to the client as a letter: asked first.
    confirmation.ask((input) => decide.mutate(input, { onSuccess: () => onDone(true) }), {
      form: event.currentTarget,
      schema: activityProposalDecisionInput,
      body: {
        outcome: outcome as "accepted" | "declined",
        hoursPerWeek: outcome === "accepted" ? (toOptionalNumber(hours) as number | null) : null,
        reasons,
      },
    });
  }

  return (
    <section className="nv-panel" aria-labelledby={`decide-${proposal.id}-title`}>
      <Heading level={5} id={`decide-${proposal.id}-title`} className="nv-panel__title">
        {t("activityProposalDecision.title")}
      </Heading>
      {proposal.acceptRefusal ? (
        <Alert type="warning">
          {t(`activityProposalDecision.refusal.${proposal.acceptRefusal}`, {
            hours: formatHours(hoursAvailable ?? 0, i18n.language),
            proposed: formatHours(proposal.hoursPerWeek, i18n.language),
          })}
        </Alert>
      ) : null}
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <ChoiceFieldset
          name="proposalOutcome"
          legend={t("activityProposalDecision.outcome")}
          type="radio"
          choices={["accepted", "declined"].map((value) => ({ value, label: t(`activityProposalDecision.${value}`) }))}
          selected={outcome ? [outcome] : []}
          onChange={([value]) => setOutcome(value ?? "")}
          error={errors.byField.proposalOutcome}
        />
        {outcome === "accepted" ? (
          <TextField
            name="proposalHours"
            inputMode="decimal"
            label={t("activityProposalDecision.hours")}
            description={t("activityProposalDecision.hoursHint", { proposed: formatHours(proposal.hoursPerWeek, i18n.language) })}
            value={hours}
            onChange={setHours}
            error={errors.byField.proposalHours}
          />
        ) : null}
        <TextAreaField
          name="proposalReasons"
          label={t("activityProposalDecision.reasons")}
          description={t("activityProposalDecision.reasonsHint")}
          value={reasons}
          onChange={setReasons}
          error={errors.byField.proposalReasons}
          rows={3}
        />
        <FormActions submitLabel={t("activityProposalDecision.submit")} busy={decide.isPending} onCancel={() => onDone(false)} />
      </form>
      {confirmation.dialog}
    </section>
  );
}
