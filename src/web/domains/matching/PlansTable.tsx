import type { MatchPlanOutput } from "@shared/schemas/matching.js";
import { formatDateTime } from "@web/components/format.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isPlanBusy } from "./api.js";
import { PlanStatus } from "./PlanStatus.js";
import { percent, planArea } from "./planText.js";

const HEADERS = ["area", "status", "progress", "placed", "unplaced", "requestedBy", "createdAt"];

/** The recent plans, newest first; each links to its result. */
export function PlansTable({ plans }: { plans: MatchPlanOutput[] }) {
  const { t, i18n } = useTranslation();
  const none = <span className="nv-muted">–</span>;
  return (
    <ScrollTable
      id="match-plans"
      caption={t("matchPlans.caption", { count: plans.length })}
      headers={HEADERS.map((header) => t(`matchPlans.columns.${header}`))}
    >
      {plans.map((plan) => (
        <tr key={plan.id} className="utrecht-table__row">
          <th scope="row" className="utrecht-table__cell nv-table__row-header">
            <Link to={`/match-plans/${plan.id}`} className="nl-link">
              {planArea(t, plan)}
            </Link>
          </th>
          <td className="utrecht-table__cell">
            <PlanStatus status={plan.status} />
          </td>
          <td className="utrecht-table__cell nv-number">{isPlanBusy(plan) || plan.status === "done" ? percent(plan.progress) : none}</td>
          <td className="utrecht-table__cell nv-number">{plan.summary ? plan.summary.placed : none}</td>
          <td className="utrecht-table__cell nv-number">{plan.summary ? plan.summary.unplaced : none}</td>
          <td className="utrecht-table__cell">{plan.requestedBy ?? none}</td>
          <td className="utrecht-table__cell nv-nowrap">{formatDateTime(plan.createdAt, i18n.language)}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}
