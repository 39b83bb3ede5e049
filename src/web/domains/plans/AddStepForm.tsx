import { FUNCTIONAL_LIMITS } from "@shared/capacity.js";
import { todayInAmsterdam } from "@shared/dates.js";
import { isOwnSituationStep, PLAN_STEP_TYPES } from "@shared/schemas/plans.js";
import { Alert } from "@web/components/Alert.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { FieldGrid } from "@web/components/FieldGrid.js";
import { FormActions } from "@web/components/FormActions.js";
import { FormProblems } from "@web/components/FormProblems.js";
import { SelectField, TextAreaField, TextField } from "@web/components/fields.js";
import { formatHours } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useAddPlanStep } from "./api.js";
import { emptyStepValues, explainCapacity, STEP_FIELDS, type StepTextField, type StepValues, toStepInput } from "./planModel.js";

interface AddStepFormProps {
  clientId: string;
  activeHours: number;
  capacity: number | null;
  /** The ordinance's longest duration of a step that asks hours, in months. */
  maxDurationMonths: number;
}

/**
 * Adds a step to the draft plan, with its longest day, its days and what it asks of body and mind; the server refuses
 * hours beyond capacity or the ordinance's norm, a step that runs too long, and a day, days or demands the client's
 * limits rule out (409 aboveDailyLimit, aboveDaysLimit, functionalLimit), and the form says why beside the field. Care and debt help ask no hours: the form says so instead of asking them.
 */
export function AddStepForm({ clientId, activeHours, capacity, maxDurationMonths }: AddStepFormProps) {
  const { t, i18n } = useTranslation();
  const add = useAddPlanStep(clientId);
  const [values, setValues] = useState<StepValues>(() => emptyStepValues(todayInAmsterdam()));
  const set = (field: StepTextField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  // The explanation is for the hours that were sent, so it follows the submission, not later typing.
  const sentHours = add.variables?.hoursPerWeek;
  const errors = useMemo(
    () =>
      explainCapacity(formErrorsOf(add.error, t, STEP_FIELDS), add.error, t, {
        total: activeHours + (typeof sentHours === "number" ? sentHours : 0),
        capacity,
        format: (hours) => formatHours(hours, i18n.language),
      }),
    [add.error, t, activeHours, sentHours, capacity, i18n.language],
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(toStepInput(values), { onSuccess: () => setValues(emptyStepValues(todayInAmsterdam())) });
  }

  return (
    <section className="nv-panel" aria-labelledby="add-step-title">
      <Heading level={3} id="add-step-title" className="nv-panel__title">
        {t("plan.addTitle")}
      </Heading>
      {add.isSuccess ? (
        <Alert type="ok" role="status">
          {t("plan.added", { title: add.data.steps.at(-1)?.title ?? "" })}
        </Alert>
      ) : null}
      <FormProblems errors={errors} />
      <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
        <FieldGrid>
          <SelectField
            name="type"
            label={t("plan.type")}
            value={values.type}
            onChange={set("type")}
            options={[
              { value: "", label: t("plan.chooseType") },
              ...PLAN_STEP_TYPES.map((type) => ({ value: type, label: t(`planStepType.${type}`) })),
            ]}
            error={errors.byField.type}
          />
          <TextField
            name="title"
            label={t("plan.title")}
            description={t("plan.titleHint")}
            value={values.title}
            onChange={set("title")}
            error={errors.byField.title}
            autoComplete="off"
          />
          {isOwnSituationStep(values.type) ? (
            <Paragraph>{t("plan.ownSituationNoHours")}</Paragraph>
          ) : (
            <>
              <TextField
                name="hoursPerWeek"
                inputMode="decimal"
                label={t("plan.hoursPerWeek")}
                description={
                  capacity === null
                    ? undefined
                    : t("plan.hoursHint", { left: formatHours(Math.max(0, capacity - activeHours), i18n.language) })
                }
                value={values.hoursPerWeek}
                onChange={set("hoursPerWeek")}
                error={errors.byField.hoursPerWeek}
                autoComplete="off"
                className="nv-input--short"
              />
              <TextField
                name="hoursPerDay"
                inputMode="decimal"
                label={t("form.optional", { label: t("plan.hoursPerDay") })}
                description={t("plan.hoursPerDayHint")}
                value={values.hoursPerDay}
                onChange={set("hoursPerDay")}
                error={errors.byField.hoursPerDay}
                autoComplete="off"
                className="nv-input--short"
              />
              <TextField
                name="daysPerWeek"
                inputMode="numeric"
                label={t("form.optional", { label: t("plan.daysPerWeek") })}
                value={values.daysPerWeek}
                onChange={set("daysPerWeek")}
                error={errors.byField.daysPerWeek}
                autoComplete="off"
                className="nv-input--short"
              />
            </>
          )}
          <TextField
            name="provider"
            label={t("form.optional", { label: t("plan.provider") })}
            value={values.provider}
            onChange={set("provider")}
            error={errors.byField.provider}
            autoComplete="off"
          />
          <TextField
            name="startDate"
            type="date"
            label={t("plan.startDate")}
            value={values.startDate}
            onChange={set("startDate")}
            error={errors.byField.startDate}
          />
          <TextField
            name="endDate"
            type="date"
            label={t("form.optional", { label: t("plan.endDate") })}
            description={isOwnSituationStep(values.type) ? undefined : t("plan.endDateHint", { count: maxDurationMonths })}
            value={values.endDate}
            onChange={set("endDate")}
            error={errors.byField.endDate}
          />
        </FieldGrid>
        {isOwnSituationStep(values.type) ? null : (
          <ChoiceFieldset
            name="demands"
            legend={t("form.optional", { label: t("plan.demands") })}
            description={t("plan.demandsHint")}
            type="checkbox"
            choices={FUNCTIONAL_LIMITS.map((demand) => ({ value: demand, label: t(`workDemand.${demand}`) }))}
            selected={values.demands}
            onChange={(demands) => setValues((current) => ({ ...current, demands }))}
            error={errors.byField.demands}
          />
        )}
        <TextAreaField
          name="goal"
          label={t("form.optional", { label: t("plan.goal") })}
          description={t("plan.goalHint")}
          value={values.goal}
          onChange={set("goal")}
          error={errors.byField.goal}
          rows={2}
        />
        <FormActions submitLabel={t("plan.add")} busy={add.isPending} />
      </form>
    </section>
  );
}
