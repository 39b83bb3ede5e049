import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { Pagination } from "@web/components/Pagination.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { Paragraph } from "@web/components/nlds.js";
import { formErrorsOf } from "@web/components/problems.js";
import { useAuditEvents } from "./api.js";
import { AuditFilterForm } from "./AuditFilterForm.js";
import { AuditTable } from "./AuditTable.js";
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

  return (
    <>
      <PageHeading>{t("audit.title")}</PageHeading>
      <Paragraph>{t("audit.intro")}</Paragraph>
      <ErrorSummary errors={errors.list} />
      <AuditFilterForm key={JSON.stringify(filters)} filters={filters} onApply={setFilters} errors={errors.byField} />
      <ProblemAlert error={errors.other} />
      {events.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {data && data.items.length === 0 ? <Paragraph>{t("audit.empty")}</Paragraph> : null}
      {data && data.items.length > 0 ? (
        <>
          <AuditTable events={data.items} total={data.total} />
          <Pagination name="audit" page={page} pageSize={pageSize} total={data.total} onPageChange={setPage} onPageSizeChange={setPageSize} />
        </>
      ) : null}
    </>
  );
}
