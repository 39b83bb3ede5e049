import { type ExemptionOutput, exemptionExtensionRefusalInput } from "@shared/schemas/exemptions.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { CheckboxField, TextAreaField } from "@web/components/fields.js";
import { formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useExemptionAction } from "./api.js";

const CONTROLS = { reason: "extensionRefusalReason" };

interface RefuseExtensionFormProps {
  exemption: ExemptionOutput;
  /** Who gets the letter. */
  clientName: string;
  /** The exemption as the server answered after the action, or null when the form was cancelled. */
  onDone: (result: ExemptionOutput | null) => void;
}

/** Decides that an exemption is not extended: it runs to its last day and then ends; the client gets a decision letter. */
export function RefuseExtensionForm({ exemption, clientName, onDone }: RefuseExtensionFormProps) {
  const { t, i18n } = useTranslation();
  const action = useExemptionAction(exemption);
  const [reason, setReason] = useState("");
  const [askedByClient, setAskedByClient] = useState(false);
  const confirmation = useConfirmation({
    title: t("sendLetter.title"),
    body: t("sendLetter.letter", { name: clientName, what: t("sendLetter.what.refuseExtension") }),
    confirmLabel: t("sendLetter.send"),
  });
  const errors = useMemo(
    () => formErrorsOf(confirmation.invalid ?? action.error, t, ["reason"], CONTROLS),
    [confirmation.invalid, action.error, t],
  );
  const lastDay = formatLongDate(exemption.endDate ?? exemption.reviewDate, i18n.language);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The refusal goes to the client as a letter: asked first.
    confirmation.ask((input) => action.mutate({ kind: "extension-refusal", input }, { onSuccess: onDone }), {
      form: event.currentTarget,
      schema: exemptionExtensionRefusalInput,
      body: { reason, askedByClient },
    });
  }

  return (
    <section className="nv-panel" aria-labelledby="refuse-extension-title">
      <Heading level={4} id="refuse-extension-title" className="nv-panel__title">
        {t("refuseExtension.title", { type: t(`exemptionType.${exemption.type}`) })}
      </Heading>
      <Paragraph>{t("refuseExtension.intro", { lastDay })}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <CheckboxField
          name="extensionAskedByClient"
          label={t("refuseExtension.askedByClient")}
          checked={askedByClient}
          onChange={setAskedByClient}
        />
        <TextAreaField
          name="extensionRefusalReason"
          label={t("refuseExtension.reason")}
          description={t("refuseExtension.reasonHint")}
          value={reason}
          onChange={setReason}
          error={errors.byField.extensionRefusalReason}
          rows={3}
        />
        <FormActions submitLabel={t("refuseExtension.submit")} busy={action.isPending} onCancel={() => onDone(null)} />
      </form>
      {confirmation.dialog}
    </section>
  );
}
