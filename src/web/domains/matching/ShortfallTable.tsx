import { type MatchPlanOutput, SHORTFALL_CAUSES } from "@shared/schemas/matching.js";
import { FactsList } from "@web/components/FactsList.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { useTranslation } from "react-i18next";

type Shortfall = NonNullable<MatchPlanOutput["summary"]>["shortfall"];

/** Per district: who could take part, who got a place, and why the others did not; what binds most in words. */
export function ShortfallTable({ shortfall }: { shortfall: Shortfall }) {
  const { t } = useTranslation();
  const headers = [
    t("shortfall.columns.district"),
    t("shortfall.columns.eligible"),
    t("shortfall.columns.placed"),
    t("shortfall.columns.unplaced"),
    ...SHORTFALL_CAUSES.map((cause) => t(`shortfall.cause.${cause}`)),
    t("shortfall.columns.bindsMost"),
  ];
  return (
    <section aria-labelledby="shortfall-title">
      <Heading level={2} id="shortfall-title">
        {t("shortfall.title")}
      </Heading>
      <Paragraph>{t("shortfall.intro")}</Paragraph>
      {shortfall.length === 0 ? (
        <Paragraph>{t("shortfall.empty")}</Paragraph>
      ) : (
        <ScrollTable id="shortfall" caption={t("shortfall.caption")} headers={headers}>
          {shortfall.map((row) => (
            <tr key={row.district} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__cell nv-table__row-header">
                {row.district === "—" ? t("shortfall.unknownDistrict") : row.district}
              </th>
              <td className="utrecht-table__cell nv-number">{row.eligible}</td>
              <td className="utrecht-table__cell nv-number">{row.placed}</td>
              <td className="utrecht-table__cell nv-number">{row.unplaced}</td>
              {SHORTFALL_CAUSES.map((cause) => (
                <td key={cause} className="utrecht-table__cell nv-number">
                  {row.causes[cause] ?? 0}
                </td>
              ))}
              <td className="utrecht-table__cell">
                {row.bindsMost ? (
                  <strong>{t(`shortfall.cause.${row.bindsMost}`)}</strong>
                ) : (
                  <span className="nv-muted">{t("shortfall.nothing")}</span>
                )}
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <Heading level={3}>{t("shortfall.causesTitle")}</Heading>
      <FactsList rows={SHORTFALL_CAUSES.map((cause) => [t(`shortfall.cause.${cause}`), t(`shortfall.explain.${cause}`)])} />
    </section>
  );
}
