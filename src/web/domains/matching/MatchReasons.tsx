import type { MatchReason } from "@shared/schemas/matching.js";
import { formatHours } from "@web/components/format.js";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

function dayPart(t: TFunction, part: string): string {
  const [day = "", moment = ""] = part.split("-");
  return t("matchReasons.dayPart", {
    day: t(`dayShort.${day}`, { defaultValue: day }),
    part: t(`dayParts.${moment}`, { defaultValue: moment }),
  });
}

/** One reason why a role fits a client, in plain words. */
export function reasonText(t: TFunction, reason: MatchReason, language: string): string {
  const number = (value: number) => formatHours(value, language);
  switch (reason.code) {
    case "distance":
      return t("matchReasons.distance", { km: number(reason.km) });
    case "fitsHours":
      return t("matchReasons.fitsHours", { hours: number(reason.hours), capacityLeft: number(reason.capacityLeft) });
    case "dutchLevel":
      return reason.level === "none" ? t("matchReasons.noDutchNeeded") : t("matchReasons.dutchLevel", { level: reason.level });
    case "limitedDutchWelcome":
      return t("matchReasons.limitedDutchWelcome");
    case "interest":
      return t("matchReasons.interest", { interest: reason.interest });
    case "guidance":
      return t(`matchReasons.guidance.${reason.level}`);
    case "weekdays":
      return t("matchReasons.weekdays", { parts: reason.parts.map((part) => dayPart(t, part)).join(", ") });
    case "skill":
      return t("matchReasons.skill", { skill: reason.skill });
    case "wish":
      return t("matchReasons.wish", { wish: reason.wish });
    case "education":
      return t("matchReasons.education");
    case "belowEducation":
    case "aboveEducation":
      return t(`matchReasons.${reason.code}`, {
        level: t(`roleEducation.${reason.level}`),
        clientLevel: t(`roleEducation.${reason.clientLevel}`),
      });
  }
}

/** Why a role fits, as a list; `compact` for inside a table row. */
export function MatchReasons({ reasons, compact = false }: { reasons: MatchReason[]; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className={`nv-match-reasons${compact ? " nv-match-reasons--compact" : ""}`}>
      {reasons.map((reason) => (
        <li key={reason.code}>{reasonText(t, reason, i18n.language)}</li>
      ))}
    </ul>
  );
}
