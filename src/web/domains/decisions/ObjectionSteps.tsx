import { todayInAmsterdam } from "@shared/dates.js";
import {
  HEARING_SKIP_REASONS,
  OBJECTION_OUTCOMES,
  type ObjectionOutput,
  objectionOutcomeInput,
  postponementInput,
} from "@shared/schemas/decisions.js";
import { ChoiceFieldset } from "@web/components/ChoiceFieldset.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { FormActions } from "@web/components/FormActions.js";
import { SelectField, TextAreaField, TextField } from "@web/components/fields.js";
import { Heading, SecondaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ObjectionAction, useObjectionAction } from "./api.js";
import {
  CONSENT_FIELDS,
  type ConsentValues,
  emptyOutcomeValues,
  HEARING_FIELDS,
  type HearingValues,
  OUTCOME_FIELDS,
  type OutcomeValues,
  toConsentExtensionInput,
  toHearingInput,
  toHearingWaiverInput,
  toLatenessInput,
  toOutcomeInput,
} from "./objectionFormModel.js";

const CONSENT_CONTROLS = { consentGivenOn: "consentGivenOn", decideBy: "consentDecideBy", note: "consentNote" };
const HEARING_CONTROLS = {
  heldOn: "objectionHearingHeldOn",
  record: "objectionHearingRecord",
  correctionOf: "objectionHearingCorrectionOf",
};
const OUTCOME_CONTROLS = {
  outcome: "objectionOutcome",
  reasons: "objectionReasons",
  percentage: "objectionPercentage",
  months: "objectionMonths",
};

/** What a step reports when it is done: the notice to show, or nothing when the form was closed unsaved. */
export type StepDone = (notice: string | null) => void;

interface StepFormProps {
  id: string;
  title: string;
  intro?: ReactNode;
  submitLabel: string;
  action: ReturnType<typeof useObjectionAction>;
  errors: ReturnType<typeof formErrorsOf>;
  onSubmit: (form: HTMLFormElement) => void;
  onCancel: () => void;
  /** The question before a step that sends a letter. */
  dialog?: ReactNode;
  children: ReactNode;
}

/** The frame every step's form shares: title, the error summary, the server's refusal, and the buttons. */
function StepForm({ id, title, intro, submitLabel, action, errors, onSubmit, onCancel, dialog, children }: StepFormProps) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(event.currentTarget);
  }
  return (
    <section className="nv-panel" aria-labelledby={`${id}-title`}>
      <Heading level={3} id={`${id}-title`} className="nv-panel__title">
        {title}
      </Heading>
      {intro}
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        {children}
        <FormActions submitLabel={submitLabel} busy={action.isPending} onCancel={onCancel} />
      </form>
      {dialog}
    </section>
  );
}

interface StepProps {
  objectionId: string;
  onDone: StepDone;
}

/** A step that sends the client a letter names who gets it. */
interface LetterStepProps extends StepProps {
  clientName: string;
}

/** Runs one step and reports its notice; the step's own errors stay with its form. */
function useStep(objectionId: string, onDone: StepDone, notice: string) {
  const action = useObjectionAction(objectionId);
  const run = (step: ObjectionAction) => action.mutate(step, { onSuccess: () => onDone(notice) });
  return { action, run };
}

/** Whether a late objection is excused (Awb 6:11), with the reasons. */
export function LatenessForm({ objectionId, onDone }: StepProps) {
  const { t } = useTranslation();
  const { action, run } = useStep(objectionId, onDone, t("objectionPage.lateness.saved"));
  const [excusable, setExcusable] = useState("");
  const [reasons, setReasons] = useState("");
  const errors = useMemo(
    () => formErrorsOf(action.error, t, ["excusable", "reasons"], { excusable: "latenessExcusable", reasons: "latenessReasons" }),
    [action.error, t],
  );
  return (
    <StepForm
      id="lateness"
      title={t("objectionPage.lateness.title")}
      submitLabel={t("objectionPage.lateness.submit")}
      action={action}
      errors={errors}
      onSubmit={() => run({ kind: "lateness", input: toLatenessInput(excusable, reasons) })}
      onCancel={() => onDone(null)}
    >
      <ChoiceFieldset
        name="latenessExcusable"
        legend={t("objectionPage.lateness.excusable")}
        type="radio"
        layout="inline"
        choices={[
          { value: "yes", label: t("objectionPage.lateness.yes") },
          { value: "no", label: t("objectionPage.lateness.no") },
        ]}
        selected={excusable ? [excusable] : []}
        onChange={([value]) => setExcusable(value ?? "")}
        error={errors.byField.latenessExcusable}
      />
      <TextAreaField
        name="latenessReasons"
        label={t("objectionPage.lateness.reasons")}
        value={reasons}
        onChange={setReasons}
        error={errors.byField.latenessReasons}
        rows={3}
      />
    </StepForm>
  );
}

/** The one postponement by six weeks, with a letter to the client (Awb 7:10 lid 3). */
export function PostponementForm({ objectionId, clientName, onDone }: LetterStepProps) {
  const { t } = useTranslation();
  const { action, run } = useStep(objectionId, onDone, t("objectionPage.postponement.saved"));
  const [reasons, setReasons] = useState("");
  const confirmation = useConfirmation({
    title: t("sendLetter.title"),
    body: t("sendLetter.letter", { name: clientName, what: t("sendLetter.what.objectionPostponement") }),
    confirmLabel: t("sendLetter.send"),
  });
  const errors = useMemo(
    () => formErrorsOf(confirmation.invalid ?? action.error, t, ["reasons"], { reasons: "postponementReasons" }),
    [confirmation.invalid, action.error, t],
  );
  return (
    <StepForm
      id="postponement"
      title={t("objectionPage.postponement.title")}
      intro={<p className="nv-small">{t("objectionPage.postponement.intro")}</p>}
      submitLabel={t("objectionPage.postponement.submit")}
      action={action}
      errors={errors}
      onSubmit={(form) =>
        confirmation.ask((input) => run({ kind: "postponement", input }), { form, schema: postponementInput, body: { reasons } })
      }
      dialog={confirmation.dialog}
      onCancel={() => onDone(null)}
    >
      <TextAreaField
        name="postponementReasons"
        label={t("objectionPage.postponement.reasons")}
        value={reasons}
        onChange={setReasons}
        error={errors.byField.postponementReasons}
        rows={3}
      />
    </StepForm>
  );
}

/** A further postponement, only with the client's consent (Awb 7:10 lid 4). */
export function ConsentExtensionForm({ objectionId, onDone }: StepProps) {
  const { t } = useTranslation();
  const { action, run } = useStep(objectionId, onDone, t("objectionPage.consent.saved"));
  const [values, setValues] = useState<ConsentValues>(() => ({ consentGivenOn: todayInAmsterdam(), decideBy: "", note: "" }));
  const change = (changes: Partial<ConsentValues>) => setValues((current) => ({ ...current, ...changes }));
  const errors = useMemo(() => formErrorsOf(action.error, t, CONSENT_FIELDS, CONSENT_CONTROLS), [action.error, t]);
  return (
    <StepForm
      id="consent"
      title={t("objectionPage.consent.title")}
      intro={<p className="nv-small">{t("objectionPage.consent.intro")}</p>}
      submitLabel={t("objectionPage.consent.submit")}
      action={action}
      errors={errors}
      onSubmit={() => run({ kind: "consent-extension", input: toConsentExtensionInput(values) })}
      onCancel={() => onDone(null)}
    >
      <TextField
        name="consentGivenOn"
        type="date"
        label={t("objectionPage.consent.consentGivenOn")}
        value={values.consentGivenOn}
        onChange={(consentGivenOn) => change({ consentGivenOn })}
        error={errors.byField.consentGivenOn}
      />
      <TextField
        name="consentDecideBy"
        type="date"
        label={t("objectionPage.consent.decideBy")}
        value={values.decideBy}
        onChange={(decideBy) => change({ decideBy })}
        error={errors.byField.consentDecideBy}
      />
      <TextAreaField
        name="consentNote"
        label={t("objectionPage.consent.note")}
        value={values.note}
        onChange={(note) => change({ note })}
        error={errors.byField.consentNote}
        rows={3}
      />
    </StepForm>
  );
}

/** The hearing record (Awb 7:2); a correction adds a version and keeps the one it corrects. */
export function HearingRecordForm({ objectionId, onDone, versions }: StepProps & { versions: ObjectionOutput["hearing"]["versions"] }) {
  const { t } = useTranslation();
  const { action, run } = useStep(objectionId, onDone, t("objectionPage.hearing.saved"));
  const latest = versions.at(-1);
  const [values, setValues] = useState<HearingValues>(() => ({
    heldOn: latest?.heldOn ?? todayInAmsterdam(),
    record: latest?.record ?? "",
    correctionOf: latest ? String(latest.version) : "",
  }));
  const change = (changes: Partial<HearingValues>) => setValues((current) => ({ ...current, ...changes }));
  const errors = useMemo(() => formErrorsOf(action.error, t, HEARING_FIELDS, HEARING_CONTROLS), [action.error, t]);
  return (
    <StepForm
      id="objection-hearing"
      title={latest ? t("objectionPage.hearing.correctTitle") : t("objectionPage.hearing.recordTitle")}
      intro={latest ? <p className="nv-small">{t("objectionPage.hearing.correctIntro")}</p> : undefined}
      submitLabel={t("objectionPage.hearing.submit")}
      action={action}
      errors={errors}
      onSubmit={() => run({ kind: "hearings", input: toHearingInput(values) })}
      onCancel={() => onDone(null)}
    >
      <TextField
        name="objectionHearingHeldOn"
        type="date"
        label={t("objectionPage.hearing.heldOn")}
        value={values.heldOn}
        onChange={(heldOn) => change({ heldOn })}
        error={errors.byField.objectionHearingHeldOn}
      />
      {versions.length > 0 ? (
        <SelectField
          name="objectionHearingCorrectionOf"
          label={t("objectionPage.hearing.correctionOf")}
          value={values.correctionOf}
          onChange={(correctionOf) => change({ correctionOf })}
          options={[
            { value: "", label: t("objectionPage.hearing.noCorrection") },
            ...versions.map((version) => ({
              value: String(version.version),
              label: t("objectionPage.hearing.version", { version: version.version }),
            })),
          ]}
          error={errors.byField.objectionHearingCorrectionOf}
        />
      ) : null}
      <TextAreaField
        name="objectionHearingRecord"
        label={t("objectionPage.hearing.recordText")}
        description={t("objectionPage.hearing.recordHint")}
        value={values.record}
        onChange={(record) => change({ record })}
        error={errors.byField.objectionHearingRecord}
        rows={6}
      />
    </StepForm>
  );
}

/** Why the client is not heard (Awb 7:3), recorded with a note. */
export function HearingWaiverForm({ objectionId, onDone }: StepProps) {
  const { t } = useTranslation();
  const { action, run } = useStep(objectionId, onDone, t("objectionPage.waiver.saved"));
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const errors = useMemo(
    () => formErrorsOf(action.error, t, ["reason", "note"], { reason: "waiverReason", note: "waiverNote" }),
    [action.error, t],
  );
  return (
    <StepForm
      id="waiver"
      title={t("objectionPage.waiver.title")}
      submitLabel={t("objectionPage.waiver.submit")}
      action={action}
      errors={errors}
      onSubmit={() => run({ kind: "hearing-waiver", input: toHearingWaiverInput(reason, note) })}
      onCancel={() => onDone(null)}
    >
      <ChoiceFieldset
        name="waiverReason"
        legend={t("objectionPage.waiver.reason")}
        type="radio"
        choices={HEARING_SKIP_REASONS.map((value) => ({ value, label: t(`hearingSkipReason.${value}`) }))}
        selected={reason ? [reason] : []}
        onChange={([value]) => setReason(value ?? "")}
        error={errors.byField.waiverReason}
      />
      <TextAreaField
        name="waiverNote"
        label={t("objectionPage.waiver.note")}
        value={note}
        onChange={setNote}
        error={errors.byField.waiverNote}
        rows={3}
      />
    </StepForm>
  );
}

/** The decision on objection: inadmissible, unfounded, well-founded or partly, with reasons; for a sanction what remains. */
export function OutcomeForm({ objectionId, clientName, onDone, onSanction }: LetterStepProps & { onSanction: boolean }) {
  const { t } = useTranslation();
  const { action, run } = useStep(objectionId, onDone, t("objectionPage.outcome.saved"));
  const [values, setValues] = useState<OutcomeValues>(emptyOutcomeValues);
  const change = (changes: Partial<OutcomeValues>) => setValues((current) => ({ ...current, ...changes }));
  const confirmation = useConfirmation({
    title: t("sendLetter.title"),
    body: t("sendLetter.letter", { name: clientName, what: t("sendLetter.what.objectionOutcome") }),
    confirmLabel: t("sendLetter.send"),
  });
  const errors = useMemo(
    () => formErrorsOf(confirmation.invalid ?? action.error, t, OUTCOME_FIELDS, OUTCOME_CONTROLS),
    [confirmation.invalid, action.error, t],
  );
  return (
    <StepForm
      id="outcome"
      title={t("objectionPage.outcome.title")}
      intro={<p className="nv-small">{t("objectionPage.outcome.intro")}</p>}
      submitLabel={t("objectionPage.outcome.submit")}
      action={action}
      errors={errors}
      onSubmit={(form) =>
        confirmation.ask((input) => run({ kind: "outcome", input }), {
          form,
          schema: objectionOutcomeInput,
          body: toOutcomeInput(values, onSanction),
        })
      }
      dialog={confirmation.dialog}
      onCancel={() => onDone(null)}
    >
      <ChoiceFieldset
        name="objectionOutcome"
        legend={t("objectionPage.outcome.outcome")}
        type="radio"
        choices={OBJECTION_OUTCOMES.map((value) => ({ value, label: t(`objectionOutcome.${value}`) }))}
        selected={values.outcome ? [values.outcome] : []}
        onChange={([outcome]) => change({ outcome: outcome ?? "" })}
        error={errors.byField.objectionOutcome}
      />
      {onSanction && values.outcome === "partlyWellFounded" ? (
        <div className="nv-form__grid nv-form__grid--two">
          <TextField
            name="objectionPercentage"
            inputMode="decimal"
            label={t("lowerTerms.percentage")}
            description={t("objectionPage.outcome.percentageHint")}
            value={values.percentage}
            onChange={(percentage) => change({ percentage })}
            error={errors.byField.objectionPercentage}
            className="nv-input--short"
            autoComplete="off"
          />
          <TextField
            name="objectionMonths"
            inputMode="numeric"
            label={t("lowerTerms.months")}
            description={t("lowerTerms.monthsHint")}
            value={values.months}
            onChange={(months) => change({ months })}
            error={errors.byField.objectionMonths}
            className="nv-input--short"
            autoComplete="off"
          />
        </div>
      ) : null}
      <TextAreaField
        name="objectionReasons"
        label={t("objectionPage.outcome.reasons")}
        description={t("objectionPage.outcome.reasonsHint")}
        value={values.reasons}
        onChange={(reasons) => change({ reasons })}
        error={errors.byField.objectionReasons}
        rows={5}
      />
    </StepForm>
  );
}

/** Sends the hearing invitation letter: no form, the button is the step. */
export function InviteButton({ objectionId, clientName, onDone }: LetterStepProps) {
  const { t } = useTranslation();
  const { action, run } = useStep(objectionId, onDone, t("objectionPage.hearing.invited"));
  const confirmation = useConfirmation({
    title: t("sendLetter.title"),
    body: t("sendLetter.letter", { name: clientName, what: t("sendLetter.what.objectionHearing") }),
    confirmLabel: t("sendLetter.send"),
  });
  return (
    <>
      <SecondaryActionButton
        type="button"
        busy={action.isPending}
        onClick={() => confirmation.ask(() => run({ kind: "hearing-invitation" }))}
      >
        {t("objectionPage.hearing.invite")}
      </SecondaryActionButton>
      <ProblemAlert error={action.error} />
      {confirmation.dialog}
    </>
  );
}
