import { reconsiderationInput, type SanctionOutput } from "@shared/schemas/sanctions.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { TextAreaField } from "@web/components/fields.js";
import { formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ReconsiderationInput, useSanctionAction } from "./api.js";

const CONTROLS = { outcome: "reconsiderationOutcome", note: "reconsiderationNote" };

interface ReconsiderationFormProps {
  sanction: SanctionOutput;
  /** Who gets the letter with the outcome. */
  clientName: string;
  onDone: (saved: boolean) => void;
}

/** The reconsideration within three months of an imposed sanction: maintained or ended, with a note. */
export function ReconsiderationForm({ sanction, clientName, onDone }: ReconsiderationFormProps) {
  const { t, i18n } = useTranslation();
  const action = useSanctionAction(sanction);
  const [outcome, setOutcome] = useState("");
  const [note, setNote] = useState("");
  const confirmation = useConfirmation({
    title: t("sendLetter.title"),
    body: t("sendLetter.letter", { name: clientName, what: t("sendLetter.what.reconsideration") }),
    confirmLabel: t("sendLetter.send"),
  });
  const errors = useMemo(
    () => formErrorsOf(confirmation.invalid ?? action.error, t, ["outcome", "note"], CONTROLS),
    [confirmation.invalid, action.error, t],
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The outcome goes to the client as a letter: asked first.
    confirmation.ask((input) => action.mutate({ kind: "reconsideration", input }, { onSuccess: () => onDone(true) }), {
      form: event.currentTarget,
      schema: reconsiderationInput,
      body: { outcome, note } as ReconsiderationInput,
    });
  }

  return (
    <section className="nv-panel" aria-labelledby="reconsideration-title">
      <Heading level={4} id="reconsideration-title" className="nv-panel__title">
        {t("reconsiderationForm.title", { ground: t(`sanctionGround.${sanction.ground}`) })}
      </Heading>
      <Paragraph>{t("reconsiderationForm.intro", { date: formatLongDate(sanction.reconsiderBy, i18n.language) })}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <ChoiceFieldset
          name="reconsiderationOutcome"
          legend={t("reconsiderationForm.outcome")}
          type="radio"
          choices={["maintained", "ended"].map((value) => ({ value, label: t(`reconsiderationOutcome.${value}`) }))}
          selected={outcome ? [outcome] : []}
          onChange={([value]) => setOutcome(value ?? "")}
          error={errors.byField.reconsiderationOutcome}
        />
        <TextAreaField
          name="reconsiderationNote"
          label={t("reconsiderationForm.note")}
          value={note}
          onChange={setNote}
          error={errors.byField.reconsiderationNote}
          rows={3}
        />
        <FormActions submitLabel={t("reconsiderationForm.submit")} busy={action.isPending} onCancel={() => onDone(false)} />
      </form>
      {confirmation.dialog}
    </section>
  );
}
