import type { PlanSummary } from "@shared/schemas/overview.js";
import { formatHours, formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { NotFoundPage } from "../errors/NotFoundPage.js";
import { LetterPdfLink } from "../letters/LetterPdfLink.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { PlacementFacts, usePeriod } from "./AskedNow.js";
import { usePlanSummary } from "./api.js";

/** The plan in force: its steps and the letter that confirmed it. */
function PlanSection({ summary }: { summary: PlanSummary }) {
  const { t, i18n } = useTranslation();
  const period = usePeriod();
  const { plan } = summary;
  return (
    <section aria-labelledby="plan-title" className="nv-start__block">
      <Heading level={2} id="plan-title">
        {t("myPlan.plan.title")}
      </Heading>
      {plan ? (
        <>
          {plan.confirmedOn ? (
            <Paragraph>
              {t("myPlan.plan.confirmed", { date: formatLongDate(plan.confirmedOn, i18n.language), version: plan.version })}
            </Paragraph>
          ) : null}
          <Paragraph>{t("myPlan.plan.reporting", { count: plan.reportingFrequencyWeeks })}</Paragraph>
          <ul className="nv-start__list">
            {summary.steps.map((step) => (
              <li key={step.id}>
                <strong>{step.title}</strong> ({t(`myPlan.stepStatus.${step.status}`)})
                <br />
                {t("start.asked.hours", { hours: formatHours(step.hoursPerWeek, i18n.language) })}
                {period(step.startDate, step.endDate) ? (
                  <>
                    <br />
                    {period(step.startDate, step.endDate)}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {plan.letterId ? (
            <Paragraph>
              <LetterPdfLink letterId={plan.letterId} label={t("myPlan.plan.letter")} />
            </Paragraph>
          ) : null}
        </>
      ) : (
        <Paragraph>{t("myPlan.plan.none")}</Paragraph>
      )}
    </section>
  );
}

/** The current placements with every version of their agreement and its letter. */
function PlacementsSection({ placements }: { placements: PlanSummary["placements"] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="placements-title" className="nv-start__block">
      <Heading level={2} id="placements-title">
        {t("myPlan.placements.title")}
      </Heading>
      {placements.length === 0 ? <Paragraph>{t("myPlan.placements.none")}</Paragraph> : null}
      {placements.map((placement) => (
        <div key={placement.id}>
          <PlacementFacts placement={placement} />
          {placement.agreements.length ? (
            <ul className="nv-start__list">
              {placement.agreements.map((agreement) => (
                <li key={agreement.version}>
                  {t("myPlan.placements.agreement", {
                    version: agreement.version,
                    from: formatLongDate(agreement.startDate, i18n.language),
                    until: formatLongDate(agreement.endDate, i18n.language),
                  })}
                  <br />
                  {t("myPlan.placements.tasks", { tasks: agreement.tasks })}
                  <br />
                  <LetterPdfLink
                    letterId={agreement.letterId}
                    label={t("myPlan.placements.letter")}
                    context={t("myPlan.placements.letterContext", { version: agreement.version, organisation: placement.organisationName })}
                  />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
    </section>
  );
}

/** The intake's outcome in plain words: where the client stands on the ladder, and how many hours they can. */
function IntakeSection({ intake }: { intake: PlanSummary["intake"] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="intake-title" className="nv-start__block">
      <Heading level={2} id="intake-title">
        {t("myPlan.intake.title")}
      </Heading>
      {intake ? (
        <>
          <Paragraph>{t("myPlan.intake.heldOn", { date: formatLongDate(intake.heldOn, i18n.language) })}</Paragraph>
          <Paragraph>{t("myPlan.intake.hours", { hours: formatHours(intake.capacityHoursPerWeek, i18n.language) })}</Paragraph>
          <Paragraph>{t("myPlan.intake.ladder")}</Paragraph>
          <ul className="nv-start__list">
            <li>{t("myPlan.intake.rungNow", { text: t(`myPlan.rungs.${intake.ladderRung}`) })}</li>
            {intake.growthRung > intake.ladderRung ? (
              <li>{t("myPlan.intake.rungGrowth", { text: t(`myPlan.rungs.${intake.growthRung}`) })}</li>
            ) : null}
          </ul>
        </>
      ) : (
        <Paragraph>{t("myPlan.intake.none")}</Paragraph>
      )}
    </section>
  );
}

/** "Mijn plan en plaatsing": the confirmed plan, the placement and its agreements with their letters, the intake's outcome. */
export function MyPlanPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const summary = usePlanSummary(me.clientId ?? "");
  if (me.role !== "client" || !me.clientId) return <NotFoundPage />;
  return (
    <div className="nv-narrow nv-start">
      <PageHeading>{t("myPlan.title")}</PageHeading>
      <Paragraph>
        <Link to="/" className="nl-link">
          {t("client.backToHome")}
        </Link>
      </Paragraph>
      <Paragraph purpose="lead">{t("myPlan.intro")}</Paragraph>
      {summary.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      <ProblemAlert error={summary.error} />
      {summary.data ? (
        <>
          <PlanSection summary={summary.data} />
          <PlacementsSection placements={summary.data.placements} />
          <IntakeSection intake={summary.data.intake} />
        </>
      ) : null}
    </div>
  );
}
