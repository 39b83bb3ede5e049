import { SANCTION_BLOCKS } from "@shared/schemas/sanctions.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { useTranslation } from "react-i18next";
import type { SanctionStatistics } from "./api.js";

type Row = SanctionStatistics["rows"][number];
const COUNTS: ((row: Row) => number | null)[] = [
  (row) => row.proposed,
  ...SANCTION_BLOCKS.map((code) => (row: Row) => row.refusedByRule[code]),
  (row) => row.imposed,
  (row) => row.refrained,
  (row) => row.overturned,
];
const HEADERS = [
  "district",
  "month",
  "proposed",
  ...SANCTION_BLOCKS.map((code) => `refused.${code}`),
  "imposed",
  "refrained",
  "overturned",
];

/** A month as people write it: "november 2026". */
function monthName(month: string, language: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "nl-NL", { month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

/** Sanctions per district and month: proposed, refused by each rule, imposed, refrained, overturned; small counts hidden for researchers. */
export function StatisticsTable({ statistics }: { statistics: SanctionStatistics }) {
  const { t, i18n } = useTranslation();
  const count = (value: number | null) =>
    value === null ? t("sanctionStatistics.fewerThan", { count: statistics.suppressedBelow ?? 5 }) : String(value);
  return (
    <ScrollTable
      id="sanction-statistics"
      caption={t("sanctionStatistics.caption", { count: statistics.rows.length })}
      headers={HEADERS.map((header) => t(`sanctionStatistics.columns.${header}`))}
    >
      {statistics.rows.map((row) => (
        <tr key={`${row.district}-${row.month}`} className="utrecht-table__row">
          <th scope="row" className="utrecht-table__cell nv-table__row-header">
            {row.district}
          </th>
          <td className="utrecht-table__cell nv-nowrap">{monthName(row.month, i18n.language)}</td>
          {COUNTS.map((of, index) => {
            const value = of(row);
            return (
              <td key={HEADERS[index + 2]} className={`utrecht-table__cell nv-number${value === null ? " nv-muted" : ""}`}>
                {count(value)}
              </td>
            );
          })}
        </tr>
      ))}
    </ScrollTable>
  );
}
