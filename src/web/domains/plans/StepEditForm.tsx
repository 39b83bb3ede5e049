import { isOwnSituationStep, PLAN_STEP_STATUSES, type PlanStepUpdateInput } from "@shared/schemas/plans.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { SelectField, TextAreaField, TextField } from "@web/components/fields.js";
import { formatHours } from "@web/components/format.js";
import { numberText, toNumber } from "@web/components/formValues.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useUpdatePlanStep } from "./api.js";
import { countsAgainstCapacity, explainCapacity, type PlanStep } from "./planModel.js";

const FIELDS = ["status", "stopReason", "hoursPerWeek", "endDate"] as const;

interface StepEditFormProps {
  clientId: string;
  step: PlanStep;
  /** A confirmed plan is never edited: the change goes into a new draft version. */
  planConfirmed: boolean;
  activeHours: number;
  capacity: number | null;
  /** The ordinance's longest duration of a step that asks hours, in months. */
  maxDurationMonths: number;
  onDone: (saved: boolean) => void;
}

/** Changes a step's status (stopping needs a reason), its hours or its end date. */
export function StepEditForm({ clientId, step, planConfirmed, activeHours, capacity, maxDurationMonths, onDone }: StepEditFormProps) {
  const { t, i18n } = useTranslation();
  const update = useUpdatePlanStep(clientId);
  const heading = useRef<HTMLHeadingElement>(null);
  const initial = {
    status: step.status as string,
    stopReason: step.stopReason ?? "",
    hoursPerWeek: numberText(step.hoursPerWeek, i18n.language),
    endDate: step.endDate ?? "",
  };
  const [values, setValues] = useState(initial);
  const set = (field: keyof typeof initial) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const hours = toNumber(values.hoursPerWeek);
  // The explanation is for the hours that were sent (unchanged hours are not sent), not for later typing.
  const sentHours = update.variables ? (update.variables.input.hoursPerWeek ?? step.hoursPerWeek) : undefined;
  const stepCounted = countsAgainstCapacity(step);
  const ownSituation = isOwnSituationStep(step.type);
  const errors = useMemo(
    () =>
      explainCapacity(formErrorsOf(update.error, t, FIELDS), update.error, t, {
        total: activeHours - (stepCounted ? step.hoursPerWeek : 0) + (typeof sentHours === "number" ? sentHours : 0),
        capacity,
        format: (value) => formatHours(value, i18n.language),
      }),
    [update.error, t, activeHours, stepCounted, step.hoursPerWeek, sentHours, capacity, i18n.language],
  );

  useEffect(() => heading.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input: Record<string, unknown> = {};
    if (values.status !== initial.status) input.status = values.status;
    if (values.status === "stopped" && values.stopReason.trim() !== initial.stopReason)
      input.stopReason = values.stopReason.trim() || undefined;
    if (values.hoursPerWeek.trim() !== initial.hoursPerWeek) input.hoursPerWeek = hours;
    if (values.endDate !== initial.endDate) input.endDate = values.endDate || null;
    if (Object.keys(input).length === 0) return onDone(false);
    update.mutate({ stepId: step.id, input: input as PlanStepUpdateInput }, { onSuccess: () => onDone(true) });
  }

  return (
    <section className="nv-panel" aria-labelledby="edit-step-title">
      <Heading level={3} id="edit-step-title" ref={heading} tabIndex={-1} className="nv-panel__title">
        {t("plan.changeTitle", { title: step.title })}
      </Heading>
      {planConfirmed ? <Paragraph>{t("plan.changeMakesDraft")}</Paragraph> : null}
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
        <div className="nv-form__grid">
          <SelectField
            name="status"
            label={t("plan.status")}
            value={values.status}
            onChange={set("status")}
            options={PLAN_STEP_STATUSES.map((status) => ({ value: status, label: t(`planStepStatus.${status}`) }))}
            error={errors.byField.status}
          />
          {ownSituation ? (
            <Paragraph>{t("plan.ownSituationNoHours")}</Paragraph>
          ) : (
            <TextField
              name="hoursPerWeek"
              inputMode="decimal"
              label={t("plan.hoursPerWeek")}
              value={values.hoursPerWeek}
              onChange={set("hoursPerWeek")}
              error={errors.byField.hoursPerWeek}
              autoComplete="off"
              className="nv-input--short"
            />
          )}
          <TextField
            name="endDate"
            type="date"
            label={t("form.optional", { label: t("plan.endDate") })}
            description={ownSituation ? undefined : t("plan.endDateHint", { count: maxDurationMonths })}
            value={values.endDate}
            onChange={set("endDate")}
            error={errors.byField.endDate}
          />
        </div>
        {values.status === "stopped" ? (
          <TextAreaField
            name="stopReason"
            label={t("plan.stopReason")}
            description={t("plan.stopReasonHint")}
            value={values.stopReason}
            onChange={set("stopReason")}
            error={errors.byField.stopReason}
            rows={2}
          />
        ) : null}
        <FormActions submitLabel={t("plan.saveChange")} busy={update.isPending} onCancel={() => onDone(false)} />
      </form>
    </section>
  );
}
