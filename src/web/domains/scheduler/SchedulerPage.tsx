import type { SchedulerRunOutput } from "@shared/schemas/scheduler.js";
import { Alert } from "@web/components/Alert.js";
import { formatDate, formatDateTime } from "@web/components/format.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { useTranslation } from "react-i18next";
import { useRunDailyJob, useSchedulerRuns } from "./api.js";
import { RunResult } from "./RunResult.js";

const HEADERS = ["runDate", "trigger", "status", "times", "instance", "result", "error"];

function RunsTable({ runs }: { runs: SchedulerRunOutput[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollTable
      id="scheduler-runs"
      caption={t("scheduler.caption", { count: runs.length })}
      headers={HEADERS.map((header) => t(`scheduler.columns.${header}`))}
      className="nv-table--top"
    >
      {runs.map((run) => (
        <tr key={run.id} className="utrecht-table__row">
          <th scope="row" className="utrecht-table__cell nv-table__row-header nv-nowrap">
            {formatDate(run.runDate, i18n.language)}
          </th>
          <td className="utrecht-table__cell">
            {t(`scheduler.trigger.${run.trigger}`)}
            {run.startedBy ? <span className="nv-cell-note">{t("scheduler.startedBy", { name: run.startedBy })}</span> : null}
          </td>
          <td className="utrecht-table__cell">
            <span className={`nv-status nv-status--${run.status}`}>{t(`scheduler.status.${run.status}`)}</span>
          </td>
          <td className="utrecht-table__cell">
            <span className="nv-nowrap">{t("scheduler.startedAt", { time: formatDateTime(run.startedAt, i18n.language) })}</span>
            {run.finishedAt ? (
              <span className="nv-cell-note nv-nowrap">
                {t("scheduler.finishedAt", { time: formatDateTime(run.finishedAt, i18n.language) })}
              </span>
            ) : null}
          </td>
          <td className="utrecht-table__cell">
            <code>{run.instance}</code>
          </td>
          <td className="utrecht-table__cell">
            <RunResult result={run.result} />
          </td>
          <td className="utrecht-table__cell">{run.error ?? <span className="nv-muted">–</span>}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

/** Periodic work (accountability requests, reminders, exemptions ending): its last runs, and running it now (admins). */
export function SchedulerPage() {
  const { t } = useTranslation();
  const runs = useSchedulerRuns();
  const run = useRunDailyJob();
  const items = runs.data?.items ?? [];

  return (
    <>
      <PageHeading>{t("scheduler.title")}</PageHeading>
      <Paragraph>{t("scheduler.intro")}</Paragraph>
      <section aria-labelledby="scheduler-run-title" className="nv-panel">
        <Heading level={2} id="scheduler-run-title" className="nv-panel__title">
          {t("scheduler.runTitle")}
        </Heading>
        <Paragraph>{t("scheduler.runIntro")}</Paragraph>
        {run.isSuccess ? (
          <Alert type={run.data.status === "failed" ? "error" : "ok"} role="status">
            <p>{t(`scheduler.ran.${run.data.status}`)}</p>
            <RunResult result={run.data.result} />
          </Alert>
        ) : null}
        <ProblemAlert error={run.error} />
        <PrimaryActionButton type="button" busy={run.isPending} onClick={() => run.mutate()}>
          {t("scheduler.runNow")}
        </PrimaryActionButton>
      </section>
      <Heading level={2}>{t("scheduler.runsTitle")}</Heading>
      <ProblemAlert error={runs.error} />
      {runs.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {runs.data && items.length === 0 ? <Paragraph>{t("scheduler.empty")}</Paragraph> : null}
      {items.length > 0 ? <RunsTable runs={items} /> : null}
    </>
  );
}
