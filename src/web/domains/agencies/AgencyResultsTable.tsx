import type { AgencyResultFields, AgencyResultsOutput } from "@shared/schemas/agencies.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import { useTranslation } from "react-i18next";

const HEAD = "utrecht-table__header-cell";
const NUMERIC_HEAD = `${HEAD} utrecht-table__header-cell--numeric-column`;
const NUMERIC = "utrecht-table__cell utrecht-table__cell--numeric-data";

/** One row of figures: each target as "met of targeted", beside the client's outcomes. */
function Figures({ row }: { row: AgencyResultFields }) {
  const { t, i18n } = useTranslation();
  const ratio = (met: number, targeted: number) => t("agencies.ratio", { met, targeted });
  const who5 =
    row.who5Change === null
      ? t("agencies.none")
      : new Intl.NumberFormat(i18n.language, { signDisplay: "exceptZero", maximumFractionDigits: 1 }).format(row.who5Change);
  return (
    <>
      <td className={NUMERIC}>{`${row.assignments} (${row.currentAssignments})`}</td>
      <td className={NUMERIC}>{ratio(row.intakesOnTime, row.intakesTargeted)}</td>
      <td className={NUMERIC}>{ratio(row.placementsOnTime, row.placementsTargeted)}</td>
      <td className={NUMERIC}>{ratio(row.durationsMet, row.durationsTargeted)}</td>
      <td className={NUMERIC}>{ratio(row.lastingPlacements, row.lastingPlacementsDecided)}</td>
      <td className={NUMERIC}>{who5}</td>
      <td className={NUMERIC}>{ratio(row.endingsAttributedToOrganisation, row.endings)}</td>
    </>
  );
}

/** Per agency, the contracts' targets against results and against the outcomes that matter to the client, with totals. */
export function AgencyResultsTable({ results }: { results: AgencyResultsOutput }) {
  const { t } = useTranslation();
  const columns = [
    "assignments",
    "intakesOnTime",
    "placementsOnTime",
    "durationsMet",
    "lastingPlacements",
    "who5Change",
    "endingsByOrganisation",
  ] as const;
  return (
    <ScrollRegion labelledBy="agency-results-caption">
      <table className="utrecht-table utrecht-table--html-table nv-table">
        <caption id="agency-results-caption" className="utrecht-table__caption">
          {t("agencies.tableCaption")}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className={HEAD}>
              {t("agencies.agency")}
            </th>
            {columns.map((column) => (
              <th key={column} scope="col" className={NUMERIC_HEAD}>
                {t(`agencies.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {results.items.map((item) => (
            <tr key={item.agencyId} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__cell nv-table__row-header">
                {item.agencyName}
              </th>
              <Figures row={item} />
            </tr>
          ))}
        </tbody>
        <tfoot className="utrecht-table__footer">
          <tr className="utrecht-table__row">
            <th scope="row" className="utrecht-table__cell nv-table__row-header">
              {t("agencies.totals")}
            </th>
            <Figures row={results.totals} />
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
