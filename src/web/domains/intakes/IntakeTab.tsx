import type { ClientOutput } from "@shared/schemas/clients.js";
import { LIFE_DOMAINS, SENSITIVE_DOMAINS, WEEKDAY_PARTS } from "@shared/schemas/intakes.js";
import { formatHours, formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import { SensitiveBadge } from "@web/components/SensitiveBadge.js";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Intake, useIntakes } from "./api.js";

function useSummaryRows(intake: Intake): [string, ReactNode][] {
  const { t, i18n } = useTranslation();
  const none = <span className="nv-muted">{t("client.notRecorded")}</span>;
  const rung = (value: number) => t("ladder.rungOption", { rung: value, name: t(`ladder.rungs.${value}`) });
  const parts = WEEKDAY_PARTS.filter((part) => intake.availability.includes(part)).map((part) => {
    const [day, moment] = part.split("-");
    return t("intake.dayPart", { day: t(`dayShort.${day}`), part: t(`dayParts.${moment}`) });
  });
  return [
    [t("intake.heldOn"), formatLongDate(intake.heldOn, i18n.language)],
    [t("intake.capacityHoursPerWeek"), t("plan.hours", { hours: formatHours(intake.capacityHoursPerWeek, i18n.language) })],
    [t("ladder.rung"), rung(intake.ladderRung)],
    [t("ladder.growthRung"), rung(intake.growthRung)],
    [t("intake.availability"), parts.length ? parts.join(", ") : none],
    [t("intake.travelRadiusKm"), t("intake.km", { count: intake.travelRadiusKm })],
    [t("intake.interests"), intake.interests.join(", ") || none],
    [t("intake.skills"), intake.skills.join(", ") || none],
    [t("intake.caringDuties"), intake.caringDuties ?? none],
    [t("intake.educationHistory"), intake.educationHistory ?? none],
    [t("intake.workHistory"), intake.workHistory ?? none],
    [t("intake.notes"), intake.notes ?? none],
  ];
}

function IntakeSummary({ intake }: { intake: Intake }) {
  const { t, i18n } = useTranslation();
  const rows = useSummaryRows(intake);
  return (
    <div className="nv-two-columns">
      <dl className="nv-data-list">
        {rows.map(([label, value]) => (
          <div className="nv-data-list__item" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="nv-data-list__item">
          <dt>
            {t("intake.healthNotes")} <SensitiveBadge />
          </dt>
          <dd>{intake.healthNotes ?? <span className="nv-muted">{t("client.notRecorded")}</span>}</dd>
        </div>
      </dl>
      <ScrollRegion labelledBy="scores-caption">
        <table className="utrecht-table utrecht-table--html-table nv-table nv-table--scores">
          <caption id="scores-caption" className="utrecht-table__caption">
            {t("intake.scoresCaption", { date: formatLongDate(intake.heldOn, i18n.language) })}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {t("intake.domain")}
              </th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                {t("intake.score")}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {t("intake.meaning")}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {LIFE_DOMAINS.map((domain) => {
              const score = intake.scores[domain];
              return (
                <tr key={domain} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__cell nv-table__row-header">
                    {t(`lifeDomains.${domain}`)} {SENSITIVE_DOMAINS.includes(domain) ? <SensitiveBadge /> : null}
                  </th>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{score ?? "–"}</td>
                  <td className="utrecht-table__cell">
                    {score ? <span className={`nv-score nv-score--${score}`}>{t(`scoreScale.${score}`)}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

/** The latest intake in short, with the way to record a new one. Reading it is logged as a sensitive read. */
export function IntakeTab({ client }: { client: ClientOutput }) {
  const { t, i18n } = useTranslation();
  const intakes = useIntakes(client.id);
  const items = intakes.data?.items ?? [];
  const latest = items[0];

  return (
    <section aria-labelledby="intake-title" className="nv-tab-panel">
      <div className="nv-section-header">
        <Heading level={2} id="intake-title">
          {t("intake.tabTitle")}
        </Heading>
        {client.abilities.recordIntake ? (
          <Link to={`/clients/${client.id}/intake`} className="utrecht-button utrecht-button--primary-action nv-button-link">
            {latest ? t("intake.recordNew") : t("intake.record")}
          </Link>
        ) : null}
      </div>
      <ProblemAlert error={intakes.error} />
      {intakes.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {intakes.data && !latest ? <Paragraph>{t("intake.none")}</Paragraph> : null}
      {latest ? (
        <>
          {items.length > 1 ? (
            <Paragraph>{t("intake.latestOfMany", { date: formatLongDate(latest.heldOn, i18n.language), count: items.length })}</Paragraph>
          ) : null}
          <IntakeSummary intake={latest} />
        </>
      ) : null}
    </section>
  );
}
