import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { SelectField } from "@web/components/fields.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { PAGE_SIZES, Pagination } from "@web/components/Pagination.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { Paragraph } from "@web/components/nlds.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { useTeam } from "../team/api.js";
import { useWorkQueue } from "./api.js";
import { WorkQueueTable } from "./WorkQueueTable.js";

function positive(value: string | null, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? number : fallback;
}

/** The consultant's start page: clients that need attention today, most urgent first. Team leads pick a consultant. */
export function WorkQueuePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const isLead = me.role === "teamLead";
  const [search, setSearch] = useSearchParams();
  const consultantId = search.get("consultantId") ?? "";
  const page = positive(search.get("page"), 1);
  const sizeParam = positive(search.get("pageSize"), 25);
  const pageSize = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : 25;
  const queue = useWorkQueue({ consultantId: consultantId || undefined, page, pageSize });
  const team = useTeam(isLead);
  const members = team.data?.items ?? [];
  const data = queue.data;

  function update(changes: { consultantId?: string; page?: number; pageSize?: number }) {
    const next = { consultantId, page: 1, pageSize, ...changes };
    const entries: [string, string][] = [
      ["consultantId", next.consultantId],
      ["page", next.page === 1 ? "" : String(next.page)],
      ["pageSize", next.pageSize === 25 ? "" : String(next.pageSize)],
    ];
    setSearch(new URLSearchParams(entries.filter(([, value]) => value !== "")));
  }

  const nameOf = (id: string | null) => members.find((m) => m.consultantId === id)?.displayName ?? t("client.unassigned");
  const chosen = members.find((m) => m.consultantId === consultantId);

  return (
    <>
      <PageHeading>{chosen ? t("workQueue.titleOf", { name: chosen.displayName }) : t("workQueue.title")}</PageHeading>
      <Paragraph>{t("workQueue.intro")}</Paragraph>
      {isLead ? (
        <form className="nv-filters nv-filters--narrow" aria-label={t("workQueue.filtersLabel")} onSubmit={(event) => event.preventDefault()}>
          <SelectField
            name="consultantId"
            label={t("workQueue.consultant")}
            value={consultantId}
            onChange={(value) => update({ consultantId: value })}
            options={[{ value: "", label: t("workQueue.wholeTeam") }, ...members.map((m) => ({ value: m.consultantId, label: m.displayName }))]}
          />
        </form>
      ) : null}
      <ProblemAlert error={queue.error} />
      {queue.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {data && data.items.length === 0 ? <Paragraph>{t("workQueue.empty")}</Paragraph> : null}
      {data && data.items.length > 0 ? (
        <>
          <WorkQueueTable items={data.items} total={data.total} busy={queue.isPlaceholderData} consultantName={isLead ? nameOf : undefined} />
          <Pagination
            name="work-queue"
            page={page}
            pageSize={pageSize}
            total={data.total}
            onPageChange={(next) => update({ page: next })}
            onPageSizeChange={(next) => update({ pageSize: next })}
          />
        </>
      ) : null}
    </>
  );
}
