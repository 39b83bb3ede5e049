import type { MatchPlanOutput } from "@shared/schemas/matching.js";
import { formatHours } from "@web/components/format.js";
import { Paragraph } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";

type Summary = NonNullable<MatchPlanOutput["summary"]>;
const FIGURES = ["eligible", "placed", "unplaced", "withoutIntake"] as const;

/** The plan's result in four figures: who could take part, who got a proposal, who did not, and who had no intake. */
export function PlanSummary({ summary }: { summary: Summary }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <dl className="nv-figures">
        {FIGURES.map((figure) => (
          <div key={figure} className="nv-figures__item">
            <dt>{t(`matchPlan.summary.${figure}`)}</dt>
            <dd>{summary[figure]}</dd>
          </div>
        ))}
      </dl>
      <Paragraph>{t("matchPlan.summary.pairs", { count: summary.pairs, seconds: formatHours(summary.seconds, i18n.language) })}</Paragraph>
    </>
  );
}
