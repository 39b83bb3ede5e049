import { todayInAmsterdam } from "@shared/dates.js";
import { type ExemptionOutput, exemptionEndInput } from "@shared/schemas/exemptions.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { TextAreaField, TextField } from "@web/components/fields.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useExemptionAction } from "./api.js";

const CONTROLS = { endedOn: "exemptionEndedOn", reason: "endReason" };

interface EndExemptionFormProps {
  exemption: ExemptionOutput;
  /** Who gets the letter. */
  clientName: string;
  /** The exemption as the server answered after the action, or null when the form was cancelled. */
  onDone: (result: ExemptionOutput | null) => void;
}

/** Ends an exemption before its end date, e.g. because the client has recovered. */
export function EndExemptionForm({ exemption, clientName, onDone }: EndExemptionFormProps) {
  const { t } = useTranslation();
  const action = useExemptionAction(exemption);
  const [endedOn, setEndedOn] = useState(todayInAmsterdam);
  const [reason, setReason] = useState("");
  const confirmation = useConfirmation({
    title: t("sendLetter.title"),
    body: t("sendLetter.letter", { name: clientName, what: t("sendLetter.what.exemptionEnd") }),
    confirmLabel: t("sendLetter.send"),
  });
  const errors = useMemo(
    () => formErrorsOf(confirmation.invalid ?? action.error, t, ["endedOn", "reason"], CONTROLS),
    [confirmation.invalid, action.error, t],
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The early end goes to the client as a letter: asked first.
    confirmation.ask((input) => action.mutate({ kind: "end", input }, { onSuccess: onDone }), {
      form: event.currentTarget,
      schema: exemptionEndInput,
      body: { endedOn, reason },
    });
  }

  return (
    <section className="nv-panel" aria-labelledby="end-exemption-title">
      <Heading level={4} id="end-exemption-title" className="nv-panel__title">
        {t("endExemption.title", { type: t(`exemptionType.${exemption.type}`) })}
      </Heading>
      <Paragraph>{t("endExemption.intro")}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <TextField
          name="exemptionEndedOn"
          type="date"
          label={t("endExemption.endedOn")}
          value={endedOn}
          onChange={setEndedOn}
          error={errors.byField.exemptionEndedOn}
        />
        <TextAreaField
          name="endReason"
          label={t("endExemption.reason")}
          value={reason}
          onChange={setReason}
          error={errors.byField.endReason}
          rows={3}
        />
        <FormActions submitLabel={t("endExemption.submit")} busy={action.isPending} onCancel={() => onDone(null)} />
      </form>
      {confirmation.dialog}
    </section>
  );
}
