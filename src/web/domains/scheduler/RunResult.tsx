import type { DailyJobResult } from "@shared/schemas/scheduler.js";
import { useTranslation } from "react-i18next";

const COUNTS: Exclude<keyof DailyJobResult, "retention">[] = [
  "accountabilityRequests",
  "reminders",
  "appointmentReminders",
  "exemptionsEnded",
  "exemptionsDue",
  "accountabilityOverdue",
];

/** What a daily run did, in words: one line per kind of work. */
export function RunResult({ result }: { result: DailyJobResult | null }) {
  const { t } = useTranslation();
  if (!result) return <span className="nv-muted">–</span>;
  return (
    <ul className="nv-link-list">
      {COUNTS.map((key) => (
        <li key={key}>{t(`scheduler.result.${key}`, { count: result[key] })}</li>
      ))}
      <li>{t("scheduler.result.retention", { count: Object.values(result.retention).reduce((sum, n) => sum + n, 0) })}</li>
    </ul>
  );
}
