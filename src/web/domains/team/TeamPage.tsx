import { ATTRIBUTION_STATES } from "@shared/schemas/placements.js";
import type { TeamMemberOutcomes } from "@shared/schemas/work-queue.js";
import { formatHours } from "@web/components/format.js";
import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useTeam } from "./api.js";
import { OrganisationOutcomes } from "./OrganisationOutcomes.js";

/** A consultant's outcomes as four cells: lasting placements, endings by attribution, WHO-5 and its trend, open deadlines. */
function Outcomes({ outcomes }: { outcomes: TeamMemberOutcomes }) {
  const { t, i18n } = useTranslation();
  const endings = ATTRIBUTION_STATES.filter((state) => outcomes.endings[state] > 0)
    .map((state) => `${t(`team.attribution.${state}`)} ${outcomes.endings[state]}`)
    .join(", ");
  const score = (value: number) => formatHours(value, i18n.language);
  return (
    <>
      <td className="utrecht-table__cell">
        {t("team.lastingValue", { lasted: outcomes.placementsLasted, started: outcomes.placementsStarted })}
      </td>
      <td className="utrecht-table__cell">{endings || t("team.noEndings")}</td>
      <td className="utrecht-table__cell">
        {outcomes.who5Recent === null
          ? t("team.who5None")
          : outcomes.who5Trend && outcomes.who5Earlier !== null
            ? t("team.who5Trend", {
                score: score(outcomes.who5Recent),
                trend: t(`team.trend.${outcomes.who5Trend}`),
                earlier: score(outcomes.who5Earlier),
              })
            : t("team.who5Value", { score: score(outcomes.who5Recent) })}
      </td>
      <td className="utrecht-table__cell">
        {t("team.deadlinesValue", {
          open: outcomes.openObjections,
          overdue: outcomes.overdueObjections,
          sanctions: outcomes.pendingSanctions,
        })}
      </td>
    </>
  );
}

/** The team lead's overview: each consultant's caseload, work queue and outcomes, with a link to that queue. */
export function TeamPage() {
  const { t } = useTranslation();
  const team = useTeam();
  const items = team.data?.items ?? [];
  const numeric = "utrecht-table__header-cell utrecht-table__header-cell--numeric-column";

  return (
    <>
      <PageHeading>{t("team.title")}</PageHeading>
      <Paragraph>{t("team.intro")}</Paragraph>
      <ProblemAlert error={team.error} />
      {team.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {team.data && items.length === 0 ? <Paragraph>{t("team.empty")}</Paragraph> : null}
      {items.length > 0 ? (
        <ScrollRegion labelledBy="team-caption">
          <table className="utrecht-table utrecht-table--html-table nv-table">
            <caption id="team-caption" className="utrecht-table__caption">
              {t("team.caption", { count: items.length })}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  {t("team.consultant")}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t("team.districts")}
                </th>
                <th scope="col" className={numeric}>
                  {t("team.caseloadSize")}
                </th>
                <th scope="col" className={numeric}>
                  {t("team.queueLength")}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t("team.lasting")}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t("team.endings")}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t("team.who5")}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t("team.deadlines")}
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  {t("team.actions")}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {items.map((member) => (
                <tr key={member.consultantId} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__cell nv-table__row-header">
                    {member.displayName}
                  </th>
                  <td className="utrecht-table__cell">{member.districts.join(", ")}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{member.caseloadSize}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{member.queueLength}</td>
                  <Outcomes outcomes={member.outcomes} />
                  <td className="utrecht-table__cell">
                    <Link to={`/work-queue?consultantId=${member.consultantId}`} className="nl-link">
                      {t("team.openQueue", { name: member.displayName })}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      <OrganisationOutcomes />
    </>
  );
}
