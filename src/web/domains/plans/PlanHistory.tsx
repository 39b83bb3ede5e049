import type { PlanOutput } from "@shared/schemas/plans.js";
import { formatDate, formatHours } from "@web/components/format.js";
import { Heading } from "@web/components/nlds.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { useTranslation } from "react-i18next";
import { LetterPdfLink } from "../letters/LetterPdfLink.js";

const HEADERS = ["plan.version", "plan.versionStatus", "plan.confirmedOn", "plan.hoursPerWeek", "plan.steps", "plan.letter"];

/** Every version of the plan, newest first, with the letter that recorded each confirmed one. */
export function PlanHistory({ plans }: { plans: PlanOutput[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="nv-subsection" aria-labelledby="plan-history-title">
      <Heading level={3} id="plan-history-title">
        {t("plan.historyTitle")}
      </Heading>
      <ScrollTable id="plan-history" caption={t("plan.historyCaption", { count: plans.length })} headers={HEADERS.map((key) => t(key))}>
        {plans.map((plan) => (
          <tr key={plan.id} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__cell nv-table__row-header">
              {t("plan.versionNumber", { version: plan.version })}
            </th>
            <td className="utrecht-table__cell">
              <span className={`nv-status nv-status--${plan.status}`}>{t(`planStatus.${plan.status}`)}</span>
            </td>
            <td className="utrecht-table__cell">
              {plan.confirmedOn ? formatDate(plan.confirmedOn, i18n.language) : <span className="nv-muted">–</span>}
            </td>
            <td className="utrecht-table__cell">{formatHours(plan.activeHoursPerWeek, i18n.language)}</td>
            <td className="utrecht-table__cell">{plan.steps.length}</td>
            <td className="utrecht-table__cell">
              {plan.letterId ? (
                <LetterPdfLink
                  letterId={plan.letterId}
                  label={t("plan.letterPdf")}
                  context={t("plan.versionNumber", { version: plan.version })}
                />
              ) : (
                <span className="nv-muted">–</span>
              )}
            </td>
          </tr>
        ))}
      </ScrollTable>
    </section>
  );
}
