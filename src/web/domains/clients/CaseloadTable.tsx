import type { ClientSummaryOutput } from "@shared/schemas/clients.js";
import { formatDate } from "@web/components/format.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import { SortableHeader } from "@web/components/SortableHeader.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

interface CaseloadTableProps {
  rows: ClientSummaryOutput[];
  total: number;
  sort: string;
  onSort: (sort: string) => void;
  busy: boolean;
}

function address(row: ClientSummaryOutput): string {
  return `${row.postcode} ${row.houseNumber}${row.houseNumberAddition ? `-${row.houseNumberAddition}` : ""}`;
}

/** The caseload as a table: name links to the record, three columns sort on the server. */
export function CaseloadTable({ rows, total, sort, onSort, busy }: CaseloadTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollRegion labelledBy="caseload-caption">
      <table className={`utrecht-table utrecht-table--html-table nv-table${busy ? " utrecht-table--busy" : ""}`} aria-busy={busy}>
        <caption id="caseload-caption" className="utrecht-table__caption">
          {t("caseload.caption", { count: total })}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <SortableHeader label={t("client.name")} sortKey="familyName" current={sort} onSort={onSort} />
            <th scope="col" className="utrecht-table__header-cell">
              {t("client.birthDate")}
            </th>
            <SortableHeader label={t("client.address")} sortKey="postcode" current={sort} onSort={onSort} />
            <th scope="col" className="utrecht-table__header-cell">
              {t("client.district")}
            </th>
            <SortableHeader label={t("client.benefitStartDate")} sortKey="benefitStartDate" current={sort} onSort={onSort} />
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
              {t("client.yearsOnBenefit")}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={row.id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__cell nv-table__row-header">
                <Link to={`/clients/${row.id}`} className="nl-link">
                  {row.familyName}, {row.givenName}
                </Link>
              </th>
              <td className="utrecht-table__cell">{formatDate(row.birthDate, i18n.language)}</td>
              <td className="utrecht-table__cell">{address(row)}</td>
              <td className="utrecht-table__cell">
                {row.district ?? <span className="nv-muted">{t("client.districtUnknownShort")}</span>}
              </td>
              <td className="utrecht-table__cell">{formatDate(row.benefitStartDate, i18n.language)}</td>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                {row.yearsOnBenefit}
                {row.longTermCohort ? <span className="nv-badge">{t("client.longTermBadge")}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
