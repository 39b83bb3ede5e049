import { INTRODUCTION_VERDICTS } from "@shared/schemas/host-partnership.js";
import type { PlacementOutput } from "@shared/schemas/placements.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FactsList } from "@web/components/FactsList.js";
import { SelectField, TextAreaField, TextField } from "@web/components/fields.js";
import { formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { hostAgreementUrl, useHostStep } from "./hostStepsApi.js";

const INTRODUCTION_FIELDS = ["heldOn", "attendees", "contactPerson", "clientVerdict", "hostVerdict", "note"] as const;
const CHECK_IN_FIELDS = ["heldOn", "note"] as const;

function IntroductionForm({ placement }: { placement: PlacementOutput }) {
  const { t } = useTranslation();
  const step = useHostStep(placement.id);
  const [values, setValues] = useState({
    heldOn: "",
    attendees: "",
    contactPerson: "",
    clientVerdict: "positive",
    hostVerdict: "positive",
    note: "",
  });
  const errors = useMemo(() => formErrorsOf(step.error, t, INTRODUCTION_FIELDS), [step.error, t]);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const verdicts = INTRODUCTION_VERDICTS.map((value) => ({ value, label: t(`hostSteps.verdict.${value}`) }));
  function submit(event: FormEvent) {
    event.preventDefault();
    step.mutate({ kind: "introduction", body: { ...values, note: values.note || null } });
  }
  return (
    <form onSubmit={submit} noValidate className="nv-form" aria-labelledby="introduction-form-title">
      <Heading level={3} id="introduction-form-title">
        {t("hostSteps.introductionForm")}
      </Heading>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <TextField
        name="introductionHeldOn"
        type="date"
        label={t("hostSteps.heldOn")}
        value={values.heldOn}
        onChange={set("heldOn")}
        error={errors.byField.heldOn}
      />
      <TextField
        name="introductionAttendees"
        label={t("hostSteps.attendees")}
        description={t("hostSteps.attendeesHint")}
        value={values.attendees}
        onChange={set("attendees")}
        error={errors.byField.attendees}
      />
      <TextField
        name="introductionContactPerson"
        label={t("hostSteps.contactPerson")}
        value={values.contactPerson}
        onChange={set("contactPerson")}
        error={errors.byField.contactPerson}
      />
      <SelectField
        name="clientVerdict"
        label={t("hostSteps.clientVerdict")}
        value={values.clientVerdict}
        onChange={set("clientVerdict")}
        options={verdicts}
      />
      <SelectField
        name="hostVerdict"
        label={t("hostSteps.hostVerdict")}
        value={values.hostVerdict}
        onChange={set("hostVerdict")}
        options={verdicts}
      />
      <TextAreaField
        name="introductionNote"
        label={t("hostSteps.note")}
        value={values.note}
        onChange={set("note")}
        rows={2}
        error={errors.byField.note}
      />
      <div className="nv-form__actions">
        <PrimaryActionButton type="submit" busy={step.isPending}>
          {t("hostSteps.saveIntroduction")}
        </PrimaryActionButton>
      </div>
    </form>
  );
}

function HostCheckInForm({ placement }: { placement: PlacementOutput }) {
  const { t } = useTranslation();
  const step = useHostStep(placement.id);
  const [values, setValues] = useState({ heldOn: "", note: "" });
  const errors = useMemo(() => formErrorsOf(step.error, t, CHECK_IN_FIELDS), [step.error, t]);
  function submit(event: FormEvent) {
    event.preventDefault();
    step.mutate({ kind: "host-check-in", body: values });
  }
  return (
    <form onSubmit={submit} noValidate className="nv-form" aria-labelledby="check-in-form-title">
      <Heading level={3} id="check-in-form-title">
        {t("hostSteps.checkInForm")}
      </Heading>
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <TextField
        name="checkInHeldOn"
        type="date"
        label={t("hostSteps.heldOn")}
        value={values.heldOn}
        onChange={(heldOn) => setValues((v) => ({ ...v, heldOn }))}
        error={errors.byField.heldOn}
      />
      <TextAreaField
        name="checkInNote"
        label={t("hostSteps.checkInNote")}
        value={values.note}
        onChange={(note) => setValues((v) => ({ ...v, note }))}
        rows={3}
        error={errors.byField.note}
      />
      <div className="nv-form__actions">
        <PrimaryActionButton type="submit" busy={step.isPending}>
          {t("hostSteps.saveCheckIn")}
        </PrimaryActionButton>
      </div>
    </form>
  );
}

/** The steps with the host: contact person, introduction meeting, the start, the check-in after four weeks, and its copy of the agreement. */
export function HostSteps({ placement }: { placement: PlacementOutput }) {
  const { t, i18n } = useTranslation();
  const steps = placement.hostSteps;
  const rows: [string, string][] = [[t("hostSteps.contactPerson"), steps.contactPerson ?? t("hostSteps.none")]];
  if (steps.introduction) {
    rows.push([t("hostSteps.introduction"), formatLongDate(steps.introduction.heldOn, i18n.language)]);
    rows.push([t("hostSteps.attendees"), steps.introduction.attendees]);
    rows.push([t("hostSteps.clientVerdict"), t(`hostSteps.verdict.${steps.introduction.clientVerdict}`)]);
    rows.push([t("hostSteps.hostVerdict"), t(`hostSteps.verdict.${steps.introduction.hostVerdict}`)]);
    if (steps.introduction.note) rows.push([t("hostSteps.note"), steps.introduction.note]);
  }
  if (steps.hostCheckIn) {
    rows.push([
      t("hostSteps.checkIn"),
      steps.hostCheckIn.heldOn
        ? t("hostSteps.checkInHeld", { date: formatLongDate(steps.hostCheckIn.heldOn, i18n.language) })
        : t("hostSteps.checkInDue", { date: formatLongDate(steps.hostCheckIn.dueOn, i18n.language) }),
    ]);
    if (steps.hostCheckIn.note) rows.push([t("hostSteps.checkInNote"), steps.hostCheckIn.note]);
  }
  return (
    <section className="nv-panel nv-panel--quiet" aria-labelledby="host-steps-title">
      <Heading level={2} id="host-steps-title" className="nv-panel__title">
        {t("hostSteps.title")}
      </Heading>
      <FactsList rows={rows} />
      {placement.abilities.downloadAgreement ? (
        <Paragraph>
          <a href={hostAgreementUrl(placement.id)} download className="nl-link">
            {t("hostSteps.downloadAgreement")}
          </a>
        </Paragraph>
      ) : null}
      {placement.abilities.recordIntroduction ? <IntroductionForm placement={placement} /> : null}
      {placement.abilities.recordHostCheckIn ? <HostCheckInForm placement={placement} /> : null}
    </section>
  );
}
