import type { organisationOutcomes } from "@shared/schemas/host-partnership.js";
import { useQuery } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import { useTranslation } from "react-i18next";
import type { z } from "zod";

type Outcomes = z.infer<typeof organisationOutcomes>;

/** Per organisation: the clients' ratings next to the endings by attribution, so one where volunteers keep leaving stands out. */
export function OrganisationOutcomes() {
  const { t, i18n } = useTranslation();
  const outcomes = useQuery({ queryKey: ["organisation-outcomes"], queryFn: () => api<Outcomes>("/organisation-outcomes") });
  const items = outcomes.data?.items ?? [];
  const numeric = "utrecht-table__header-cell utrecht-table__header-cell--numeric-column";
  const cell = "utrecht-table__cell utrecht-table__cell--numeric-data";
  const average = (value: number | null) =>
    value === null ? "—" : new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "nl-NL", { maximumFractionDigits: 1 }).format(value);
  return (
    <section aria-labelledby="outcomes-title" className="nv-stack">
      <Heading level={2} id="outcomes-title">
        {t("outcomes.title")}
      </Heading>
      <Paragraph>{t("outcomes.intro")}</Paragraph>
      <ProblemAlert error={outcomes.error} />
      {outcomes.data && items.length === 0 ? <Paragraph>{t("outcomes.none")}</Paragraph> : null}
      {items.length > 0 ? (
        <ScrollRegion labelledBy="outcomes-caption">
          <table className="utrecht-table utrecht-table--html-table nv-table">
            <caption id="outcomes-caption" className="utrecht-table__caption">
              {t("outcomes.title")}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t("outcomes.organisation")}
                </th>
                <th scope="col" className={numeric}>
                  {t("outcomes.started")}
                </th>
                <th scope="col" className={numeric}>
                  {t("outcomes.byOrganisation")}
                </th>
                <th scope="col" className={numeric}>
                  {t("outcomes.byClient")}
                </th>
                <th scope="col" className={numeric}>
                  {t("outcomes.other")}
                </th>
                <th scope="col" className={numeric}>
                  {t("outcomes.undetermined")}
                </th>
                <th scope="col" className={numeric}>
                  {t("outcomes.ratings")}
                </th>
                <th scope="col" className={numeric}>
                  {t("outcomes.average")}
                </th>
                <th scope="col" className={numeric}>
                  {t("outcomes.low")}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t("outcomes.signal")}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {items.map((item) => (
                <tr key={item.organisationId} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__cell nv-table__row-header">
                    {item.organisationName}
                  </th>
                  <td className={cell}>{item.placementsStarted}</td>
                  <td className={cell}>{item.endings.organisation}</td>
                  <td className={cell}>{item.endings.client}</td>
                  <td className={cell}>{item.endings.health + item.endings.caregiving + item.endings.none}</td>
                  <td className={cell}>{item.endings.undetermined}</td>
                  <td className={cell}>{item.feedbackCount}</td>
                  <td className={cell}>{average(item.averageRating)}</td>
                  <td className={cell}>{item.lowRatings}</td>
                  <td className="utrecht-table__cell">{item.leavingSignal ? <strong>{t("outcomes.signalYes")}</strong> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </section>
  );
}
