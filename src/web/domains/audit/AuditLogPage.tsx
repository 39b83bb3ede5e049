import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { Paragraph } from "@web/components/nlds.js";
import { PagedResults } from "@web/components/PagedResults.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { formErrorsOf } from "@web/components/problems.js";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { AuditFilterForm } from "./AuditFilterForm.js";
import { AuditTable } from "./AuditTable.js";
import { useAuditEvents } from "./api.js";
import { AUDIT_FILTER_FIELDS, useAuditParams } from "./useAuditParams.js";

/** The audit log (admin): who did what, when, to which client. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const { filters, page, pageSize, setFilters, setPage, setPageSize } = useAuditParams();
  const events = useAuditEvents({
    clientId: filters.clientId || undefined,
    actorId: filters.actorId || undefined,
    category: filters.category || undefined,
    action: filters.action || undefined,
    fromDate: filters.fromDate || undefined,
    toDate: filters.toDate || undefined,
    page,
    pageSize,
  });
  const errors = useMemo(() => formErrorsOf(events.error, t, AUDIT_FILTER_FIELDS), [events.error, t]);
  const data = events.isError ? undefined : events.data;
  // The chosen person's and client's names, as the events filtered on them give them.
  const first = data?.items[0];
  const names = {
    actor: filters.actorId && first?.actorId === filters.actorId ? (first.actorName ?? first.actorEmail ?? "") : "",
    client: filters.clientId && first?.clientId === filters.clientId ? (first.clientName ?? "") : "",
  };
  const exportQuery = new URLSearchParams(
    AUDIT_FILTER_FIELDS.map((field) => [field, filters[field]] as [string, string]).filter(([, value]) => value !== ""),
  ).toString();
  const exportHref = `/api/v1/audit-event-exports${exportQuery ? `?${exportQuery}` : ""}`;

  return (
    <>
      <PageHeading>{t("audit.title")}</PageHeading>
      <Paragraph>{t("audit.intro")}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <AuditFilterForm
        key={`${JSON.stringify(filters)}-${names.actor}-${names.client}`}
        filters={filters}
        names={names}
        onApply={setFilters}
        errors={errors.byField}
      />
      <Paragraph>
        <a className="nl-link" href={exportHref} download>
          {t("audit.export")}
        </a>{" "}
        <span className="nv-muted">{t("audit.exportHint")}</span>
      </Paragraph>
      <PagedResults
        query={{ data, error: events.error, isPending: events.isPending }}
        error={errors.other}
        name="audit"
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        onPageSizeChange={setPageSize}
        empty={t("audit.empty")}
      >
        {(data) => <AuditTable events={data.items} total={data.total} />}
      </PagedResults>
    </>
  );
}
