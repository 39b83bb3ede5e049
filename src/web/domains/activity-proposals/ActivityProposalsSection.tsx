import { Alert } from "@web/components/Alert.js";
import { formatHours } from "@web/components/format.js";
import { Heading, Paragraph, SecondaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { UndoStatus } from "@web/components/UndoStatus.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LetterPdfLink } from "../letters/LetterPdfLink.js";
import { useActivityProposals, useRecheckProposals, useUndoProposalDecision } from "./api.js";
import { DecideProposalForm } from "./DecideProposalForm.js";
import { ProposalFacts, ProposalHeading } from "./ProposalFacts.js";

/**
 * The client's own proposals on their record: the consultant reviews each and decides it, with reasons; a decision can
 * be undone while its letter has not left the building (the server says so in `abilities.undo`).
 */
export function ActivityProposalsSection({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const proposals = useActivityProposals(clientId);
  const [open, setOpen] = useState<string | null>(null);
  // The proposal just decided, and the one whose decision was just undone: their status shows above the list.
  const [decidedId, setDecidedId] = useState<string | null>(null);
  const [undoneId, setUndoneId] = useState<string | null>(null);
  const undo = useUndoProposalDecision(clientId);
  const recheck = useRecheckProposals(clientId);
  const items = proposals.data?.items ?? [];
  const available = proposals.data?.hoursAvailablePerWeek ?? null;
  const decided = items.find((proposal) => proposal.id === decidedId && proposal.status !== "pending");

  function close(id: string, done: boolean) {
    setOpen(null);
    setDecidedId(done ? id : null);
    setUndoneId(null);
    setTimeout(() => (document.getElementById(`decide-${id}`) ?? document.getElementById(`proposal-${id}`))?.focus(), 0);
  }

  return (
    <section className="nv-panel nv-panel--quiet" aria-labelledby="activity-proposals-title">
      <Heading level={3} id="activity-proposals-title" className="nv-panel__title">
        {t("activityProposalReview.title")}
      </Heading>
      <Paragraph>{t("activityProposalReview.intro")}</Paragraph>
      <ProblemAlert error={proposals.error} />
      {proposals.data ? (
        <Paragraph>
          {available === null
            ? t("activityProposalReview.capacityUnknown")
            : t("activityProposalReview.available", { hours: formatHours(available, i18n.language) })}
        </Paragraph>
      ) : null}
      {decided ? (
        <UndoStatus
          canUndo={decided.abilities.undo}
          busy={undo.isPending}
          error={undo.error}
          context={decided.place}
          onUndo={() =>
            undo.mutate(decided.id, {
              onSuccess: () => {
                setDecidedId(null);
                setUndoneId(decided.id);
              },
            })
          }
        >
          <p className="nv-alert-text">{t("activityProposalReview.saved")}</p>
          {decided.letterId ? (
            <p className="nv-alert-text">
              <LetterPdfLink letterId={decided.letterId} label={t("activityProposalReview.letter")} onDownload={recheck} />
            </p>
          ) : null}
        </UndoStatus>
      ) : null}
      {undoneId ? (
        <Alert type="ok" role="status">
          {t("activityProposalReview.undone")}
        </Alert>
      ) : null}
      {proposals.data && items.length === 0 ? <Paragraph>{t("activityProposalReview.none")}</Paragraph> : null}
      {items.map((proposal) => (
        <article key={proposal.id} className="nv-panel" aria-labelledby={`proposal-${proposal.id}`}>
          <ProposalHeading proposal={proposal} level={4} />
          <ProposalFacts proposal={proposal} asClient={false} />
          {proposal.abilities.decide && open !== proposal.id ? (
            <SecondaryActionButton
              type="button"
              id={`decide-${proposal.id}`}
              onClick={() => {
                setDecidedId(null);
                setUndoneId(null);
                setOpen(proposal.id);
              }}
            >
              {t("activityProposalReview.decide")}
              <span className="nv-visually-hidden"> ({proposal.place})</span>
            </SecondaryActionButton>
          ) : null}
          {proposal.abilities.decide && open === proposal.id ? (
            <DecideProposalForm proposal={proposal} hoursAvailable={available} onDone={(done) => close(proposal.id, done)} />
          ) : null}
        </article>
      ))}
    </section>
  );
}
