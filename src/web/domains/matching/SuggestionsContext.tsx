import { MATCH_CONSTRAINTS, type SuggestionsOutput } from "@shared/schemas/matching.js";
import { formatHours } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";

/** What the suggestions start from (hours left, travel distance) and how many open roles were looked at. */
export function SuggestionsBasis({ suggestions }: { suggestions: SuggestionsOutput }) {
  const { t, i18n } = useTranslation();
  const { capacityLeft, travelRadiusKm, considered } = suggestions;
  if (capacityLeft === null || travelRadiusKm === null) return null;
  return (
    <Paragraph>
      {t("suggestions.basis", { hours: formatHours(capacityLeft, i18n.language), km: formatHours(travelRadiusKm, i18n.language) })}{" "}
      {t("suggestions.considered", { count: considered })}
    </Paragraph>
  );
}

/** How many open roles each hard rule left out, e.g. "48 vacatures te ver weg". */
export function ExcludedSummary({ excluded }: { excluded: SuggestionsOutput["excluded"] }) {
  const { t } = useTranslation();
  const counts = MATCH_CONSTRAINTS.map((constraint) => [constraint, excluded[constraint] ?? 0] as const).filter(([, count]) => count > 0);
  if (counts.length === 0) return null;
  return (
    <section aria-labelledby="suggestions-excluded-title">
      <Heading level={3} id="suggestions-excluded-title">
        {t("suggestions.excludedTitle")}
      </Heading>
      <Paragraph>{t("suggestions.excludedIntro")}</Paragraph>
      <ul className="nv-match-reasons">
        {counts.map(([constraint, count]) => (
          <li key={constraint}>{t(`suggestions.excluded.${constraint}`, { count })}</li>
        ))}
      </ul>
    </section>
  );
}
