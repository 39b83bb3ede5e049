import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { Pagination } from "@web/components/Pagination.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCurrentUser } from "../session/CurrentUser.js";
import { useClientList } from "./api.js";
import { CaseloadFilters } from "./CaseloadFilters.js";
import { CaseloadTable } from "./CaseloadTable.js";
import { useCaseloadParams } from "./useCaseloadParams.js";

/** The caseload: search, filter, sort and page through the clients the user may see. */
export function CaseloadPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  // A consultant works their own clients first; the whole district is one tick away.
  const [params, update] = useCaseloadParams(me.role === "consultant");
  const list = useClientList({
    q: params.q || undefined,
    district: params.district || undefined,
    longTermCohort: params.cohort ? params.cohort === "true" : undefined,
    assignedToMe: params.mine || undefined,
    sort: params.sort,
    page: params.page,
    pageSize: params.pageSize,
  });
  const data = list.data;

  return (
    <>
      <div className="nv-page-header">
        <PageHeading>{t("caseload.title")}</PageHeading>
        <Link to="/clients/new" className="utrecht-button utrecht-button--primary-action nv-button-link">
          {t("caseload.newClient")}
        </Link>
      </div>
      <CaseloadFilters params={params} onChange={update} />
      <ProblemAlert error={list.error} />
      <p className="nv-visually-hidden" role="status">
        {data && !list.isFetching ? t("caseload.caption", { count: data.total }) : ""}
      </p>
      {list.isPending ? <Paragraph>{t("app.loading")}</Paragraph> : null}
      {data && data.items.length === 0 ? <Paragraph>{t("caseload.empty")}</Paragraph> : null}
      {data && data.items.length > 0 ? (
        <>
          <CaseloadTable
            rows={data.items}
            total={data.total}
            sort={params.sort}
            onSort={(sort) => update({ sort: sort as typeof params.sort })}
            busy={list.isPlaceholderData}
          />
          <Pagination
            name="caseload"
            page={params.page}
            pageSize={params.pageSize}
            total={data.total}
            onPageChange={(page) => update({ page })}
            onPageSizeChange={(pageSize) => update({ pageSize })}
          />
        </>
      ) : null}
    </>
  );
}
