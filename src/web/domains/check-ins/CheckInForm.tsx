import { CHECK_IN_CHANNELS } from "@shared/schemas/check-ins.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { TextAreaField, TextField } from "@web/components/fields.js";
import { PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf, withFieldNames } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LadderFields } from "../intakes/LadderFields.js";
import { CHECK_IN_FIELDS, type CheckInValues } from "./checkInModel.js";
import { Who5Fields } from "./Who5Fields.js";

interface CheckInFormProps {
  initial: CheckInValues;
  onSubmit: (values: CheckInValues) => void;
  pending: boolean;
  error: unknown;
  cancelTo: string;
}

/** A check-in: how it goes in the client's words, WHO-5, readiness for a next step and, if made, a new rung. */
export function CheckInForm({ initial, onSubmit, pending, error, cancelTo }: CheckInFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const errors = useMemo(
    () =>
      withFieldNames(formErrorsOf(error, t, CHECK_IN_FIELDS), (field) =>
        field.startsWith("who5.") ? t(`who5.items.${field.slice(5)}`) : undefined,
      ),
    [error, t],
  );
  const set = (changes: Partial<CheckInValues>) => setValues((current) => ({ ...current, ...changes }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(values);
  }

  return (
    <>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form nv-form--full">
        <fieldset className="nv-fieldset nv-fieldset--group">
          <legend className="nv-fieldset__legend">{t("checkIn.conversation")}</legend>
          <div className="nv-form__stack">
            <TextField
              name="heldOn"
              type="date"
              label={t("checkIn.heldOn")}
              value={values.heldOn}
              onChange={(heldOn) => set({ heldOn })}
              error={errors.byField.heldOn}
            />
            <ChoiceFieldset
              name="channel"
              legend={t("checkIn.channel")}
              type="radio"
              layout="inline"
              choices={CHECK_IN_CHANNELS.map((value) => ({ value, label: t(`checkInChannel.${value}`) }))}
              selected={[values.channel]}
              onChange={([channel]) => set({ channel: (channel ?? "inPerson") as CheckInValues["channel"] })}
              error={errors.byField.channel}
            />
            <TextAreaField
              name="howItGoes"
              label={t("form.optional", { label: t("checkIn.howItGoes") })}
              description={t("checkIn.howItGoesHint")}
              value={values.howItGoes}
              onChange={(howItGoes) => set({ howItGoes })}
              error={errors.byField.howItGoes}
            />
          </div>
        </fieldset>
        <Who5Fields answers={values.who5} onChange={(who5) => set({ who5 })} errors={errors.byField} />
        <fieldset className="nv-fieldset nv-fieldset--group">
          <legend className="nv-fieldset__legend">{t("checkIn.next")}</legend>
          <div className="nv-form__stack">
            <ChoiceFieldset
              name="readyForNextStep"
              legend={t("checkIn.readyForNextStep")}
              type="radio"
              layout="inline"
              choices={[
                { value: "yes", label: t("common.yes") },
                { value: "no", label: t("common.no") },
              ]}
              selected={values.readyForNextStep ? [values.readyForNextStep] : []}
              onChange={([ready]) => set({ readyForNextStep: (ready ?? "") as CheckInValues["readyForNextStep"] })}
              error={errors.byField.readyForNextStep}
            />
            <LadderFields rung={values.ladderRung} growthRung={values.growthRung} onChange={set} errors={errors.byField} optional />
          </div>
        </fieldset>
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={pending}>
            {t("checkIn.submit")}
          </PrimaryActionButton>
          <Link to={cancelTo} className="nl-link">
            {t("form.cancel")}
          </Link>
        </div>
      </form>
    </>
  );
}
