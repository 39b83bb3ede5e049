import type { DecisionOutput, ObjectionOutput } from "@shared/schemas/decisions.js";
import { Alert } from "@web/components/Alert.js";
import { FactsList } from "@web/components/FactsList.js";
import { formatLongDate, formatLongDateTime } from "@web/components/format.js";
import { Heading, Paragraph, SecondaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { UndoStatus } from "@web/components/UndoStatus.js";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useClient } from "../clients/api.js";
import { clientTabPath } from "../clients/clientTabs.js";
import { LetterPdfLink } from "../letters/LetterPdfLink.js";
import { type ObjectionUndo, useDecision, useObjection, useUndoObjectionStep } from "./api.js";
import {
  ConsentExtensionForm,
  HearingRecordForm,
  HearingWaiverForm,
  InviteButton,
  LatenessForm,
  OutcomeForm,
  PostponementForm,
  type StepDone,
} from "./ObjectionSteps.js";
import { isSanctionDecision } from "./objectionFormModel.js";

type Step = "lateness" | "postponement" | "consent" | "hearing" | "waiver" | "outcome";

/** The steps that send the client a letter, each undone while its letter is inside: its route, ability and message. */
const UNDO = {
  postponement: { ability: "undoPostponement", undone: "objectionPage.undone.postponement" },
  "hearing-invitation": { ability: "undoHearingInvitation", undone: "objectionPage.undone.hearingInvitation" },
  outcome: { ability: "undoOutcome", undone: "objectionPage.undone.outcome" },
} as const satisfies Record<ObjectionUndo, { ability: keyof ObjectionOutput["abilities"]; undone: string }>;

/** The objection's facts: the decision objected to, when it came in, on time or late, and the terms. */
function ObjectionFacts({ objection, decision }: { objection: ObjectionOutput; decision: DecisionOutput | undefined }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => formatLongDate(value, i18n.language);
  let timeliness = t("objectionPage.onTime");
  if (!objection.onTime) {
    const excused = objection.latenessExcusable;
    timeliness = excused === null ? t("objectionPage.late") : excused ? t("objectionPage.lateExcused") : t("objectionPage.lateNotExcused");
  }
  const rows: [string, ReactNode][] = [
    [
      t("objectionPage.facts.decision"),
      decision ? (
        <>
          {decision.summary}{" "}
          {decision.letterId ? (
            <LetterPdfLink letterId={decision.letterId} label={t("decisions.letter")} context={t(`decisionType.${decision.type}`)} />
          ) : null}
        </>
      ) : (
        "…"
      ),
    ],
    [t("objectionPage.facts.receivedOn"), date(objection.receivedOn)],
    [t("objectionPage.facts.postedOn"), objection.postedOn ? date(objection.postedOn) : t("objectionPage.notPosted")],
    [
      t("objectionPage.facts.grounds"),
      <span key="grounds" className="nv-prewrap">
        {objection.grounds}
      </span>,
    ],
    [t("objectionPage.facts.representative"), objection.representative ?? t("objectionPage.noRepresentative")],
    [t("objectionPage.facts.objectionTermEndsOn"), date(objection.objectionTermEndsOn)],
    [t("objectionPage.facts.timeliness"), timeliness],
  ];
  if (objection.latenessReasons) rows.push([t("objectionPage.facts.latenessReasons"), objection.latenessReasons]);
  rows.push(
    [
      t("objectionPage.facts.advisoryCommittee"),
      objection.advisoryCommittee ? t("objectionPage.advisoryCommittee") : t("objectionPage.noCommittee"),
    ],
    [
      t("objectionPage.facts.decideBy"),
      objection.postponed ? t("objectionPage.decideByPostponed", { date: date(objection.decideBy) }) : date(objection.decideBy),
    ],
  );
  const { postponement, consent } = objection;
  if (postponement)
    rows.push([
      t("objectionPage.facts.postponement"),
      <>
        {postponement.reasons}{" "}
        {postponement.letterId ? <LetterPdfLink letterId={postponement.letterId} label={t("objectionPage.postponement.letter")} /> : null}
      </>,
    ]);
  if (consent)
    rows.push([
      t("objectionPage.facts.consent"),
      t("objectionPage.consent.given", { date: date(consent.givenOn), note: consent.note ?? "" }),
    ]);
  return <FactsList rows={rows} />;
}

/** Every version of the hearing record, oldest first, with who held it and when it was written down. */
function HearingVersions({ hearing }: { hearing: ObjectionOutput["hearing"] }) {
  const { t, i18n } = useTranslation();
  const lines: string[] = [];
  if (hearing.invitationLetterId) lines.push(t("objectionPage.hearing.invitationSent"));
  if (hearing.skipReason) lines.push(t("objectionPage.hearing.skipped", { reason: t(`hearingSkipReason.${hearing.skipReason}`) }));
  return (
    <>
      {lines.map((line) => (
        <Paragraph key={line}>{line}</Paragraph>
      ))}
      {hearing.invitationLetterId ? (
        <Paragraph>
          <LetterPdfLink letterId={hearing.invitationLetterId} label={t("objectionPage.hearing.invitationLetter")} />
        </Paragraph>
      ) : null}
      {hearing.skipNote ? <Paragraph className="nv-prewrap">{hearing.skipNote}</Paragraph> : null}
      {hearing.versions.length === 0 && !hearing.skipReason ? <Paragraph>{t("objectionPage.hearing.none")}</Paragraph> : null}
      {hearing.versions.length > 0 ? (
        <ol className="nv-notes" aria-label={t("objectionPage.hearing.versions")}>
          {hearing.versions.map((version) => (
            <li key={version.version}>
              <Heading level={4}>
                {t("objectionPage.hearing.version", { version: version.version })}
                {version.correctionOf ? ` ${t("objectionPage.hearing.corrects", { version: version.correctionOf })}` : ""}
              </Heading>
              <Paragraph className="nv-small">
                {t("objectionPage.hearing.heldBy", {
                  date: formatLongDate(version.heldOn, i18n.language),
                  name: version.conductedBy,
                  recordedAt: formatLongDateTime(version.recordedAt, i18n.language),
                })}
              </Paragraph>
              <Paragraph className="nv-prewrap">{version.record}</Paragraph>
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}

/** The decision on objection: what, when and why, and the new decision with its letter (and the appeal notice). */
function OutcomeText({ objection, clientId }: { objection: ObjectionOutput; clientId: string | undefined }) {
  const { t, i18n } = useTranslation();
  if (!objection.outcome) return null;
  const decided = objection.outcomeOn
    ? t("objectionPage.outcome.decidedOn", { date: formatLongDate(objection.outcomeOn, i18n.language) })
    : "";
  return (
    <>
      <Paragraph>
        <strong>{t(`objectionOutcome.${objection.outcome}`)}</strong>
      </Paragraph>
      {decided ? <Paragraph>{decided}</Paragraph> : null}
      {objection.outcomeReasons ? <Paragraph className="nv-prewrap">{objection.outcomeReasons}</Paragraph> : null}
      {objection.outcomeDecisionId && clientId ? (
        <Paragraph>
          <Link to={`${clientTabPath(clientId, "decisions")}#decision-${objection.outcomeDecisionId}`} className="nl-link">
            {t("objectionPage.outcome.toDecision")}
          </Link>
        </Paragraph>
      ) : null}
    </>
  );
}

interface StepButtonProps {
  step: Step;
  open: Step | null;
  label: string;
  onOpen: (step: Step) => void;
}

function StepButton({ step, open, label, onOpen }: StepButtonProps) {
  if (open === step) return null;
  return (
    <SecondaryActionButton type="button" id={`step-${step}`} aria-expanded={false} onClick={() => onOpen(step)}>
      {label}
    </SecondaryActionButton>
  );
}

/** One objection (bezwaar): its facts, its terms, the hearing and the decision on it; each step only when the caller may take it. */
export function ObjectionPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const objection = useObjection(id);
  const decision = useDecision(objection.data?.decisionId);
  const client = useClient(decision.data?.clientId ?? "", Boolean(decision.data));
  const clientName = client.data ? `${client.data.givenName} ${client.data.familyName}` : t("objectionPage.theClient");
  const [open, setOpen] = useState<Step | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The step that just sent a letter: its notice offers "Ongedaan maken" while the server allows it.
  const [sent, setSent] = useState<ObjectionUndo | null>(null);
  const undo = useUndoObjectionStep(id);
  const data = objection.data;
  const decisionType = decision.data ? t(`decisionType.${decision.data.type}`) : "";
  const title = decisionType ? t("objectionPage.title", { decision: decisionType }) : t("objectionPage.titleShort");

  function openStep(step: Step) {
    setNotice(null);
    setSent(null);
    setOpen(step);
  }

  const done =
    (step: Step, letter?: ObjectionUndo): StepDone =>
    (message) => {
      setOpen(null);
      setNotice(message);
      setSent(message && letter ? letter : null);
      if (!message) setTimeout(() => document.getElementById(`step-${step}`)?.focus(), 0);
    };

  function undoSent(step: ObjectionUndo) {
    undo.mutate(step, {
      onSuccess: () => {
        setSent(null);
        setNotice(t(UNDO[step].undone));
      },
    });
  }

  const abilities = data?.abilities;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {decision.data ? (
        <Paragraph>
          <Link to={clientTabPath(decision.data.clientId, "decisions")} className="nl-link">
            {t("objectionPage.back")}
          </Link>
        </Paragraph>
      ) : null}
      {notice && sent && data ? (
        <UndoStatus canUndo={data.abilities[UNDO[sent].ability]} busy={undo.isPending} error={undo.error} onUndo={() => undoSent(sent)}>
          <p className="nv-alert-text">{notice}</p>
        </UndoStatus>
      ) : null}
      {notice && !sent ? (
        <Alert type="ok" role="status">
          {notice}
        </Alert>
      ) : null}
      {objection.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      <ProblemAlert error={objection.error} />
      <ProblemAlert error={decision.error} />
      {data && abilities ? (
        <div className="nv-stack">
          <section aria-labelledby="objection-facts-title" className="nv-section">
            <Heading level={2} id="objection-facts-title">
              {t("objectionPage.factsTitle")}
            </Heading>
            <ObjectionFacts objection={data} decision={decision.data} />
            <div className="nv-form__actions">
              {abilities.excuseLateness ? (
                <StepButton step="lateness" open={open} label={t("objectionPage.lateness.open")} onOpen={openStep} />
              ) : null}
              {abilities.postpone ? (
                <StepButton step="postponement" open={open} label={t("objectionPage.postponement.open")} onOpen={openStep} />
              ) : null}
              {abilities.extendWithConsent ? (
                <StepButton step="consent" open={open} label={t("objectionPage.consent.open")} onOpen={openStep} />
              ) : null}
            </div>
            {open === "lateness" ? <LatenessForm objectionId={data.id} onDone={done("lateness")} /> : null}
            {open === "postponement" ? (
              <PostponementForm objectionId={data.id} clientName={clientName} onDone={done("postponement", "postponement")} />
            ) : null}
            {open === "consent" ? <ConsentExtensionForm objectionId={data.id} onDone={done("consent")} /> : null}
          </section>

          <section aria-labelledby="objection-hearing-title" className="nv-section">
            <Heading level={2} id="objection-hearing-title">
              {t("objectionPage.hearing.title")}
            </Heading>
            <HearingVersions hearing={data.hearing} />
            <div className="nv-form__actions">
              {abilities.inviteToHearing ? (
                <InviteButton objectionId={data.id} clientName={clientName} onDone={done("hearing", "hearing-invitation")} />
              ) : null}
              {abilities.recordHearing ? (
                <StepButton
                  step="hearing"
                  open={open}
                  label={data.hearing.versions.length > 0 ? t("objectionPage.hearing.correct") : t("objectionPage.hearing.record")}
                  onOpen={openStep}
                />
              ) : null}
              {abilities.waiveHearing ? (
                <StepButton step="waiver" open={open} label={t("objectionPage.waiver.open")} onOpen={openStep} />
              ) : null}
            </div>
            {open === "hearing" ? (
              <HearingRecordForm objectionId={data.id} versions={data.hearing.versions} onDone={done("hearing")} />
            ) : null}
            {open === "waiver" ? <HearingWaiverForm objectionId={data.id} onDone={done("waiver")} /> : null}
          </section>

          <section aria-labelledby="objection-outcome-title" className="nv-section">
            <Heading level={2} id="objection-outcome-title">
              {t("objectionPage.outcome.sectionTitle")}
            </Heading>
            {data.outcome ? (
              <OutcomeText objection={data} clientId={decision.data?.clientId} />
            ) : (
              <Paragraph>{t("objectionPage.outcome.none")}</Paragraph>
            )}
            {abilities.decide ? <StepButton step="outcome" open={open} label={t("objectionPage.outcome.open")} onOpen={openStep} /> : null}
            {open === "outcome" ? (
              <OutcomeForm
                objectionId={data.id}
                clientName={clientName}
                onSanction={decision.data ? isSanctionDecision(decision.data) : false}
                onDone={done("outcome", "outcome")}
              />
            ) : null}
          </section>
        </div>
      ) : null}
    </>
  );
}
