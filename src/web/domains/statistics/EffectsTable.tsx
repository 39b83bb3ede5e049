import type { EffectEstimate } from "@shared/schemas/statistics.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { useTranslation } from "react-i18next";
import { formatDifference } from "./effects-format.js";
import { treatmentLabel } from "./labels.js";

const COLUMNS = ["treatment", "estimate", "interval", "treated", "comparison", "cohorts"] as const;

interface EffectsTableProps {
  id: string;
  estimates: EffectEstimate[];
  outcomeName: string;
  horizonMonths: number;
  /** Counts below this are hidden (researchers): a hidden count reads "minder dan 5". Null when nothing is hidden. */
  suppressedBelow: number | null;
}

/** One outcome's estimates per activity: the estimate, its 95 % interval, and the clients and start months behind it. */
export function EffectsTable({ id, estimates, outcomeName, horizonMonths, suppressedBelow }: EffectsTableProps) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "nl-NL");
  const count = (n: number | null) => (n === null ? t("effects.table.hidden", { count: suppressedBelow ?? 5 }) : number.format(n));
  return (
    <ScrollTable
      id={id}
      caption={t("effects.table.caption", { outcome: outcomeName, months: horizonMonths })}
      headers={COLUMNS.map((column) => t(`effects.table.columns.${column}`))}
    >
      {estimates.map((e) => (
        <tr key={e.treatment} className="utrecht-table__row">
          <th scope="row" className="utrecht-table__cell nv-table__row-header">
            {treatmentLabel(i18n.language, e.treatment)}
          </th>
          {e.tooFewClients || e.estimate === null ? (
            <td className="utrecht-table__cell nv-muted" colSpan={2}>
              {t(e.tooFewClients ? "effects.table.tooFew" : "effects.table.noMargin")}
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
          <td className="utrecht-table__cell nv-number">{count(e.treatedClients)}</td>
          <td className="utrecht-table__cell nv-number">{count(e.comparisonClients)}</td>
          <td className="utrecht-table__cell nv-number">{count(e.cohorts)}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}
