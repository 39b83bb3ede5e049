import type { SuggestionOutput } from "@shared/schemas/matching.js";
import { Alert } from "@web/components/Alert.js";
import { FactsList } from "@web/components/FactsList.js";
import { formatHours } from "@web/components/format.js";
import { Heading, PrimaryActionButton } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";
import { MatchReasons } from "./MatchReasons.js";

interface SuggestionCardProps {
  suggestion: SuggestionOutput;
  busy: boolean;
  onPropose: () => void;
}

/**
 * One suggested role: what it is, how well it fits and why (the reasons its place in the list comes from), a warning
 * when it asks less education than the client has, and proposing the client for it.
 */
export function SuggestionCard({ suggestion, busy, onPropose }: SuggestionCardProps) {
  const { t, i18n } = useTranslation();
  const headingId = `suggestion-${suggestion.roleId}`;
  const context = t("suggestions.roleAt", { role: suggestion.title, organisation: suggestion.organisationName });
  // A role below the client's education is said every time, as a warning above the reasons rather than among them.
  const below = suggestion.reasons.find((reason) => reason.code === "belowEducation");
  return (
    <li className="nv-panel nv-suggestion" aria-labelledby={headingId}>
      <Heading level={3} id={headingId} className="nv-panel__title">
        {context}
      </Heading>
      <FactsList
        rows={[
          [t("suggestions.score"), t("suggestions.scoreValue", { score: suggestion.score })],
          [t("suggestions.hours"), t("suggestions.hoursValue", { hours: formatHours(suggestion.hoursPerWeek, i18n.language) })],
          [t("suggestions.freePlaces"), suggestion.freePlaces],
          [t("suggestions.postcode"), suggestion.postcode],
        ]}
      />
      {below ? (
        <Alert type="warning">
          <p className="nv-alert-text">
            {t("suggestions.belowEducation", {
              level: t(`roleEducation.${below.level}`),
              clientLevel: t(`roleEducation.${below.clientLevel}`),
            })}
          </p>
        </Alert>
      ) : null}
      <p className="nv-suggestion__why">{t("suggestions.why")}</p>
      <MatchReasons reasons={suggestion.reasons.filter((reason) => reason !== below)} />
      <div className="nv-form__actions">
        <PrimaryActionButton type="button" busy={busy} onClick={onPropose}>
          {t("suggestions.propose")}
          <span className="nv-visually-hidden"> ({context})</span>
        </PrimaryActionButton>
      </div>
    </li>
  );
}
