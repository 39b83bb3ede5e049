import { BENEFIT_END_REASONS, type BenefitEndReason } from "@shared/enums.js";
import type { ClientOutput } from "@shared/schemas/clients.js";
import { benefitEndInput } from "@shared/schemas/registry.js";
import { Alert } from "@web/components/Alert.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { UndoStatus } from "@web/components/UndoStatus.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useEndBenefit, useUndoBenefitEnd } from "./api.js";

/**
 * Records that the benefits administration ended the client's benefit: what is still open stops, with a letter. Just
 * after, it offers "Ongedaan maken" while the server allows it (`abilities.undoBenefitEnd`).
 */
export function BenefitEndSection({ client }: { client: ClientOutput }) {
  const { t, i18n } = useTranslation();
  const end = useEndBenefit(client.id);
  const undo = useUndoBenefitEnd(client.id);
  const [benefitEndDate, setDate] = useState("");
  const [reason, setReason] = useState<BenefitEndReason | "">("");
  const confirmation = useConfirmation({
    title: t("sendLetter.title"),
    body: t("sendLetter.letter", { name: `${client.givenName} ${client.familyName}`, what: t("sendLetter.what.benefitEnd") }),
    confirmLabel: t("sendLetter.send"),
  });
  const errors = useMemo(
    () => formErrorsOf(confirmation.invalid ?? end.error, t, ["benefitEndDate", "reason"]),
    [confirmation.invalid, end.error, t],
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The client gets a letter about what stops: asked first.
    confirmation.ask((input) => end.mutate(input), {
      form: event.currentTarget,
      schema: benefitEndInput,
      body: { benefitEndDate, reason: reason as BenefitEndReason },
    });
  }

  if (!client.abilities.endBenefit) {
    // The answer of the end stays here after its form is gone: the status and its undo show from it.
    if (!end.data || client.benefitEndDate === null) return null;
    const done = t("benefitEnd.done", { date: formatLongDate(client.benefitEndDate, i18n.language) });
    return (
      <section className="nv-section" aria-labelledby="benefit-end-title">
        <Heading level={2} id="benefit-end-title">
          {t("benefitEnd.title")}
        </Heading>
        {/* An end without a letter (after a death, or with nothing open) has nothing to undo. */}
        {end.data.abilities.undoBenefitEnd ? (
          <UndoStatus
            canUndo={client.abilities.undoBenefitEnd}
            busy={undo.isPending}
            error={undo.error}
            onUndo={() => undo.mutate(undefined, { onSuccess: () => end.reset() })}
          >
            <p className="nv-alert-text">{done}</p>
          </UndoStatus>
        ) : (
          <Alert type="ok" role="status">
            {done}
          </Alert>
        )}
      </section>
    );
  }
  return (
    <section className="nv-section" aria-labelledby="benefit-end-title">
      <Heading level={2} id="benefit-end-title">
        {t("benefitEnd.title")}
      </Heading>
      {undo.isSuccess ? (
        <Alert type="ok" role="status">
          {t("benefitEnd.undone")}
        </Alert>
      ) : null}
      <Paragraph>{t("benefitEnd.intro")}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <TextField
          name="benefitEndDate"
          type="date"
          label={t("benefitEnd.date")}
          value={benefitEndDate}
          onChange={setDate}
          error={errors.byField.benefitEndDate}
        />
        <SelectField
          name="reason"
          label={t("benefitEnd.reason")}
          value={reason}
          onChange={(value) => setReason(value as BenefitEndReason | "")}
          options={[
            { value: "", label: t("benefitEnd.choose") },
            ...BENEFIT_END_REASONS.map((r) => ({ value: r, label: t(`benefitEndReason.${r}`) })),
          ]}
          error={errors.byField.reason}
        />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={end.isPending}>
            {t("benefitEnd.submit")}
          </PrimaryActionButton>
        </div>
      </form>
      {confirmation.dialog}
    </section>
  );
}
