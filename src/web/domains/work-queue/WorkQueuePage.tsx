import { WORK_QUEUE_REASONS, WORK_QUEUE_SEVERITIES } from "@shared/schemas/work-queue.js";
import { Alert } from "@web/components/Alert.js";
import { FiltersForm } from "@web/components/FiltersForm.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { Paragraph } from "@web/components/nlds.js";
import { PagedResults } from "@web/components/PagedResults.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { useDebouncedValue } from "@web/components/useDebouncedValue.js";
import { usePagedSearch } from "@web/components/usePagedSearch.js";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../session/CurrentUser.js";
import { useTeam } from "../team/api.js";
import { useWorkQueue } from "./api.js";
import { WorkQueueTable } from "./WorkQueueTable.js";

/**
 * The consultant's start page: clients that need attention, the most urgent first, one compact row each. It narrows
 * to one kind of reason, one urgency or a client's name; an item can be marked done or snoozed from its row. Team
 * leads pick a consultant.
 */
export function WorkQueuePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isLead = me.role === "teamLead";
  const { values, page, pageSize, update } = usePagedSearch(["consultantId", "reason", "severity", "client"]);
  const { consultantId, reason, severity } = values;
  const [client, setClient] = useState(values.client);
  const settledClient = useDebouncedValue(client.trim(), 300);
  const [snoozing, setSnoozing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const status = useRef<HTMLDivElement>(null);

  // Only a settled name triggers a new query; the address can also change it (back button), and the box follows.
  const search = useEffectEvent((text: string) => {
    if (text !== values.client) update({ client: text });
  });
  useEffect(() => search(settledClient), [settledClient]);
  const showUrlText = useEffectEvent((urlText: string) => {
    if (urlText !== settledClient) setClient(urlText);
  });
  useEffect(() => showUrlText(values.client), [values.client]);

  // A reason or urgency typed into the address that the queue does not know is left out rather than refused.
  const knownReason = WORK_QUEUE_REASONS.find((code) => code === reason);
  const queue = useWorkQueue({
    consultantId: consultantId || undefined,
    reason: knownReason,
    severity: WORK_QUEUE_SEVERITIES.find((code) => code === severity),
    client: values.client || undefined,
    page,
    pageSize,
  });
  const team = useTeam(isLead);
  const members = team.data?.items ?? [];

  const nameOf = (id: string | null) => members.find((m) => m.consultantId === id)?.displayName ?? t("client.unassigned");
  const chosen = members.find((m) => m.consultantId === consultantId);

  // The row has left the queue: say what happened where focus can land.
  function setAside(text: string) {
    setMessage(text);
    requestAnimationFrame(() => status.current?.focus());
  }

  return (
    <>
      <PageHeading>{chosen ? t("workQueue.titleOf", { name: chosen.displayName }) : t("workQueue.title")}</PageHeading>
      <Paragraph>{t("workQueue.intro")}</Paragraph>
      <FiltersForm label={t("workQueue.filtersLabel")} onSubmit={() => update({ client: client.trim() })}>
        {isLead ? (
          <SelectField
            name="consultantId"
            label={t("workQueue.consultant")}
            value={consultantId}
            onChange={(value) => update({ consultantId: value })}
            options={[
              { value: "", label: t("workQueue.wholeTeam") },
              ...members.map((m) => ({ value: m.consultantId, label: m.displayName })),
            ]}
          />
        ) : null}
        <SelectField
          name="reason"
          label={t("workQueue.onlyReason")}
          value={reason}
          onChange={(value) => update({ reason: value })}
          options={[
            { value: "", label: t("workQueue.allReasons") },
            ...WORK_QUEUE_REASONS.map((code) => ({ value: code, label: t(`workQueue.reasons.${code}.label`) })),
          ]}
        />
        <SelectField
          name="severity"
          label={t("workQueue.onlySeverity")}
          value={severity}
          onChange={(value) => update({ severity: value })}
          options={[
            { value: "", label: t("workQueue.allSeverities") },
            ...WORK_QUEUE_SEVERITIES.map((code) => ({ value: code, label: t(`workQueue.severities.${code}`) })),
          ]}
        />
        <TextField
          name="client"
          type="search"
          label={t("workQueue.clientFilter")}
          description={t("workQueue.clientFilterHint")}
          value={client}
          onChange={setClient}
          autoComplete="off"
        />
      </FiltersForm>
      <div ref={status} tabIndex={-1} className="nv-queue-status">
        {message ? (
          <Alert type="ok" role="status">
            {message}
          </Alert>
        ) : null}
      </div>
      <PagedResults
        query={queue}
        name="work-queue"
        page={page}
        pageSize={pageSize}
        onPageChange={(next) => update({ page: next })}
        onPageSizeChange={(next) => update({ pageSize: next })}
        empty={t("workQueue.empty")}
      >
        {(data) => (
          <WorkQueueTable
            items={data.items}
            total={data.total}
            busy={queue.isPlaceholderData}
            consultantName={isLead ? nameOf : undefined}
            shownReason={knownReason}
            snoozing={snoozing}
            onSnooze={setSnoozing}
            onSetAside={setAside}
          />
        )}
      </PagedResults>
    </>
  );
}
