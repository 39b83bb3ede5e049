import { formatDate, formatHours } from "@web/components/format.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PlacementSummary } from "./api.js";
import { isAttributionPending } from "./placementEndingModel.js";

interface PlacementsTableProps {
  caption: string;
  placements: PlacementSummary[];
  /** The column that names the placement: the client (for a host) or the organisation (on a client record). */
  nameBy: "client" | "organisation";
  /** Staff see an ending that still waits for the consultant to determine to whom it is attributable. */
  showAttribution?: boolean;
}

/** Placements with their status, hours and dates; each opens the placement. */
export function PlacementsTable({ caption, placements, nameBy, showAttribution = false }: PlacementsTableProps) {
  const { t, i18n } = useTranslation();
  const header = (text: string) => (
    <th scope="col" className="utrecht-table__header-cell">
      {text}
    </th>
  );
  return (
    <ScrollRegion label={caption}>
      <table className="utrecht-table utrecht-table--html-table nv-table">
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {header(nameBy === "client" ? t("placements.client") : t("placements.organisation"))}
            {header(t("placements.role"))}
            {header(t("placements.status"))}
            {header(t("placements.hours"))}
            {header(t("placements.period"))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {placements.map((placement) => (
            <tr key={placement.id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__cell nv-table__row-header">
                <Link to={`/placements/${placement.id}`} className="nl-link">
                  {nameBy === "client" ? placement.clientGivenName : placement.organisationName}
                </Link>
              </th>
              <td className="utrecht-table__cell">{placement.roleTitle}</td>
              <td className="utrecht-table__cell">
                <span className={`nv-status nv-status--${placement.status}`}>{t(`placementStatus.${placement.status}`)}</span>
                {placement.endReason ? <span className="nv-cell-note">{t(`endReason.${placement.endReason}`)}</span> : null}
                {showAttribution && isAttributionPending(placement) ? (
                  <span className="nv-cell-note">{t("placements.attributionPending")}</span>
                ) : null}
              </td>
              <td className="utrecht-table__cell">{t("guidance.hours", { hours: formatHours(placement.hoursPerWeek, i18n.language) })}</td>
              <td className="utrecht-table__cell">
                {placement.startedOn ? formatDate(placement.startedOn, i18n.language) : "–"}
                {placement.endedOn ? ` – ${formatDate(placement.endedOn, i18n.language)}` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
