import { WORK_QUEUE_REASONS } from "@shared/schemas/work-queue.js";
import { FiltersForm } from "@web/components/FiltersForm.js";
import { SelectField } from "@web/components/fields.js";
import { Paragraph } from "@web/components/nlds.js";
import { PagedResults } from "@web/components/PagedResults.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { usePagedSearch } from "@web/components/usePagedSearch.js";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../session/CurrentUser.js";
import { useTeam } from "../team/api.js";
import { useWorkQueue } from "./api.js";
import { WorkQueueTable } from "./WorkQueueTable.js";

/**
 * The consultant's start page: clients that need attention today, most urgent first, or only those with one reason
 * (every ending that waits for the client to be heard, say). Team leads pick a consultant.
 */
export function WorkQueuePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isLead = me.role === "teamLead";
  const { values, page, pageSize, update } = usePagedSearch(["consultantId", "reason"]);
  const { consultantId, reason } = values;
  const queue = useWorkQueue({
    consultantId: consultantId || undefined,
    // A reason typed into the address that the queue does not know is left out rather than refused.
    reason: WORK_QUEUE_REASONS.find((code) => code === reason),
    page,
    pageSize,
  });
  const team = useTeam(isLead);
  const members = team.data?.items ?? [];

  const nameOf = (id: string | null) => members.find((m) => m.consultantId === id)?.displayName ?? t("client.unassigned");
  const chosen = members.find((m) => m.consultantId === consultantId);

  return (
    <>
      <PageHeading>{chosen ? t("workQueue.titleOf", { name: chosen.displayName }) : t("workQueue.title")}</PageHeading>
      <Paragraph>{t("workQueue.intro")}</Paragraph>
      <FiltersForm label={t("workQueue.filtersLabel")} className="nv-filters--narrow">
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
      </FiltersForm>
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
          />
        )}
      </PagedResults>
    </>
  );
}
