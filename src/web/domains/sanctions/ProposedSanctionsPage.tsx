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
import { type SanctionPage, useProposedSanctions } from "./api.js";
import { HearingText, ProposedLevelText } from "./SanctionFacts.js";

const HEADERS = ["client", "ground", "proposedBy", "hearing", "proposedLevel"];

function ProposedTable({ page }: { page: SanctionPage }) {
  const { t, i18n } = useTranslation();
  const date = (value: string) => formatDate(value, i18n.language);
  return (
    <ScrollTable
      id="proposed-sanctions"
      caption={t("proposedSanctions.caption", { count: page.total })}
      headers={HEADERS.map((header) => t(`proposedSanctions.columns.${header}`))}
      className="nv-table--top"
    >
      {page.items.map((sanction) => (
        <tr key={sanction.id} className="utrecht-table__row">
          <th scope="row" className="utrecht-table__cell nv-table__row-header">
            <Link to={clientTabPath(sanction.clientId, "sanctions")} className="nl-link">
              {sanction.clientName}
            </Link>
          </th>
          <td className="utrecht-table__cell">
            {t(`sanctionGround.${sanction.ground}`)}
            <span className="nv-cell-note">{t("sanctions.factsOn", { date: date(sanction.factsDate) })}</span>
          </td>
          <td className="utrecht-table__cell">
            {t("proposedSanctions.proposed", { name: sanction.proposedBy, date: date(sanction.proposedAt) })}
          </td>
          <td className="utrecht-table__cell">
            <HearingText hearing={sanction.hearing} />
          </td>
          <td className="utrecht-table__cell">
            <ProposedLevelText sanction={sanction} />
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}

/** Proposed sanctions waiting for a team lead's decision; each links to the client's sanctions. */
export function ProposedSanctionsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { page, pageSize, update } = usePagedSearch();
  const proposed = useProposedSanctions(page, pageSize);

  return (
    <>
      <PageHeading>{t("proposedSanctions.title")}</PageHeading>
      <Paragraph>{me.role === "admin" ? t("proposedSanctions.introAdmin") : t("proposedSanctions.intro")}</Paragraph>
      <Paragraph>
        <Link to="/statistics" className="nl-link">
          {t("proposedSanctions.toStatistics")}
        </Link>
      </Paragraph>
      <PagedResults
        query={proposed}
        name="proposed-sanctions"
        page={page}
        pageSize={pageSize}
        onPageChange={(next) => update({ page: next })}
        onPageSizeChange={(next) => update({ pageSize: next })}
        empty={t("proposedSanctions.empty")}
      >
        {(data) => <ProposedTable page={data} />}
      </PagedResults>
    </>
  );
}
