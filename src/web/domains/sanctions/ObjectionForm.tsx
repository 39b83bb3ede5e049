import { todayInAmsterdam } from "@shared/dates.js";
import type { SanctionOutput } from "@shared/schemas/sanctions.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { TextAreaField, TextField } from "@web/components/fields.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSanctionAction } from "./api.js";

const CONTROLS = { receivedOn: "objectionReceivedOn", grounds: "objectionGrounds" };

interface ObjectionFormProps {
  sanction: SanctionOutput;
  /** The client objects themselves: their reasons only, received today. */
  asClient: boolean;
  onDone: (saved: boolean) => void;
}

/** Registers an objection (bezwaar) against a decision: by staff with the date it came in, or by the client. */
export function ObjectionForm({ sanction, asClient, onDone }: ObjectionFormProps) {
  const { t } = useTranslation();
  const action = useSanctionAction(sanction);
  const [receivedOn, setReceivedOn] = useState(todayInAmsterdam);
  const [grounds, setGrounds] = useState("");
  const errors = useMemo(() => formErrorsOf(action.error, t, ["receivedOn", "grounds"], CONTROLS), [action.error, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    action.mutate(
      { kind: "objections", input: { receivedOn: asClient ? todayInAmsterdam() : receivedOn, grounds } },
      { onSuccess: () => onDone(true) },
    );
  }

  return (
    <section className="nv-panel" aria-labelledby="objection-title">
      <Heading level={4} id="objection-title" className="nv-panel__title">
        {asClient ? t("objectionForm.titleClient") : t("objectionForm.title", { ground: t(`sanctionGround.${sanction.ground}`) })}
      </Heading>
      <Paragraph>{asClient ? t("objectionForm.introClient") : t("objectionForm.intro")}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        {asClient ? null : (
          <TextField
            name="objectionReceivedOn"
            type="date"
            label={t("objectionForm.receivedOn")}
            value={receivedOn}
            onChange={setReceivedOn}
            error={errors.byField.objectionReceivedOn}
          />
        )}
        <TextAreaField
          name="objectionGrounds"
          label={asClient ? t("objectionForm.groundsClient") : t("objectionForm.grounds")}
          description={asClient ? t("objectionForm.groundsClientHint") : undefined}
          value={grounds}
          onChange={setGrounds}
          error={errors.byField.objectionGrounds}
          rows={5}
        />
        <FormActions
          submitLabel={asClient ? t("objectionForm.submitClient") : t("objectionForm.submit")}
          busy={action.isPending}
          onCancel={() => onDone(false)}
        />
      </form>
    </section>
  );
}
