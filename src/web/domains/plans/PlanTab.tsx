import type { ClientOutput } from "@shared/schemas/clients.js";
import type { PlanOutput } from "@shared/schemas/plans.js";
import { Alert } from "@web/components/Alert.js";
import { formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { UndoStatus } from "@web/components/UndoStatus.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LetterPdfLink } from "../letters/LetterPdfLink.js";
import { AddStepForm } from "./AddStepForm.js";
import { useConfirmPlan, usePlans, useRecheckPlans, useUndoPlanConfirmation } from "./api.js";
import { ConfirmPlanForm } from "./ConfirmPlanForm.js";
import { PlanCapacity } from "./PlanCapacity.js";
import { PlanHistory } from "./PlanHistory.js";
import { editButtonId, PlanStepsTable } from "./PlanStepsTable.js";
import { currentVersion, type PlanStep } from "./planModel.js";
import { StepEditForm } from "./StepEditForm.js";

function VersionHeader({ plan, inForce }: { plan: PlanOutput; inForce: PlanOutput | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="nv-version">
      <Heading level={3} className="nv-version__title">
        {t("plan.versionNumber", { version: plan.version })}{" "}
        <span className={`nv-status nv-status--${plan.status}`}>{t(`planStatus.${plan.status}`)}</span>
      </Heading>
      {plan.status === "draft" ? (
        <Paragraph>{inForce ? t("plan.draftWithInForce", { version: inForce.version }) : t("plan.draftIntro")}</Paragraph>
      ) : (
        <Paragraph>
          {t("plan.confirmedIntro", { date: formatLongDate(plan.confirmedOn, i18n.language), count: plan.reportingFrequencyWeeks })}{" "}
          {plan.letterId ? <LetterPdfLink letterId={plan.letterId} label={t("plan.letterDownload")} /> : null}
        </Paragraph>
      )}
    </div>
  );
}

/** The plan builder: capacity, the version being worked on with its steps, adding and changing steps, confirming, history. */
export function PlanTab({ client }: { client: ClientOutput }) {
  const { t } = useTranslation();
  const plans = usePlans(client.id);
  const [editing, setEditing] = useState<PlanStep | null>(null);
  // The confirmation's answer stays here after its form is gone: the status and its undo show from it.
  const confirmPlan = useConfirmPlan(client.id);
  const confirmed = confirmPlan.data ?? null;
  const [undone, setUndone] = useState<PlanOutput | null>(null);
  const undo = useUndoPlanConfirmation(client.id);
  const recheck = useRecheckPlans(client.id);
  const items = plans.data?.items ?? [];
  const mayChange = plans.data?.abilities.addStep ?? false;
  const inForce = items.find((plan) => plan.status === "confirmed");
  // Who builds the plan works on the draft; everyone else (the client, an admin) sees the plan in force.
  const current = mayChange ? currentVersion(items) : inForce;
  const capacity = current?.capacityHoursPerWeek ?? client.capacityHoursPerWeek;
  const activeHours = current?.activeHoursPerWeek ?? 0;

  function doneEditing(step: PlanStep) {
    setEditing(null);
    setTimeout(() => document.getElementById(editButtonId(step.id))?.focus(), 0);
  }

  return (
    <section aria-labelledby="plan-title" className="nv-tab-panel">
      <Heading level={2} id="plan-title">
        {t("plan.tabTitle")}
      </Heading>
      <ProblemAlert error={plans.error} />
      {plans.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {plans.data ? (
        <PlanCapacity clientId={client.id} capacity={capacity} activeHours={activeHours} normHours={plans.data.weeklyNormHours} />
      ) : null}
      {confirmed?.letterId && confirmed.id === current?.id && current.status === "confirmed" ? (
        <UndoStatus
          canUndo={current.abilities.undoConfirmation}
          busy={undo.isPending}
          error={undo.error}
          onUndo={() => undo.mutate(current.id, { onSuccess: (plan) => setUndone(plan) })}
        >
          <p className="nv-alert-text">{t("plan.confirmed", { version: confirmed.version })}</p>
          <p className="nv-alert-text">
            <LetterPdfLink letterId={confirmed.letterId} label={t("plan.letterDownload")} onDownload={recheck} />
          </p>
        </UndoStatus>
      ) : null}
      {undone && undone.id === current?.id && current.status === "draft" ? (
        <Alert type="ok" role="status">
          {t("plan.confirmationUndone", { version: undone.version })}
        </Alert>
      ) : null}
      {plans.data && !current ? <Paragraph>{mayChange ? t("plan.none") : t("plan.noneConfirmed")}</Paragraph> : null}
      {current ? (
        <>
          <VersionHeader plan={current} inForce={current.status === "draft" ? inForce : undefined} />
          {current.steps.length > 0 ? (
            <PlanStepsTable
              steps={current.steps}
              caption={t("plan.stepsCaption", { version: current.version, count: current.steps.length })}
              onEdit={current.abilities.changeSteps ? (step) => setEditing(step) : undefined}
              editingId={editing?.id}
            />
          ) : (
            <Paragraph>{t("plan.noSteps")}</Paragraph>
          )}
          {editing ? (
            <StepEditForm
              key={editing.id}
              clientId={client.id}
              step={editing}
              planConfirmed={current.status === "confirmed"}
              activeHours={activeHours}
              capacity={capacity}
              maxDurationMonths={plans.data?.maxDurationMonths ?? current.maxDurationMonths}
              onDone={() => doneEditing(editing)}
            />
          ) : null}
        </>
      ) : null}
      {plans.data && mayChange ? (
        // A new version or a confirmation makes an earlier refusal stale: the form starts afresh.
        <AddStepForm
          key={`${current?.id}-${current?.status}`}
          clientId={client.id}
          activeHours={activeHours}
          capacity={capacity}
          maxDurationMonths={plans.data.maxDurationMonths}
        />
      ) : null}
      {current?.abilities.confirm ? (
        <ConfirmPlanForm
          key={current.id}
          plan={current}
          confirm={confirmPlan}
          onConfirmed={() => {
            setEditing(null);
            setUndone(null);
          }}
        />
      ) : null}
      {items.length > 0 ? <PlanHistory plans={items} /> : null}
    </section>
  );
}
