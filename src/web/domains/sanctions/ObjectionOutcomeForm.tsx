import { OBJECTION_OUTCOMES, type SanctionOutput } from "@shared/schemas/sanctions.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { TextAreaField } from "@web/components/fields.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useObjectionAction } from "./api.js";
import { LowerTermsFields, lowerTermsControls } from "./LowerTermsFields.js";
import {
  emptyObjectionOutcomeValues,
  OBJECTION_OUTCOME_FIELDS,
  type ObjectionOutcomeValues,
  toObjectionOutcomeInput,
} from "./sanctionFormModel.js";

const PREFIX = "objection";
const CONTROLS = { ...lowerTermsControls(PREFIX), outcome: "objectionOutcome", note: "objectionNote" };

interface ObjectionOutcomeFormProps {
  sanction: SanctionOutput;
  objection: NonNullable<SanctionOutput["objection"]>;
  onDone: (saved: boolean) => void;
}

/** The decision on an objection: upheld revokes the sanction, partly upheld lowers it, rejected keeps it. */
export function ObjectionOutcomeForm({ sanction, objection, onDone }: ObjectionOutcomeFormProps) {
  const { t } = useTranslation();
  const action = useObjectionAction(objection.id, sanction.clientId);
  const [values, setValues] = useState<ObjectionOutcomeValues>(emptyObjectionOutcomeValues);
  const errors = useMemo(() => formErrorsOf(action.error, t, OBJECTION_OUTCOME_FIELDS, CONTROLS), [action.error, t]);
  const change = (changes: Partial<ObjectionOutcomeValues>) => setValues((current) => ({ ...current, ...changes }));
  const imposed = t("sanctions.level", { percentage: sanction.percentage ?? 0, count: sanction.months ?? 0 });

  function submit(event: FormEvent) {
    event.preventDefault();
    action.mutate({ kind: "outcome", input: toObjectionOutcomeInput(values) }, { onSuccess: () => onDone(true) });
  }

  return (
    <section className="nv-panel" aria-labelledby="objection-outcome-title">
      <Heading level={4} id="objection-outcome-title" className="nv-panel__title">
        {t("objectionOutcomeForm.title", { ground: t(`sanctionGround.${sanction.ground}`) })}
      </Heading>
      <Paragraph>
        <strong>{t("objectionOutcomeForm.grounds")}</strong> {objection.grounds}
      </Paragraph>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
        <ChoiceFieldset
          name="objectionOutcome"
          legend={t("objectionOutcomeForm.outcome")}
          type="radio"
          choices={OBJECTION_OUTCOMES.map((value) => ({ value, label: t(`objectionOutcome.${value}`) }))}
          selected={values.outcome ? [values.outcome] : []}
          onChange={([outcome]) => change({ outcome: outcome ?? "" })}
          error={errors.byField.objectionOutcome}
        />
        {values.outcome === "partlyUpheld" ? (
          <LowerTermsFields
            values={values}
            onChange={change}
            errors={errors.byField}
            prefix={PREFIX}
            description={t("lowerTerms.belowImposed", { level: imposed })}
          />
        ) : null}
        <TextAreaField
          name="objectionNote"
          label={t("objectionOutcomeForm.note")}
          value={values.note}
          onChange={(note) => change({ note })}
          error={errors.byField.objectionNote}
          rows={3}
        />
        <FormActions submitLabel={t("objectionOutcomeForm.submit")} busy={action.isPending} onCancel={() => onDone(false)} />
      </form>
    </section>
  );
}
