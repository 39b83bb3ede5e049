import type { EffectEstimate } from "@shared/schemas/statistics.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { useTranslation } from "react-i18next";
import { formatDifference } from "./effects-format.js";

const COLUMNS = ["treatment", "estimate", "interval", "treated", "comparison", "cohorts"] as const;

interface EffectsTableProps {
  id: string;
  estimates: EffectEstimate[];
  outcomeName: string;
  horizonMonths: number;
}

/** One outcome's estimates per activity: the estimate, its 95 % interval, and the clients and start months behind it. */
export function EffectsTable({ id, estimates, outcomeName, horizonMonths }: EffectsTableProps) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "nl-NL");
  return (
    <ScrollTable
      id={id}
      caption={t("effects.table.caption", { outcome: outcomeName, months: horizonMonths })}
      headers={COLUMNS.map((column) => t(`effects.table.columns.${column}`))}
    >
      {estimates.map((e) => (
        <tr key={e.treatment} className="utrecht-table__row">
          <th scope="row" className="utrecht-table__cell nv-table__row-header">
            {t(`effects.treatments.${e.treatment}`)}
          </th>
          {e.estimate === null ? (
            <td className="utrecht-table__cell nv-muted" colSpan={2}>
              {t("effects.table.tooFew")}
            </td>
          ) : (
            <>
              <td className="utrecht-table__cell nv-number">{formatDifference(e.estimate, i18n.language)}</td>
              <td className="utrecht-table__cell nv-nowrap">
                {e.ciLow === null || e.ciHigh === null
                  ? "—"
                  : t("effects.table.interval", {
                      low: formatDifference(e.ciLow, i18n.language),
                      high: formatDifference(e.ciHigh, i18n.language),
                    })}
              </td>
            </>
          )}
          <td className="utrecht-table__cell nv-number">{number.format(e.treatedClients)}</td>
          <td className="utrecht-table__cell nv-number">{number.format(e.comparisonClients)}</td>
          <td className="utrecht-table__cell nv-number">{number.format(e.cohorts)}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}
