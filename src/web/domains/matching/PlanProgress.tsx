import type { MatchPlanOutput } from "@shared/schemas/matching.js";
import { useTranslation } from "react-i18next";
import { isPlanBusy } from "./api.js";
import { percent } from "./planText.js";

/** While a plan is being made: a labelled progress bar. The status line beside it is announced when it changes. */
export function PlanProgress({ plan }: { plan: MatchPlanOutput }) {
  const { t } = useTranslation();
  return (
    <div className="nv-plan-progress">
      {/* Always present, so screen readers hear the change from "being made" to "ready". */}
      <p role="status" className="nv-alert-text">
        {t(`matchPlan.statusText.${plan.status}`)}
      </p>
      {isPlanBusy(plan) ? (
        <div className="nv-progress">
          <label htmlFor="plan-progress" className="utrecht-form-label">
            {t("matchPlan.progress")}
          </label>
          <progress id="plan-progress" max={100} value={Math.round(plan.progress * 100)} className="nv-progress__bar">
            {percent(plan.progress)}
          </progress>
          <span className="nv-progress__value" aria-hidden="true">
            {percent(plan.progress)}
          </span>
        </div>
      ) : null}
    </div>
  );
}
