import type { ProposalOutput, proposalGroup } from "@shared/schemas/matching.js";
import { formatHours } from "@web/components/format.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { z } from "zod";
import { MatchReasons } from "./MatchReasons.js";

type ProposalGroup = z.infer<typeof proposalGroup>;

const HEADERS = ["client", "role", "hours", "score", "reasons", "status"];

interface ProposalsTableProps {
  proposals: ProposalOutput[];
  /** Per consultant, the counts of their clients' proposals: each consultant's rows follow a row naming them. */
  groups: ProposalGroup[];
  caption: string;
  /** The buttons for one proposal; left out for users who only read. */
  actions?: (proposal: ProposalOutput) => ReactNode;
}

function ProposalStatus({ proposal }: { proposal: ProposalOutput }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`nv-status nv-status--${proposal.status}`}>{t(`proposals.status.${proposal.status}`)}</span>
      {proposal.placementId ? (
        <span className="nv-cell-note">
          <Link to={`/placements/${proposal.placementId}`} className="nl-link">
            {t("proposals.toPlacement")}
            <span className="nv-visually-hidden"> ({proposal.clientName})</span>
          </Link>
        </span>
      ) : null}
      {proposal.rejectReasonCode || proposal.rejectReason ? (
        <span className="nv-cell-note">
          {t("proposals.rejectReason", {
            reason: [proposal.rejectReasonCode ? t(`proposals.rejectReasons.${proposal.rejectReasonCode}`) : null, proposal.rejectReason]
              .filter(Boolean)
              .join(". "),
          })}
        </span>
      ) : null}
    </>
  );
}

/** A plan's proposals: who, which role, how well it fits and why, its status, and what the user may do. */
export function ProposalsTable({ proposals, groups, caption, actions }: ProposalsTableProps) {
  const { t, i18n } = useTranslation();
  const headers = [...HEADERS, ...(actions ? ["actions"] : [])].map((header) => t(`proposals.columns.${header}`));
  const groupRow = (proposal: ProposalOutput, index: number) => {
    if (index > 0 && proposals[index - 1]?.consultantId === proposal.consultantId) return null;
    const group = groups.find((g) => g.consultantId === proposal.consultantId);
    return (
      <tr key={`group-${proposal.consultantId ?? "none"}`} className="utrecht-table__row nv-table__group">
        <th scope="colgroup" colSpan={headers.length} className="utrecht-table__header-cell">
          {t("proposals.group", {
            name: proposal.consultantName ?? t("proposals.noConsultant"),
            pending: group?.pending ?? 0,
            accepted: group?.accepted ?? 0,
            rejected: group?.rejected ?? 0,
          })}
        </th>
      </tr>
    );
  };
  return (
    <ScrollTable id="proposals" caption={caption} headers={headers} className="nv-table--top">
      {proposals.map((proposal, index) => [
        groupRow(proposal, index),
        <tr key={proposal.id} className="utrecht-table__row">
          <th scope="row" className="utrecht-table__cell nv-table__row-header">
            <Link to={`/clients/${proposal.clientId}`} className="nl-link">
              {proposal.clientName}
            </Link>
            {proposal.district ? <span className="nv-cell-note">{proposal.district}</span> : null}
          </th>
          <td className="utrecht-table__cell">
            {proposal.roleTitle}
            <span className="nv-cell-note">{proposal.organisationName}</span>
          </td>
          <td className="utrecht-table__cell nv-number">
            {t("suggestions.hoursValue", { hours: formatHours(proposal.hoursPerWeek, i18n.language) })}
          </td>
          <td className="utrecht-table__cell nv-number">{t("suggestions.scoreValue", { score: proposal.score })}</td>
          <td className="utrecht-table__cell">
            <MatchReasons reasons={proposal.reasons} compact />
          </td>
          <td className="utrecht-table__cell">
            <ProposalStatus proposal={proposal} />
          </td>
          {actions ? (
            <td className="utrecht-table__cell">
              <div className="nv-cell-actions">{actions(proposal)}</div>
            </td>
          ) : null}
        </tr>,
      ])}
    </ScrollTable>
  );
}
