import type { MatchPlanOutput } from "@shared/schemas/matching.js";
import { useTranslation } from "react-i18next";

/** A plan's status as a word with a coloured edge. */
export function PlanStatus({ status }: { status: MatchPlanOutput["status"] }) {
  const { t } = useTranslation();
  return <span className={`nv-status nv-status--${status}`}>{t(`matchPlans.status.${status}`)}</span>;
}
