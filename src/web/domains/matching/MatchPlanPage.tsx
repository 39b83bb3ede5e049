import { Alert } from "@web/components/Alert.js";
import { FactsList } from "@web/components/FactsList.js";
import { formatLongDateTime } from "@web/components/format.js";
import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useMatchPlan } from "./api.js";
import { PlanProgress } from "./PlanProgress.js";
import { PlanStatus } from "./PlanStatus.js";
import { PlanSummary } from "./PlanSummary.js";
import { ProposalsSection } from "./ProposalsSection.js";
import { planArea } from "./planText.js";
import { ShortfallTable } from "./ShortfallTable.js";

/** One placement plan: its progress while it is made; then the result, the shortfall per district and the proposals. */
export function MatchPlanPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const query = useMatchPlan(id);
  const plan = query.data;
  const title = plan ? t("matchPlan.title", { area: planArea(t, plan) }) : t("matchPlan.titleLoading");
  const none = <span className="nv-muted">–</span>;
  const status = plan ? <PlanStatus status={plan.status} /> : null;

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>
        <Link to="/match-plans" className="nl-link">
          {t("matchPlan.back")}
        </Link>
      </Paragraph>
      {query.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      <ProblemAlert error={query.error} />
      {plan ? (
        <>
          <FactsList
            rows={[
              [t("matchPlans.columns.status"), status],
              [t("matchPlans.columns.requestedBy"), plan.requestedBy ?? none],
              [t("matchPlans.columns.createdAt"), formatLongDateTime(plan.createdAt, i18n.language)],
              [t("matchPlan.finishedAt"), plan.finishedAt ? formatLongDateTime(plan.finishedAt, i18n.language) : none],
            ]}
          />
          <PlanProgress plan={plan} />
          {plan.status === "failed" ? (
            <Alert type="error">
              <p className="nv-alert-text">{t("matchPlan.failed")}</p>
              {plan.error ? <p className="nv-alert-text">{plan.error}</p> : null}
            </Alert>
          ) : null}
          {plan.summary ? <PlanSummary summary={plan.summary} /> : null}
          {plan.summary ? <ShortfallTable shortfall={plan.summary.shortfall} /> : null}
          {plan.status === "done" ? <ProposalsSection plan={plan} /> : null}
        </>
      ) : null}
    </>
  );
}
