import { type Ordinance, SANCTION_GROUNDS } from "@shared/schemas/ordinance.js";
import { formatDate, formatHours } from "@web/components/format.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { useTranslation } from "react-i18next";

const HEADERS = [
  "version",
  "effectiveFrom",
  "weeklyNorm",
  "accountability",
  "reminderOverdue",
  "coSign",
  "notice",
  "guidance",
  "sanctions",
  "groundLevels",
  "hearingDays",
  "note",
  "createdBy",
];

/** Every ordinance version, newest first, with all its rules; the one in force is marked. */
export function OrdinanceVersionsTable({ versions, current }: { versions: Ordinance[]; current: number }) {
  const { t, i18n } = useTranslation();
  const hours = (value: number) => formatHours(value, i18n.language);
  return (
    <ScrollTable
      id="ordinance-versions"
      caption={t("ordinance.caption", { count: versions.length })}
      headers={HEADERS.map((header) => t(`ordinance.columns.${header}`))}
      className="nv-table--top"
    >
      {versions.map((version) => (
        <tr key={version.version} className="utrecht-table__row">
          <th scope="row" className="utrecht-table__cell nv-table__row-header">
            {t("ordinance.version", { version: version.version })}
            {version.version === current ? <span className="nv-cell-note">{t("ordinance.inForce")}</span> : null}
          </th>
          <td className="utrecht-table__cell nv-nowrap">{formatDate(version.effectiveFrom, i18n.language)}</td>
          <td className="utrecht-table__cell">{t("ordinance.hoursPerWeek", { hours: hours(version.weeklyNormHours) })}</td>
          <td className="utrecht-table__cell">{t("ordinance.everyMonths", { count: version.accountabilityIntervalMonths })}</td>
          <td className="utrecht-table__cell">
            {t("ordinance.reminderOverdue", { reminder: version.accountabilityReminderDays, overdue: version.accountabilityOverdueDays })}
          </td>
          <td className="utrecht-table__cell">{t("ordinance.months", { count: version.exemptionCoSignMonths })}</td>
          <td className="utrecht-table__cell">{t("ordinance.days", { count: version.exemptionNoticeDays })}</td>
          <td className="utrecht-table__cell">
            <ul className="nv-link-list">
              {(["light", "regular", "intensive"] as const).map((level) => (
                <li key={level} className="nv-nowrap">
                  {t("ordinance.guidanceLevel", { level: t(`guidanceLevel.${level}`), hours: hours(version.guidanceHoursPerLevel[level]) })}
                </li>
              ))}
            </ul>
          </td>
          <td className="utrecht-table__cell">
            <ul className="nv-link-list">
              {version.sanctionLevels.map((level) => (
                <li key={level.level} className="nv-nowrap">
                  {t("ordinance.sanctionLevel", {
                    level: level.level,
                    percentage: formatHours(level.percentage, i18n.language),
                    count: level.months,
                  })}
                </li>
              ))}
            </ul>
          </td>
          <td className="utrecht-table__cell">
            <ul className="nv-link-list">
              {SANCTION_GROUNDS.map((ground) => (
                <li key={ground}>
                  {t("ordinance.groundLevel", { ground: t(`sanctionGround.${ground}`), level: version.sanctionGroundLevels[ground] })}
                </li>
              ))}
            </ul>
          </td>
          <td className="utrecht-table__cell">{t("ordinance.term", { count: version.hearingResponseDays })}</td>
          <td className="utrecht-table__cell">{version.note}</td>
          <td className="utrecht-table__cell">{version.createdBy ?? <span className="nv-muted">{t("ordinance.firstVersion")}</span>}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}
