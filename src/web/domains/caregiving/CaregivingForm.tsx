import { CARE_RELATIONS, caregivingInput } from "@shared/schemas/caregiving.js";
import { Alert } from "@web/components/Alert.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { SelectField, TextAreaField, TextField } from "@web/components/fields.js";
import { Heading, PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { UndoStatus } from "@web/components/UndoStatus.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCaregiving, useRecordCaregiving, useUndoCaregiving } from "./api.js";
import {
  CAREGIVING_CONTROLS,
  CAREGIVING_FIELDS,
  type CaregivingValues,
  emptyCaregivingValues,
  toCaregivingInput,
} from "./caregivingFormModel.js";

/**
 * Records caregiving: for whom (by relation), how many hours, since when, and whether it goes beyond customary care.
 * Judged customary care, it sends a letter, and recording it can be undone while that letter has not left the
 * building (the server says so in `abilities.undo`).
 */
export function CaregivingForm({ clientId, clientName }: { clientId: string; clientName: string }) {
  const { t } = useTranslation();
  const record = useRecordCaregiving(clientId);
  const undo = useUndoCaregiving(clientId);
  const list = useCaregiving(clientId);
  // The care just recorded, as the list has it now: whether it can still be undone is the server's answer.
  const recorded = record.isSuccess ? (list.data?.items.find((item) => item.id === record.data.id) ?? record.data) : undefined;
  const [values, setValues] = useState<CaregivingValues>(emptyCaregivingValues);
  const confirmation = useConfirmation({
    title: t("sendLetter.title"),
    body: t("sendLetter.letter", { name: clientName, what: t("sendLetter.what.customaryCare") }),
    confirmLabel: t("sendLetter.send"),
  });
  const errors = useMemo(
    () => formErrorsOf(confirmation.invalid ?? record.error, t, CAREGIVING_FIELDS, CAREGIVING_CONTROLS),
    [confirmation.invalid, record.error, t],
  );
  const set = (field: Exclude<keyof CaregivingValues, "beyondCustomaryCare">) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = toCaregivingInput(values);
    const save = () => {
      undo.reset();
      record.mutate(input, { onSuccess: () => setValues(emptyCaregivingValues()) });
    };
    // Customary care is decided with a letter to the client: asked first. Care beyond it sends no letter.
    if (values.beyondCustomaryCare === "no") confirmation.ask(save, { form: event.currentTarget, schema: caregivingInput, body: input });
    else save();
  }

  return (
    <section className="nv-panel" aria-labelledby="caregiving-form-title">
      <Heading level={4} id="caregiving-form-title" className="nv-panel__title">
        {t("caregivingForm.title")}
      </Heading>
      {recorded?.decisionId && !undo.isSuccess ? (
        <UndoStatus canUndo={recorded.abilities.undo} busy={undo.isPending} error={undo.error} onUndo={() => undo.mutate(recorded.id)}>
          <p className="nv-alert-text">{t("caregivingForm.saved")}</p>
        </UndoStatus>
      ) : null}
      {recorded && !recorded.decisionId ? (
        <Alert type="ok" role="status">
          {recorded.countsAsContribution ? t("caregivingForm.savedContribution") : t("caregivingForm.saved")}
        </Alert>
      ) : null}
      {undo.isSuccess ? (
        <Alert type="ok" role="status">
          {t("caregivingForm.undone")}
        </Alert>
      ) : null}
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form nv-form--wide">
        <div className="nv-form__grid nv-form__grid--two">
          <SelectField
            name="relation"
            label={t("caregivingForm.relation")}
            description={t("caregivingForm.relationHint")}
            value={values.relation}
            onChange={set("relation")}
            options={[
              { value: "", label: t("roleForm.choose") },
              ...CARE_RELATIONS.map((relation) => ({ value: relation, label: t(`careRelation.${relation}`) })),
            ]}
            error={errors.byField.relation}
          />
          <TextField
            name="careHoursPerWeek"
            inputMode="decimal"
            label={t("caregivingForm.hoursPerWeek")}
            value={values.hoursPerWeek}
            onChange={set("hoursPerWeek")}
            error={errors.byField.careHoursPerWeek}
            className="nv-input--short"
            autoComplete="off"
          />
          <TextField
            name="careSince"
            type="date"
            label={t("caregivingForm.since")}
            value={values.since}
            onChange={set("since")}
            error={errors.byField.careSince}
          />
        </div>
        <TextAreaField
          name="careDescription"
          label={t("form.optional", { label: t("caregivingForm.description") })}
          description={t("caregivingForm.descriptionHint")}
          value={values.description}
          onChange={set("description")}
          error={errors.byField.careDescription}
          rows={3}
        />
        <ChoiceFieldset
          name="beyondCustomaryCare"
          legend={t("caregivingForm.beyondCustomaryCare")}
          description={t("caregivingForm.beyondCustomaryCareHint")}
          type="radio"
          layout="inline"
          choices={[
            { value: "yes", label: t("common.yes") },
            { value: "no", label: t("common.no") },
          ]}
          selected={values.beyondCustomaryCare ? [values.beyondCustomaryCare] : []}
          onChange={([choice]) => setValues((current) => ({ ...current, beyondCustomaryCare: choice === "yes" ? "yes" : "no" }))}
          error={errors.byField.beyondCustomaryCare}
        />
        <TextAreaField
          name="judgementReason"
          label={t("caregivingForm.judgementReason")}
          description={t("caregivingForm.judgementReasonHint")}
          value={values.judgementReason}
          onChange={set("judgementReason")}
          error={errors.byField.judgementReason}
          rows={3}
        />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={record.isPending}>
            {t("caregivingForm.submit")}
          </PrimaryActionButton>
        </div>
      </form>
      {confirmation.dialog}
    </section>
  );
}
