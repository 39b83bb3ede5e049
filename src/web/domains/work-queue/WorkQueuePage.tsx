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

/** The consultant's start page: clients that need attention today, most urgent first. Team leads pick a consultant. */
export function WorkQueuePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isLead = me.role === "teamLead";
  const { values, page, pageSize, update } = usePagedSearch(["consultantId"]);
  const { consultantId } = values;
  const queue = useWorkQueue({ consultantId: consultantId || undefined, page, pageSize });
  const team = useTeam(isLead);
  const members = team.data?.items ?? [];

  const nameOf = (id: string | null) => members.find((m) => m.consultantId === id)?.displayName ?? t("client.unassigned");
  const chosen = members.find((m) => m.consultantId === consultantId);

  return (
    <>
      <PageHeading>{chosen ? t("workQueue.titleOf", { name: chosen.displayName }) : t("workQueue.title")}</PageHeading>
      <Paragraph>{t("workQueue.intro")}</Paragraph>
      {isLead ? (
        <form
          className="nv-filters nv-filters--narrow"
          aria-label={t("workQueue.filtersLabel")}
          onSubmit={(event) => event.preventDefault()}
        >
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
        </form>
      ) : null}
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
