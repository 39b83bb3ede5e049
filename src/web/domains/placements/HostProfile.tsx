import { FactsList } from "@web/components/FactsList.js";
import { formatHours, languageName } from "@web/components/format.js";
import { Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { workLimitsText } from "../capacity/workLimitsText.js";
import { useHostProfile } from "./api.js";

/** The weekday parts as words: "dinsdag ochtend, donderdag middag". */
export function useWeekParts() {
  const { t } = useTranslation();
  return (parts: string[]) =>
    parts
      .map((part) => {
        const [day = "", time = ""] = part.split("-");
        return `${t(`dayNames.${day}`, { defaultValue: day })} ${t(`dayParts.${time}`, { defaultValue: time })}`;
      })
      .join(", ");
}

/**
 * What a host may know of a referred client, and nothing else: first name, availability, hours, skills, languages,
 * guidance need, and the limits the work must respect (never where they come from).
 */
export function HostProfile({ clientId }: { clientId: string }) {
  const { t, i18n } = useTranslation();
  const profile = useHostProfile(clientId);
  const weekParts = useWeekParts();
  const data = profile.data;
  if (profile.isPending) return <Paragraph role="status">{t("app.loading")}</Paragraph>;
  if (!data) return <ProblemAlert error={profile.error} />;
  const rows: [string, string][] = [
    [t("hostProfile.givenName"), data.givenName],
    [t("hostProfile.availability"), weekParts(data.availability) || t("hostProfile.unknown")],
    [
      t("hostProfile.hours"),
      data.hoursPerWeek === null ? t("hostProfile.unknown") : t("guidance.hours", { hours: formatHours(data.hoursPerWeek, i18n.language) }),
    ],
    [t("hostProfile.skills"), data.skills.join(", ") || t("hostProfile.unknown")],
    [t("hostProfile.languages"), data.languages.map((code) => languageName(code, i18n.language)).join(", ") || t("hostProfile.unknown")],
    [t("hostProfile.guidanceNeed"), t(`guidanceLevel.${data.guidanceNeed}`)],
    [t("hostProfile.workLimits"), workLimitsText(t, data.workLimits, i18n.language) || t("workLimits.none")],
  ];
  return <FactsList rows={rows} />;
}
