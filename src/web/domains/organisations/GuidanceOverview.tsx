import { formatHours } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { useGuidance } from "./api.js";

interface GuidanceOverviewProps {
  organisationId: string;
  /** The host reads "you"; staff read about "the organisation". */
  audience: "host" | "staff";
}

/** Guidance the organisation offers against what its placements ask: a sentence, and a table with a bar per row. */
export function GuidanceOverview({ organisationId, audience }: GuidanceOverviewProps) {
  const { t: translate, i18n } = useTranslation();
  // Staff wording lives under the same keys with a `_staff` suffix (i18next context).
  const t = (key: string, options: Record<string, unknown> = {}) =>
    translate(key, audience === "staff" ? { ...options, context: "staff" } : options);
  const guidance = useGuidance(organisationId);
  const data = guidance.data;
  const hours = (value: number) => t("guidance.hours", { hours: formatHours(value, i18n.language) });
  const max = data ? Math.max(data.supplyHoursPerWeek, data.demandHoursPerWeek + data.proposedHoursPerWeek, 1) : 1;
  const rows = data
    ? [
        { key: "supply", value: data.supplyHoursPerWeek },
        { key: "demand", value: data.demandHoursPerWeek },
        { key: "proposed", value: data.proposedHoursPerWeek },
      ]
    : [];
  const over = data ? data.demandHoursPerWeek > data.supplyHoursPerWeek : false;
  const left = data ? Math.max(0, data.supplyHoursPerWeek - data.demandHoursPerWeek) : 0;

  return (
    <section aria-labelledby="guidance-title" className="nv-panel nv-panel--quiet">
      <Heading level={2} id="guidance-title" className="nv-panel__title">
        {t("guidance.title")}
      </Heading>
      <ProblemAlert error={guidance.error} />
      {guidance.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {data ? (
        <>
          <Paragraph>
            {over
              ? t("guidance.over", { hours: formatHours(data.demandHoursPerWeek - data.supplyHoursPerWeek, i18n.language) })
              : t("guidance.left", { hours: formatHours(left, i18n.language) })}
          </Paragraph>
          <table className="utrecht-table utrecht-table--html-table nv-table nv-guidance">
            <caption className="utrecht-table__caption">{t("guidance.caption")}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t("guidance.what")}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t("guidance.hoursPerWeek")}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((row) => (
                <tr key={row.key} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__cell nv-table__row-header">
                    {t(`guidance.${row.key}`)}
                  </th>
                  <td className="utrecht-table__cell">
                    <span className="nv-guidance__value">{hours(row.value)}</span>
                    {/* The bar repeats the number for sighted readers; the text carries the meaning. */}
                    <span
                      className={`nv-guidance__bar nv-guidance__bar--${row.key}`}
                      style={{ inlineSize: `${(row.value / max) * 100}%` }}
                      aria-hidden="true"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
