import { FUNCTIONAL_LIMITS } from "@shared/capacity.js";
import { todayInAmsterdam } from "@shared/dates.js";
import { type ExemptionOutput, MEDICAL_ADVISORS, MEDICAL_CONCLUSION_MAX } from "@shared/schemas/exemptions.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { TextAreaField, TextField } from "@web/components/fields.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useExemptionAction } from "./api.js";
import { emptyMedicalAdviceValues, MEDICAL_ADVICE_FIELDS, type MedicalAdviceValues, toMedicalAdviceInput } from "./exemptionFormModel.js";

interface MedicalAdviceFormProps {
  exemption: ExemptionOutput;
  onDone: (saved: boolean) => void;
}

/**
 * Records the advice of an occupational physician or an independent doctor that a medical request is decided on:
 * who, when, what the client can and cannot do in words, and what it allows in hours a week and a day, days a week and
 * functional limits in plain categories (these bind the client's capacity where they are stricter). Never the diagnosis.
 */
export function MedicalAdviceForm({ exemption, onDone }: MedicalAdviceFormProps) {
  const { t } = useTranslation();
  const action = useExemptionAction(exemption);
  const [values, setValues] = useState<MedicalAdviceValues>(emptyMedicalAdviceValues);
  const errors = useMemo(() => formErrorsOf(action.error, t, MEDICAL_ADVICE_FIELDS), [action.error, t]);
  const change = (changes: Partial<MedicalAdviceValues>) => setValues((current) => ({ ...current, ...changes }));

  function submit(event: FormEvent) {
    event.preventDefault();
    action.mutate({ kind: "medical-advice", input: toMedicalAdviceInput(values) }, { onSuccess: () => onDone(true) });
  }

  return (
    <section className="nv-panel" aria-labelledby="medical-advice-title">
      <Heading level={4} id="medical-advice-title" className="nv-panel__title">
        {t("medicalAdvice.title")}
      </Heading>
      <Paragraph>{t("medicalAdvice.intro")}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
        <ChoiceFieldset
          name="advisorKind"
          legend={t("medicalAdvice.advisorKind")}
          type="radio"
          choices={MEDICAL_ADVISORS.map((kind) => ({ value: kind, label: t(`medicalAdvisor.${kind}`) }))}
          selected={values.advisorKind ? [values.advisorKind] : []}
          onChange={([advisorKind]) => change({ advisorKind: advisorKind ?? "" })}
          error={errors.byField.advisorKind}
        />
        <TextField
          name="advisorName"
          label={t("medicalAdvice.advisorName")}
          value={values.advisorName}
          onChange={(advisorName) => change({ advisorName })}
          error={errors.byField.advisorName}
          autoComplete="off"
        />
        <TextField
          name="advisedOn"
          type="date"
          label={t("medicalAdvice.advisedOn")}
          value={values.advisedOn}
          max={todayInAmsterdam()}
          onChange={(advisedOn) => change({ advisedOn })}
          error={errors.byField.advisedOn}
        />
        <fieldset className="nv-fieldset nv-fieldset--group">
          <legend className="nv-fieldset__legend">{t("medicalAdvice.limitsLegend")}</legend>
          <Paragraph>{t("medicalAdvice.limitsIntro")}</Paragraph>
          <div className="nv-form__grid">
            <TextField
              name="hoursPerWeek"
              inputMode="decimal"
              label={t("form.optional", { label: t("medicalAdvice.hoursPerWeek") })}
              value={values.hoursPerWeek}
              onChange={(hoursPerWeek) => change({ hoursPerWeek })}
              error={errors.byField.hoursPerWeek}
              autoComplete="off"
              className="nv-input--short"
            />
            <TextField
              name="hoursPerDay"
              inputMode="decimal"
              label={t("form.optional", { label: t("medicalAdvice.hoursPerDay") })}
              value={values.hoursPerDay}
              onChange={(hoursPerDay) => change({ hoursPerDay })}
              error={errors.byField.hoursPerDay}
              autoComplete="off"
              className="nv-input--short"
            />
            <TextField
              name="daysPerWeek"
              inputMode="numeric"
              label={t("form.optional", { label: t("medicalAdvice.daysPerWeek") })}
              value={values.daysPerWeek}
              onChange={(daysPerWeek) => change({ daysPerWeek })}
              error={errors.byField.daysPerWeek}
              autoComplete="off"
              className="nv-input--short"
            />
          </div>
          <ChoiceFieldset
            name="functionalLimits"
            legend={t("form.optional", { label: t("medicalAdvice.functionalLimits") })}
            description={t("capacityFields.limitsHint")}
            type="checkbox"
            choices={FUNCTIONAL_LIMITS.map((limit) => ({ value: limit, label: t(`functionalLimit.${limit}`) }))}
            selected={values.functionalLimits}
            onChange={(functionalLimits) => change({ functionalLimits })}
            error={errors.byField.functionalLimits}
          />
        </fieldset>
        <TextAreaField
          name="conclusion"
          label={t("medicalAdvice.conclusion")}
          description={t("medicalAdvice.conclusionHint", { max: MEDICAL_CONCLUSION_MAX })}
          value={values.conclusion}
          onChange={(conclusion) => change({ conclusion })}
          error={errors.byField.conclusion}
          maxLength={MEDICAL_CONCLUSION_MAX}
          rows={4}
        />
        <FormActions submitLabel={t("medicalAdvice.submit")} busy={action.isPending} onCancel={() => onDone(false)} />
      </form>
    </section>
  );
}
