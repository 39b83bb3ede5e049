import { formatDate, formatHours } from "@web/components/format.js";
import { SecondaryActionButton } from "@web/components/nlds.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import { useTranslation } from "react-i18next";
import type { PlanStep } from "./planModel.js";

interface PlanStepsTableProps {
  steps: PlanStep[];
  caption: string;
  /** Present when the user may change steps. */
  onEdit?: (step: PlanStep) => void;
  editingId?: string;
}

/** The id of a step's change button, to bring focus back after the change form closes. */
export function editButtonId(stepId: string): string {
  return `edit-step-${stepId}`;
}

/** What a step asks beyond its hours a week, in words ("Vraagt: 6 uur per dag, 3 dagen per week, lang staan"); nothing when it asks none. */
function StepAsks({ step }: { step: PlanStep }) {
  const { t, i18n } = useTranslation();
  const parts = [
    step.hoursPerDay === null ? "" : t("plan.stepHoursPerDay", { hours: formatHours(step.hoursPerDay, i18n.language) }),
    step.daysPerWeek === null ? "" : t("plan.stepDaysPerWeek", { count: step.daysPerWeek }),
    ...step.demands.map((demand) => t(`workDemand.${demand}`)),
  ].filter(Boolean);
  return parts.length > 0 ? <span className="nv-cell-note">{t("plan.stepAsks", { asks: parts.join(", ") })}</span> : null;
}

/** The steps of one plan version: what, how many hours, when, with whom, and where it stands. */
export function PlanStepsTable({ steps, caption, onEdit, editingId }: PlanStepsTableProps) {
  const { t, i18n } = useTranslation();
  const date = (value: string) => formatDate(value, i18n.language);
  return (
    <ScrollRegion label={caption}>
      <table className="utrecht-table utrecht-table--html-table nv-table nv-table--top">
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {t("plan.step")}
            </th>
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
              {t("plan.hoursPerWeek")}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t("plan.period")}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t("plan.provider")}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t("plan.status")}
            </th>
            {onEdit ? (
              <th scope="col" className="utrecht-table__header-cell">
                {t("plan.actions")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {steps.map((step) => (
            <tr
              key={step.id}
              className={`utrecht-table__row${step.status === "stopped" || step.status === "completed" ? " nv-row--done" : ""}`}
            >
              <th scope="row" className="utrecht-table__cell nv-table__row-header">
                <strong>{step.title}</strong>
                <span className="nv-cell-note">{t(`planStepType.${step.type}`)}</span>
                {step.goal ? <span className="nv-cell-note">{t("plan.goalShort", { goal: step.goal })}</span> : null}
                <StepAsks step={step} />
              </th>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatHours(step.hoursPerWeek, i18n.language)}</td>
              <td className="utrecht-table__cell nv-nowrap">
                {step.endDate
                  ? t("plan.fromTo", { from: date(step.startDate), to: date(step.endDate) })
                  : t("plan.from", { from: date(step.startDate) })}
              </td>
              <td className="utrecht-table__cell">{step.provider ?? <span className="nv-muted">–</span>}</td>
              <td className="utrecht-table__cell">
                <span className={`nv-status nv-status--${step.status}`}>{t(`planStepStatus.${step.status}`)}</span>
                {step.stopReason ? <span className="nv-cell-note">{step.stopReason}</span> : null}
              </td>
              {onEdit ? (
                <td className="utrecht-table__cell">
                  {step.status === "planned" || step.status === "active" ? (
                    <SecondaryActionButton
                      type="button"
                      id={editButtonId(step.id)}
                      aria-expanded={editingId === step.id}
                      onClick={() => onEdit(step)}
                    >
                      {t("plan.change")}
                      <span className="nv-visually-hidden"> ({step.title})</span>
                    </SecondaryActionButton>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
