import { todayInAmsterdam } from "@shared/dates.js";
import {
  defaultObligations,
  EXEMPTION_TYPES,
  type ExemptionOutput,
  exemptionInput,
  SINGLE_PARENT_GROUND,
} from "@shared/schemas/exemptions.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { SelectField, TextAreaField, TextField } from "@web/components/fields.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useRecordExemption } from "./api.js";
import { EXEMPTION_FIELDS, type ExemptionValues, emptyExemptionValues, toExemptionInput } from "./exemptionFormModel.js";
import { ObligationsFieldset } from "./ObligationsFieldset.js";
import { TermsFields } from "./TermsFields.js";

// `type` and `reason` are common names: on this tab they are the exemption's own.
const CONTROLS = {
  type: "exemptionType",
  reason: "exemptionReason",
  obligations: "exemptionObligations",
  childBirthDate: "exemptionChildBirthDate",
};

/** Options for the kind of exemption, with a "choose" line first. */
export function useExemptionTypeOptions() {
  const { t } = useTranslation();
  return [
    { value: "", label: t("roleForm.choose") },
    ...EXEMPTION_TYPES.map((type) => ({ value: type, label: t(`exemptionType.${type}`) })),
  ];
}

interface ExemptionFormProps {
  clientId: string;
  clientName: string;
  /** The exemption recorded: the section says so, and offers to undo it while its letter is inside. */
  onRecorded: (result: ExemptionOutput) => void;
}

/** Records an exemption the consultant decided: its ground, full or partial, and until when. */
export function ExemptionForm({ clientId, clientName, onRecorded }: ExemptionFormProps) {
  const { t } = useTranslation();
  const record = useRecordExemption(clientId);
  const typeOptions = useExemptionTypeOptions();
  const [values, setValues] = useState<ExemptionValues>(() => emptyExemptionValues(todayInAmsterdam()));
  const confirmation = useConfirmation({
    title: t("sendLetter.title"),
    body: t("sendLetter.letter", { name: clientName, what: t("sendLetter.what.exemptionDecision") }),
    confirmLabel: t("sendLetter.send"),
  });
  const errors = useMemo(
    () => formErrorsOf(confirmation.invalid ?? record.error, t, EXEMPTION_FIELDS, CONTROLS),
    [confirmation.invalid, record.error, t],
  );
  const change = (changes: Partial<ExemptionValues>) => setValues((current) => ({ ...current, ...changes }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The exemption is a decision with a letter to the client: asked first.
    const recorded = (result: ExemptionOutput) => {
      setValues(emptyExemptionValues(todayInAmsterdam()));
      onRecorded(result);
    };
    confirmation.ask((input) => record.mutate(input, { onSuccess: recorded }), {
      form: event.currentTarget,
      schema: exemptionInput,
      body: toExemptionInput(values),
    });
  }

  return (
    <section className="nv-panel" aria-labelledby="exemption-form-title">
      <Heading level={4} id="exemption-form-title" className="nv-panel__title">
        {t("exemptionForm.title")}
      </Heading>
      <Paragraph>{t("exemptionForm.intro")}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
        <SelectField
          name="exemptionType"
          label={t("exemptionForm.type")}
          value={values.type}
          onChange={(type) => change({ type, obligations: type ? defaultObligations(type) : [] })}
          options={typeOptions}
          error={errors.byField.exemptionType}
        />
        {values.type === SINGLE_PARENT_GROUND ? (
          <>
            <Paragraph>{t("exemptionForm.singleParentIntro")}</Paragraph>
            <TextField
              name="exemptionChildBirthDate"
              type="date"
              label={t("exemptionForm.childBirthDate")}
              description={t("exemptionForm.childBirthDateHint")}
              value={values.childBirthDate}
              onChange={(childBirthDate) => change({ childBirthDate })}
              error={errors.byField.exemptionChildBirthDate}
            />
          </>
        ) : null}
        {values.type ? (
          <ObligationsFieldset
            name="exemptionObligations"
            selected={values.obligations}
            onChange={(obligations) => change({ obligations })}
            error={errors.byField.exemptionObligations}
          />
        ) : null}
        <TermsFields values={values} onChange={change} errors={errors.byField} />
        <TextAreaField
          name="exemptionReason"
          label={t("exemptionForm.reason")}
          description={t("exemptionForm.reasonHint")}
          value={values.reason}
          onChange={(reason) => change({ reason })}
          error={errors.byField.exemptionReason}
          rows={3}
        />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={record.isPending}>
            {t("exemptionForm.submit")}
          </PrimaryActionButton>
        </div>
      </form>
      {confirmation.dialog}
    </section>
  );
}
