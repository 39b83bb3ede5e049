import { Alert } from "@web/components/Alert.js";
import { formatHours } from "@web/components/format.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

interface PlanCapacityProps {
  clientId: string;
  capacity: number | null;
  activeHours: number;
  normHours: number;
}

/** Capacity first: what the client can do binds; then the ordinance's norm, which no plan exceeds either. */
export function PlanCapacity({ clientId, capacity, activeHours, normHours }: PlanCapacityProps) {
  const { t, i18n } = useTranslation();
  const hours = (value: number) => t("plan.hours", { hours: formatHours(value, i18n.language) });
  if (capacity === null) {
    return (
      <Alert type="warning">
        <p className="nv-alert-text">{t("plan.noCapacity")}</p>
        <p className="nv-alert-text">
          <Link to={`/clients/${clientId}/intake`} className="nl-link">
            {t("intake.record")}
          </Link>
        </p>
      </Alert>
    );
  }
  const left = Math.max(0, capacity - activeHours);
  return (
    <dl className="nv-figures">
      <div className="nv-figures__item">
        <dt>{t("plan.capacity")}</dt>
        <dd>{hours(capacity)}</dd>
      </div>
      <div className="nv-figures__item">
        <dt>{t("plan.inPlan")}</dt>
        <dd>{hours(activeHours)}</dd>
      </div>
      <div className="nv-figures__item">
        <dt>{t("plan.left")}</dt>
        <dd>{hours(left)}</dd>
      </div>
      <div className="nv-figures__item nv-figures__item--context">
        <dt>{t("plan.norm")}</dt>
        <dd>{t("plan.normValue", { hours: formatHours(normHours, i18n.language) })}</dd>
      </div>
    </dl>
  );
}
