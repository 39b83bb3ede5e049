import type { ClientSummaryOutput } from "@shared/schemas/clients.js";
import { formatDate } from "@web/components/format.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

interface CohortTableProps {
  rows: ClientSummaryOutput[];
  total: number;
  selected: ReadonlyMap<string, ClientSummaryOutput>;
  onToggle: (rows: ClientSummaryOutput[], checked: boolean) => void;
  busy: boolean;
}

/** The cohort with a checkbox per client and one to select every client on this page. */
export function CohortTable({ rows, total, selected, onToggle, busy }: CohortTableProps) {
  const { t, i18n } = useTranslation();
  const all = useRef<HTMLInputElement>(null);
  const onPage = rows.filter((row) => selected.has(row.id)).length;

  // "Some selected" is a third state a checkbox can only show through the DOM property.
  useEffect(() => {
    if (all.current) all.current.indeterminate = onPage > 0 && onPage < rows.length;
  }, [onPage, rows.length]);

  return (
    <ScrollRegion labelledBy="cohort-caption">
      <table className={`utrecht-table utrecht-table--html-table nv-table${busy ? " utrecht-table--busy" : ""}`} aria-busy={busy}>
        <caption id="cohort-caption" className="utrecht-table__caption">
          {t("invite.caption", { count: total })}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell nv-col-check">
              <input
                ref={all}
                type="checkbox"
                id="select-all"
                className="nv-checkbox__input"
                checked={rows.length > 0 && onPage === rows.length}
                onChange={(event) => onToggle(rows, event.target.checked)}
              />
              <label htmlFor="select-all" className="nv-visually-hidden">
                {t("invite.selectAll")}
              </label>
            </th>
            {["client.name", "client.address", "client.district", "client.benefitStartDate"].map((key) => (
              <th scope="col" className="utrecht-table__header-cell" key={key}>
                {t(key)}
              </th>
            ))}
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
              {t("client.yearsOnBenefit")}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => {
            const name = `${row.familyName}, ${row.givenName}`;
            const checked = selected.has(row.id);
            return (
              <tr key={row.id} className={`utrecht-table__row${checked ? " nv-row--selected" : ""}`}>
                <td className="utrecht-table__cell nv-col-check">
                  <input
                    type="checkbox"
                    id={`select-${row.id}`}
                    className="nv-checkbox__input"
                    checked={checked}
                    onChange={(event) => onToggle([row], event.target.checked)}
                  />
                  <label htmlFor={`select-${row.id}`} className="nv-visually-hidden">
                    {t("invite.select", { name })}
                  </label>
                </td>
                <th scope="row" className="utrecht-table__cell nv-table__row-header">
                  <Link to={`/clients/${row.id}`} className="nl-link">
                    {name}
                  </Link>
                </th>
                <td className="utrecht-table__cell">{`${row.postcode} ${row.houseNumber}${row.houseNumberAddition ? `-${row.houseNumberAddition}` : ""}`}</td>
                <td className="utrecht-table__cell">
                  {row.district ?? <span className="nv-muted">{t("client.districtUnknownShort")}</span>}
                </td>
                <td className="utrecht-table__cell">{formatDate(row.benefitStartDate, i18n.language)}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                  {row.yearsOnBenefit}
                  {row.longTermCohort ? <span className="nv-badge">{t("client.longTermBadge")}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
