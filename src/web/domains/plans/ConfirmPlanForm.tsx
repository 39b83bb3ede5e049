import { type PlanOutput, planConfirmationInput } from "@shared/schemas/plans.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { TextField } from "@web/components/fields.js";
import { toNumber } from "@web/components/formValues.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { useConfirmPlan } from "./api.js";

/** Confirms the draft with the client: the version becomes fixed and the client gets a plan letter. */
export function ConfirmPlanForm({
  plan,
  confirm,
  onConfirmed,
}: {
  plan: PlanOutput;
  /** Held by the plan tab, which shows the result after this form is gone. */
  confirm: ReturnType<typeof useConfirmPlan>;
  onConfirmed: (plan: PlanOutput) => void;
}) {
  const { t } = useTranslation();
  const [weeks, setWeeks] = useState(String(plan.reportingFrequencyWeeks));

  const confirmation = useConfirmation({
    title: t("plan.confirmAskTitle", { version: plan.version }),
    body: t("plan.confirmAskBody"),
    confirmLabel: t("plan.confirmAskSend"),
  });
  const errors = useMemo(
    () => formErrorsOf(confirmation.invalid ?? confirm.error, t, ["reportingFrequencyWeeks"]),
    [confirmation.invalid, confirm.error, t],
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The plan letter goes to the client: asked first; it can be undone until the letter is printed.
    confirmation.ask((body) => confirm.mutate({ planId: plan.id, ...body }, { onSuccess: onConfirmed }), {
      form: event.currentTarget,
      schema: planConfirmationInput,
      body: { reportingFrequencyWeeks: toNumber(weeks) as number },
    });
  }

  return (
    <section className="nv-panel" aria-labelledby="confirm-plan-title">
      <Heading level={3} id="confirm-plan-title" className="nv-panel__title">
        {t("plan.confirmTitle")}
      </Heading>
      <Paragraph>{t("plan.confirmIntro")}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <TextField
          name="reportingFrequencyWeeks"
          inputMode="numeric"
          label={t("plan.reportingFrequencyWeeks")}
          description={t("plan.reportingFrequencyHint")}
          value={weeks}
          onChange={setWeeks}
          error={errors.byField.reportingFrequencyWeeks}
          autoComplete="off"
          className="nv-input--short"
        />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={confirm.isPending}>
            {t("plan.confirm")}
          </PrimaryActionButton>
        </div>
      </form>
      {confirmation.dialog}
    </section>
  );
}
