import { MATCH_CONSTRAINTS, type SuggestionsOutput } from "@shared/schemas/matching.js";
import { formatHours } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";
import { workLimitsText } from "../capacity/workLimitsText.js";

/** What the suggestions start from (hours left, travel distance, the limits in force) and how many open roles were looked at. */
export function SuggestionsBasis({ suggestions }: { suggestions: SuggestionsOutput }) {
  const { t, i18n } = useTranslation();
  const { capacityLeft, travelRadiusKm, considered, limits } = suggestions;
  if (capacityLeft === null || travelRadiusKm === null) return null;
  const limitsText = limits ? workLimitsText(t, limits, i18n.language) : "";
  return (
    <Paragraph>
      {t("suggestions.basis", { hours: formatHours(capacityLeft, i18n.language), km: formatHours(travelRadiusKm, i18n.language) })}{" "}
      {limitsText ? `${t("limitsInForce", { limits: limitsText })}. ` : null}
      {t("suggestions.considered", { count: considered })}
    </Paragraph>
  );
}

/** Roles within reach that the client's limits rule out, each with the limits it breaks: why it is not offered. */
export function NotOffered({ roles }: { roles: SuggestionsOutput["notOffered"] }) {
  const { t } = useTranslation();
  if (roles.length === 0) return null;
  return (
    <section aria-labelledby="suggestions-not-offered-title">
      <Heading level={3} id="suggestions-not-offered-title">
        {t("notOffered.title")}
      </Heading>
      <Paragraph>{t("notOffered.intro")}</Paragraph>
      <ul className="nv-match-reasons">
        {roles.map((role) => {
          const why = [
            role.aboveDailyLimit ? t("notOffered.dailyHours", role.aboveDailyLimit) : null,
            role.aboveDaysLimit ? t("notOffered.days", role.aboveDaysLimit) : null,
            ...role.functionalLimits.map((demand) => t("notOffered.demand", { demand: t(`workDemand.${demand}`) })),
          ].filter((text): text is string => text !== null);
          return (
            <li key={role.roleId}>
              {t("suggestions.roleAt", { role: role.title, organisation: role.organisationName })}: {why.join("; ")}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** How many open roles each hard rule left out, e.g. "48 vrijwilligersplekken te ver weg". */
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
