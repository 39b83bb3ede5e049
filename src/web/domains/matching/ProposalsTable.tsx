import type { ProposalOutput } from "@shared/schemas/matching.js";
import { formatHours } from "@web/components/format.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { MatchReasons } from "./MatchReasons.js";

const HEADERS = ["client", "role", "hours", "score", "reasons", "status"];

interface ProposalsTableProps {
  proposals: ProposalOutput[];
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
      {proposal.rejectReason ? (
        <span className="nv-cell-note">{t("proposals.rejectReason", { reason: proposal.rejectReason })}</span>
      ) : null}
    </>
  );
}

/** A plan's proposals: who, which role, how well it fits and why, its status, and what the user may do. */
export function ProposalsTable({ proposals, caption, actions }: ProposalsTableProps) {
  const { t, i18n } = useTranslation();
  const headers = [...HEADERS, ...(actions ? ["actions"] : [])].map((header) => t(`proposals.columns.${header}`));
  return (
    <ScrollTable id="proposals" caption={caption} headers={headers} className="nv-table--top">
      {proposals.map((proposal) => (
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
        </tr>
      ))}
    </ScrollTable>
  );
}
