import { Heading, Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { isPlanBusy, useMatchPlans } from "./api.js";
import { PlansTable } from "./PlansTable.js";
import { StartPlanForm } from "./StartPlanForm.js";

/** Placement plans: starting one (team leads and administrators) and the last 20 with their results. */
export function MatchPlansPage() {
  const { t } = useTranslation();
  const plans = useMatchPlans();
  const items = plans.data?.items ?? [];
  const abilities = plans.data?.abilities;

  return (
    <>
      <PageHeading>{t("matchPlans.title")}</PageHeading>
      <Paragraph>{t("matchPlans.intro")}</Paragraph>
      {abilities?.start ? (
        <StartPlanForm cityWide={abilities.startCityWide} />
      ) : items.some(isPlanBusy) ? (
        <Paragraph>{t("matchPlans.busy")}</Paragraph>
      ) : (
        <Paragraph>{t("matchPlans.introConsultant")}</Paragraph>
      )}
      <section aria-labelledby="match-plans-list-title">
        <Heading level={2} id="match-plans-list-title">
          {t("matchPlans.listTitle")}
        </Heading>
        <ProblemAlert error={plans.error} />
        {plans.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
        {plans.data && items.length === 0 ? <Paragraph>{t("matchPlans.empty")}</Paragraph> : null}
        {items.length > 0 ? <PlansTable plans={items} /> : null}
      </section>
    </>
  );
}
