import { type BuddyAgreementInput, type BuddyAgreementOutput, buddyAgreementInput } from "@shared/schemas/buddies.js";
import { Alert } from "@web/components/Alert.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { FieldGrid } from "@web/components/FieldGrid.js";
import { FormActions } from "@web/components/FormActions.js";
import { FormProblems } from "@web/components/FormProblems.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { formatHours, formatLongDate } from "@web/components/format.js";
import { toNumber } from "@web/components/formValues.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { UndoStatus } from "@web/components/UndoStatus.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LetterPdfLink } from "../letters/LetterPdfLink.js";
import {
  useBuddies,
  useClientPairings,
  useEndAgreement,
  useEndPairing,
  useMakeBuddy,
  usePair,
  useRecheckPairings,
  useUndoAgreement,
} from "./api.js";
import { ConfirmStop } from "./ConfirmStop.js";
import { MeetingForm } from "./MeetingForm.js";

/** Pairs the client with a buddy of the district who has room, with the phone number the client agreed to share. */
function PairForm({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const buddies = useBuddies();
  const pair = usePair();
  const [buddyId, setBuddyId] = useState("");
  const [phone, setPhone] = useState("");
  const errors = useMemo(() => formErrorsOf(pair.error, t, ["buddyId", "contactPhone"]), [pair.error, t]);
  const free = (buddies.data?.items ?? []).filter(
    (b) => b.status === "active" && b.activePairings < b.maxPairings && b.clientId !== clientId,
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    pair.mutate({ buddyId, clientId, contactPhone: phone }, { onSuccess: () => setPhone("") });
  }
  return (
    <form className="nv-form" onSubmit={submit} noValidate aria-labelledby="pair-title">
      <Heading level={4} id="pair-title">
        {t("buddies.pair.title")}
      </Heading>
      <FormProblems errors={errors} />
      {buddies.data && free.length === 0 ? <Paragraph>{t("buddies.pair.noneFree")}</Paragraph> : null}
      <FieldGrid>
        <SelectField
          name="buddyId"
          label={t("buddies.pair.buddy")}
          value={buddyId}
          onChange={setBuddyId}
          error={errors.byField.buddyId}
          options={[
            { value: "", label: t("buddies.pair.choose") },
            ...free.map((b) => ({
              value: b.id,
              label: t("buddies.pair.option", { name: b.name, free: b.maxPairings - b.activePairings }),
            })),
          ]}
        />
        <TextField
          name="contactPhone"
          label={t("buddies.pair.phone")}
          description={t("buddies.pair.phoneHint")}
          value={phone}
          onChange={setPhone}
          type="tel"
          autoComplete="off"
          error={errors.byField.contactPhone}
        />
      </FieldGrid>
      <FormActions submitLabel={t("buddies.pair.submit")} busy={pair.isPending} />
    </form>
  );
}

const EMPTY = { trainedOn: "", since: "", hoursPerWeek: "", maxPairings: "1", contactPhone: "" };
/** The agreement's form controls, named apart from the other forms of the client's page (contributions, pairing). */
const CONTROLS: Record<keyof typeof EMPTY, string> = {
  trainedOn: "buddyTrainedOn",
  since: "buddySince",
  hoursPerWeek: "buddyHoursPerWeek",
  maxPairings: "buddyMaxPairings",
  contactPhone: "buddyContactPhone",
};

/** The buddy agreement: training date, hours, how many people at once, and the phone number the buddy shares. */
function MakeBuddyForm({ make, clientName }: { make: ReturnType<typeof useMakeBuddy>; clientName: string }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const set = (field: keyof typeof EMPTY) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const confirmation = useConfirmation({
    title: t("sendLetter.title"),
    body: t("sendLetter.letter", { name: clientName, what: t("sendLetter.what.buddyAgreement") }),
    confirmLabel: t("sendLetter.send"),
  });
  const errors = useMemo(
    () => formErrorsOf(confirmation.invalid ?? make.error, t, Object.keys(EMPTY), CONTROLS),
    [confirmation.invalid, make.error, t],
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The agreement is a decision with a letter to the client: asked first.
    confirmation.ask(save, {
      form: event.currentTarget,
      schema: buddyAgreementInput,
      body: {
        trainedOn: values.trainedOn,
        since: values.since,
        hoursPerWeek: toNumber(values.hoursPerWeek) as number,
        maxPairings: toNumber(values.maxPairings) as number,
        contactPhone: values.contactPhone,
      },
    });
  }
  function save(input: BuddyAgreementInput) {
    make.mutate(input, { onSuccess: () => setValues(EMPTY) });
  }
  return (
    <form className="nv-form" onSubmit={submit} noValidate aria-labelledby="make-buddy-title">
      <Heading level={4} id="make-buddy-title">
        {t("buddies.agreement.title")}
      </Heading>
      <Paragraph>{t("buddies.agreement.intro")}</Paragraph>
      <FormProblems errors={errors} />
      <FieldGrid>
        <TextField
          name={CONTROLS.trainedOn}
          type="date"
          label={t("buddies.agreement.trainedOn")}
          value={values.trainedOn}
          onChange={set("trainedOn")}
          error={errors.byField[CONTROLS.trainedOn]}
        />
        <TextField
          name={CONTROLS.since}
          type="date"
          label={t("buddies.agreement.since")}
          value={values.since}
          onChange={set("since")}
          error={errors.byField[CONTROLS.since]}
        />
        <TextField
          name={CONTROLS.hoursPerWeek}
          inputMode="decimal"
          label={t("buddies.agreement.hours")}
          value={values.hoursPerWeek}
          onChange={set("hoursPerWeek")}
          error={errors.byField[CONTROLS.hoursPerWeek]}
        />
        <TextField
          name={CONTROLS.maxPairings}
          inputMode="numeric"
          label={t("buddies.agreement.maxPairings")}
          value={values.maxPairings}
          onChange={set("maxPairings")}
          error={errors.byField[CONTROLS.maxPairings]}
        />
        <TextField
          name={CONTROLS.contactPhone}
          type="tel"
          label={t("buddies.agreement.phone")}
          value={values.contactPhone}
          onChange={set("contactPhone")}
          error={errors.byField[CONTROLS.contactPhone]}
        />
      </FieldGrid>
      <FormActions submitLabel={t("buddies.agreement.submit")} busy={make.isPending} />
      {confirmation.dialog}
    </form>
  );
}

/** Just after the agreement was made: its letter, and "Ongedaan maken" while the server allows it. */
function AgreementMade({ clientId, agreement, onUndone }: { clientId: string; agreement: BuddyAgreementOutput; onUndone: () => void }) {
  const { t } = useTranslation();
  const undo = useUndoAgreement();
  const recheck = useRecheckPairings(clientId);
  return (
    <UndoStatus
      canUndo={agreement.abilities.undo}
      busy={undo.isPending}
      error={undo.error}
      onUndo={() => undo.mutate(agreement.id, { onSuccess: onUndone })}
    >
      <p className="nv-alert-text">{t("buddies.agreement.made")}</p>
      <p className="nv-alert-text">
        <LetterPdfLink letterId={agreement.letterId} label={t("buddies.agreement.letter")} onDownload={recheck} />
      </p>
    </UndoStatus>
  );
}

/** The client's own buddy agreement for the consultant: how it runs or when it ended, and ending it without a reason. */
function AgreementStatus({ agreement }: { agreement: BuddyAgreementOutput }) {
  const { t, i18n } = useTranslation();
  const end = useEndAgreement();
  return (
    <div className="nv-stack">
      <Paragraph>
        {agreement.status === "active"
          ? t("buddies.section.agreementRunning", {
              date: formatLongDate(agreement.since, i18n.language),
              hours: formatHours(agreement.hoursPerWeek, i18n.language),
              max: agreement.maxPairings,
            })
          : t("buddies.section.agreementEnded", {
              since: formatLongDate(agreement.since, i18n.language),
              date: formatLongDate(agreement.endedOn, i18n.language),
            })}
      </Paragraph>
      <ProblemAlert error={end.error} />
      {end.isSuccess ? (
        <Alert type="ok" role="status">
          {t("buddies.section.agreementEndedNow")}
        </Alert>
      ) : null}
      {agreement.abilities.end ? (
        <ConfirmStop
          id="buddy-agreement-confirm"
          level={4}
          label={t("buddies.section.endAgreement")}
          title={t("buddies.section.endAgreement")}
          yes={t("buddies.section.confirmYes")}
          no={t("buddies.section.confirmNo")}
          busy={end.isPending}
          onConfirm={(done) => end.mutate(agreement.id, { onSettled: done })}
        >
          <Paragraph>{t("buddies.section.confirmAgreement")}</Paragraph>
        </ConfirmStop>
      ) : null}
    </div>
  );
}

/** The client's buddy matters for the consultant: their pairings (either side), pairing, ending, the buddy agreement. */
export function BuddySection({ clientId, clientName }: { clientId: string; clientName: string }) {
  const { t, i18n } = useTranslation();
  const pairings = useClientPairings(clientId);
  const end = useEndPairing();
  // The agreement's answer stays here after its form is gone: the status and its undo show from it.
  const make = useMakeBuddy(clientId);
  const [undone, setUndone] = useState(false);
  const items = pairings.data?.items ?? [];
  const abilities = pairings.data?.abilities;
  const agreement = pairings.data?.agreement ?? null;
  return (
    <section className="nv-panel nv-panel--quiet" aria-labelledby="buddy-title">
      <Heading level={3} id="buddy-title" className="nv-panel__title">
        {t("buddies.section.title")}
      </Heading>
      <Paragraph>
        {t("buddies.section.intro")}{" "}
        <Link to="/buddies" className="nl-link">
          {t("buddies.section.all")}
        </Link>
      </Paragraph>
      <ProblemAlert error={pairings.error ?? end.error} />
      {end.isSuccess ? (
        <Alert type="ok" role="status">
          {t("buddies.section.ended")}
        </Alert>
      ) : null}
      {pairings.data && items.length === 0 && !pairings.data.agreement ? <Paragraph>{t("buddies.section.none")}</Paragraph> : null}
      {make.data && agreement?.id === make.data.id ? (
        <AgreementMade clientId={clientId} agreement={agreement} onUndone={() => setUndone(true)} />
      ) : null}
      {undone && !agreement ? (
        <Alert type="ok" role="status">
          {t("buddies.agreement.undone")}
        </Alert>
      ) : null}
      {agreement ? <AgreementStatus agreement={agreement} /> : null}
      {items.length > 0 ? (
        <ul className="nv-link-list">
          {items.map((p) => (
            <li key={p.id}>
              {t(`buddies.section.${p.side}`, {
                name: p.partner.firstName,
                since: formatLongDate(p.pairedOn, i18n.language),
                hours: formatHours(p.meetingHours, i18n.language),
              })}{" "}
              {p.status === "ended" ? t("buddies.section.endedOn", { date: formatLongDate(p.endedOn, i18n.language) }) : null}{" "}
              {p.abilities.end ? (
                <ConfirmStop
                  id={`pairing-confirm-${p.id}`}
                  level={4}
                  label={
                    <>
                      {t("buddies.section.end")}
                      <span className="nv-visually-hidden"> ({p.partner.firstName})</span>
                    </>
                  }
                  title={t("buddies.section.end")}
                  yes={t("buddies.section.confirmYes")}
                  no={t("buddies.section.confirmNo")}
                  busy={end.isPending}
                  onConfirm={(done) => end.mutate(p.id, { onSettled: done })}
                >
                  <Paragraph>{t("buddies.section.confirmEnd", { name: p.partner.firstName })}</Paragraph>
                </ConfirmStop>
              ) : null}
              {p.status === "active" ? <MeetingForm pairing={p} level={4} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {abilities?.pair ? <PairForm clientId={clientId} /> : null}
      {abilities?.makeBuddy ? <MakeBuddyForm make={make} clientName={clientName} /> : null}
    </section>
  );
}
