import type { OrganisationOutput } from "@shared/schemas/organisations.js";
import { FiltersForm } from "@web/components/FiltersForm.js";
import { TextField } from "@web/components/fields.js";
import { formatHours } from "@web/components/format.js";
import { Paragraph } from "@web/components/nlds.js";
import { PagedResults } from "@web/components/PagedResults.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { useDebouncedValue } from "@web/components/useDebouncedValue.js";
import { usePagedSearch } from "@web/components/usePagedSearch.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCurrentUser } from "../session/CurrentUser.js";
import { useOrganisations } from "./api.js";

function OrganisationsTable({ organisations, total }: { organisations: OrganisationOutput[]; total: number }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollTable
      id="organisations"
      caption={t("organisations.caption", { count: total })}
      headers={[
        t("organisations.name"),
        t("organisations.district"),
        t("organisations.sector"),
        t("organisations.guidance"),
        t("organisations.limitedDutch"),
      ]}
    >
      {organisations.map((organisation) => (
        <tr key={organisation.id} className="utrecht-table__row">
          <th scope="row" className="utrecht-table__cell nv-table__row-header">
            <Link to={`/organisations/${organisation.id}`} className="nl-link">
              {organisation.name}
            </Link>
          </th>
          <td className="utrecht-table__cell">{organisation.district ?? t("organisations.noDistrict")}</td>
          <td className="utrecht-table__cell">{t(`sector.${organisation.sector}`)}</td>
          <td className="utrecht-table__cell">
            {t("guidance.hours", { hours: formatHours(organisation.guidanceHoursPerWeek, i18n.language) })}
          </td>
          <td className="utrecht-table__cell">{organisation.acceptsLimitedDutch ? t("organisations.yes") : t("organisations.no")}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

/** Host organisations: search by name, open one, register a new one. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { values, page, pageSize, update } = usePagedSearch(["q"]);
  const { q } = values;
  const debouncedQ = useDebouncedValue(q.trim(), 300);
  const organisations = useOrganisations({ q: debouncedQ || undefined, page, pageSize });

  return (
    <>
      <div className="nv-page-header">
        <PageHeading>{t("organisations.title")}</PageHeading>
        {me.abilities.registerOrganisations ? (
          <Link to="/organisations/new" className="utrecht-button utrecht-button--primary-action nv-button-link">
            {t("organisations.new")}
          </Link>
        ) : null}
      </div>
      <Paragraph>{t("organisations.intro")}</Paragraph>
      <FiltersForm label={t("organisations.filtersLabel")}>
        <div className="nv-filters__search">
          <TextField
            name="q"
            type="search"
            label={t("organisations.search")}
            value={q}
            onChange={(value) => update({ q: value })}
            autoComplete="off"
          />
        </div>
      </FiltersForm>
      <PagedResults
        query={organisations}
        name="organisations"
        page={page}
        pageSize={pageSize}
        onPageChange={(next) => update({ page: next })}
        onPageSizeChange={(next) => update({ pageSize: next })}
        empty={t("organisations.empty")}
      >
        {(data) => <OrganisationsTable organisations={data.items} total={data.total} />}
      </PagedResults>
    </>
  );
}
