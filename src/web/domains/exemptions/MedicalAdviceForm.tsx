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
 * who, when, and what the client can and cannot do. Never the diagnosis.
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
