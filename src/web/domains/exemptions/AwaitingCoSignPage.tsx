import { formatDate } from "@web/components/format.js";
import { Paragraph } from "@web/components/nlds.js";
import { PagedResults } from "@web/components/PagedResults.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { usePagedSearch } from "@web/components/usePagedSearch.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { clientTabPath } from "../clients/clientTabs.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { type ExemptionPage, useAwaitingCoSign } from "./api.js";
import { PeriodText, ScopeText } from "./ExemptionsTable.js";

const HEADERS = ["client", "type", "scope", "period", "decidedBy"];

function AwaitingTable({ page }: { page: ExemptionPage }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollTable
      id="awaiting-co-sign"
      caption={t("awaitingCoSign.caption", { count: page.total })}
      headers={HEADERS.map((header) => t(`awaitingCoSign.columns.${header}`))}
      className="nv-table--top"
    >
      {page.items.map((exemption) => (
        <tr key={exemption.id} className="utrecht-table__row">
          <th scope="row" className="utrecht-table__cell nv-table__row-header">
            <Link to={clientTabPath(exemption.clientId, "exemptions")} className="nl-link">
              {exemption.clientName}
            </Link>
          </th>
          <td className="utrecht-table__cell">{t(`exemptionType.${exemption.type}`)}</td>
          <td className="utrecht-table__cell">
            <ScopeText exemption={exemption} />
          </td>
          <td className="utrecht-table__cell">
            <PeriodText exemption={exemption} />
          </td>
          <td className="utrecht-table__cell">
            {exemption.decidedBy ? (
              t("awaitingCoSign.decided", { name: exemption.decidedBy, date: formatDate(exemption.decidedAt, i18n.language) })
            ) : (
              <span className="nv-muted">–</span>
            )}
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}

/** Long full exemptions waiting for a team lead's second signature; each links to the client's exemptions. */
export function AwaitingCoSignPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { page, pageSize, update } = usePagedSearch();
  const awaiting = useAwaitingCoSign(page, pageSize);

  return (
    <>
      <PageHeading>{t("awaitingCoSign.title")}</PageHeading>
      <Paragraph>{me.role === "admin" ? t("awaitingCoSign.introAdmin") : t("awaitingCoSign.intro")}</Paragraph>
      <PagedResults
        query={awaiting}
        name="awaiting-co-sign"
        page={page}
        pageSize={pageSize}
        onPageChange={(next) => update({ page: next })}
        onPageSizeChange={(next) => update({ pageSize: next })}
        empty={t("awaitingCoSign.empty")}
      >
        {(data) => <AwaitingTable page={data} />}
      </PagedResults>
    </>
  );
}
