import { todayInAmsterdam } from "@shared/dates.js";
import { FactsList } from "@web/components/FactsList.js";
import { formatHours, formatLongDate } from "@web/components/format.js";
import { Heading } from "@web/components/nlds.js";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DocumentLinks } from "../documents/DocumentLinks.js";
import { LetterPdfLink } from "../letters/LetterPdfLink.js";
import type { ActivityProposalOutput } from "./api.js";

/** The proposal's heading: what it is and where. */
export function ProposalHeading({ proposal, level }: { proposal: ActivityProposalOutput; level: 2 | 3 | 4 }) {
  const { t, i18n } = useTranslation();
  return (
    <Heading level={level} id={`proposal-${proposal.id}`} className="nv-panel__title">
      {t(`activityProposals.kind.${proposal.kind}`)}: {proposal.place}
      <span className="nv-cell-note">{formatLongDate(proposal.proposedAt, i18n.language)}</span>
    </Heading>
  );
}

/** Where the proposal stands, in plain words: waiting, counted for so many hours, or not counted. */
export function ProposalStatus({ proposal }: { proposal: ActivityProposalOutput }) {
  const { t, i18n } = useTranslation();
  const hours = formatHours(proposal.acceptedHoursPerWeek ?? proposal.hoursPerWeek, i18n.language);
  const modifier = proposal.status === "accepted" ? "active" : proposal.status === "declined" ? "stopped" : "planned";
  return <span className={`nv-status nv-status--${modifier}`}>{t(`activityProposals.status.${proposal.status}`, { hours })}</span>;
}

/** What was proposed, and once decided, the decision's reasons and its letter. */
export function ProposalFacts({ proposal, asClient }: { proposal: ActivityProposalOutput; asClient: boolean }) {
  const { t, i18n } = useTranslation();
  const started = proposal.since <= todayInAmsterdam();
  const rows: [string, ReactNode][] = [
    [t("activityProposals.facts.status"), <ProposalStatus key="status" proposal={proposal} />],
    ...(proposal.relation ? [[t("activityProposals.facts.relation"), t(`careRelation.${proposal.relation}`)] as [string, ReactNode]] : []),
    [t("activityProposals.facts.description"), proposal.description],
    [t("activityProposals.facts.hours"), formatHours(proposal.hoursPerWeek, i18n.language)],
    [started ? t("activityProposals.facts.since") : t("activityProposals.facts.from"), formatLongDate(proposal.since, i18n.language)],
  ];
  if (proposal.contact) rows.push([t("activityProposals.facts.contact"), proposal.contact]);
  if (!asClient)
    rows.push([
      t("activityProposals.facts.proposedBy"),
      proposal.proposedByClient ? t("activityProposals.facts.byClient") : t("activityProposals.facts.byStaff"),
    ]);
  rows.push([t("activityProposals.facts.evidence"), <DocumentLinks key="documents" documents={proposal.documents} />]);
  if (proposal.reasons) rows.push([t("activityProposals.facts.reasons"), proposal.reasons]);
  if (proposal.decidedBy) rows.push([t("activityProposals.facts.decidedBy"), proposal.decidedBy]);
  if (proposal.letterId)
    rows.push([
      t("activityProposals.facts.letter"),
      <LetterPdfLink key="letter" letterId={proposal.letterId} label={t("activityProposals.letter")} context={proposal.place} />,
    ]);
  return <FactsList rows={rows} />;
}
