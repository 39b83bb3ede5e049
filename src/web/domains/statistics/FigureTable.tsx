import type { StatisticsTable } from "@shared/schemas/statistics.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { useTranslation } from "react-i18next";
import { dimensionLabel, keyLabel, measureLabel } from "./labels.js";

/** A number as the table shows it: hidden cells say so, means and medians with one decimal. */
function useCell(suppressed: boolean) {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "nl-NL", { maximumFractionDigits: 1 });
  return (value: number | null) => (value === null ? (suppressed ? t("statistics.hidden") : "—") : format.format(value));
}

/**
 * One figure's numbers: a row per key, a column per measure, and the totals; the chart beside it draws the same. It
 * stays a grid on a narrow screen (scrolling sideways in its region): its figures are read and compared down each
 * column against the total, which cards, one row at a time, would no longer let you do.
 */
export function FigureTable({ table, caption, suppressed }: { table: StatisticsTable; caption: string; suppressed: boolean }) {
  const { t, i18n } = useTranslation();
  const cell = useCell(suppressed);
  const headers = [
    ...table.dimensions.map((d) => dimensionLabel(i18n.language, d)),
    ...table.measures.map((m) => measureLabel(i18n.language, m.key)),
  ];
  const keyColumns = table.dimensions.length;
  return (
    <ScrollTable id={`table-${table.id}`} caption={caption} headers={headers} grid>
      {table.rows.map((row) => (
        <tr key={row.keys.join("|")} className="utrecht-table__row">
          {row.keys.map((value, i) =>
            i === 0 ? (
              <th key={table.dimensions[i]} scope="row" className="utrecht-table__cell nv-table__row-header nv-nowrap">
                {keyLabel(i18n.language, table.dimensions[i] ?? "", value)}
              </th>
            ) : (
              <td key={table.dimensions[i]} className="utrecht-table__cell">
                {keyLabel(i18n.language, table.dimensions[i] ?? "", value)}
              </td>
            ),
          )}
          {row.values.map((value, m) => (
            <td key={table.measures[m]?.key} className={`utrecht-table__cell nv-number${value === null ? " nv-muted" : ""}`}>
              {cell(value)}
            </td>
          ))}
        </tr>
      ))}
      {table.totals ? (
        <tr className="utrecht-table__row nv-table__total">
          <th scope="row" colSpan={keyColumns} className="utrecht-table__cell nv-table__row-header">
            {t("statistics.total")}
          </th>
          {table.totals.map((value, m) => (
            <td key={table.measures[m]?.key} className={`utrecht-table__cell nv-number${value === null ? " nv-muted" : ""}`}>
              {cell(value)}
            </td>
          ))}
        </tr>
      ) : null}
    </ScrollTable>
  );
}
