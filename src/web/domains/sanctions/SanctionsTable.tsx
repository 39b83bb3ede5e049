import type { SanctionOutput } from "@shared/schemas/sanctions.js";
import { formatDate } from "@web/components/format.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DecisionText, HearingText, ProposedLevelText, SanctionStatus } from "./SanctionFacts.js";

const HEADERS = ["ground", "status", "hearing", "proposedLevel", "decision", "actions"];

interface SanctionsTableProps {
  sanctions: SanctionOutput[];
  caption: string;
  /** The buttons for one sanction, by what the user may do. */
  actions: (sanction: SanctionOutput) => ReactNode;
}

/** A client's sanctions: ground and facts, status, hearing, the ordinance's level, and the decision with a link to its record. */
export function SanctionsTable({ sanctions, caption, actions }: SanctionsTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollTable
      id="sanctions"
      caption={caption}
      headers={HEADERS.map((header) => t(`sanctions.columns.${header}`))}
      className="nv-table--top"
    >
      {sanctions.map((sanction) => (
        <tr key={sanction.id} className="utrecht-table__row">
          <th scope="row" className="utrecht-table__cell nv-table__row-header">
            {t(`sanctionGround.${sanction.ground}`)}
            <span className="nv-cell-note">{t("sanctions.factsOn", { date: formatDate(sanction.factsDate, i18n.language) })}</span>
            <span className="nv-cell-note">{sanction.facts}</span>
          </th>
          <td className="utrecht-table__cell">
            <SanctionStatus sanction={sanction} />
            <span className="nv-cell-note">
              {t("sanctions.proposedBy", { name: sanction.proposedBy, date: formatDate(sanction.proposedAt, i18n.language) })}
            </span>
          </td>
          <td className="utrecht-table__cell">
            <HearingText hearing={sanction.hearing} />
          </td>
          <td className="utrecht-table__cell">
            <ProposedLevelText sanction={sanction} />
          </td>
          <td className="utrecht-table__cell">
            <DecisionText sanction={sanction} />
          </td>
          <td className="utrecht-table__cell">
            <div className="nv-cell-actions">{actions(sanction)}</div>
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}
