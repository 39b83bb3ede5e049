import { ROLE_STATUSES } from "@shared/schemas/roles.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { Paragraph } from "@web/components/nlds.js";
import { PagedResults } from "@web/components/PagedResults.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { useDebouncedValue } from "@web/components/useDebouncedValue.js";
import { usePagedSearch } from "@web/components/usePagedSearch.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCurrentUser } from "../session/CurrentUser.js";
import { useRoles } from "./api.js";
import { RolesTable } from "./RolesTable.js";

/** Volunteer roles: a host sees its own, staff search all of them by title and status. */
export function RolesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  // An account bound to a host organisation works with that organisation's roles only.
  const isHost = me.organisationId !== undefined;
  const { values, page, pageSize, update } = usePagedSearch(["q", "status"]);
  const { q, status } = values;
  const debouncedQ = useDebouncedValue(q.trim(), 300);
  const roles = useRoles({
    q: debouncedQ || undefined,
    status: (status || undefined) as (typeof ROLE_STATUSES)[number] | undefined,
    organisationId: isHost ? me.organisationId : undefined,
    page,
    pageSize,
  });

  return (
    <>
      <PageHeading>{t("vacancies.title")}</PageHeading>
      <Paragraph>{isHost ? t("vacancies.introHost") : t("vacancies.intro")}</Paragraph>
      {roles.data?.abilities.create ? (
        <Paragraph>
          <Link to="/roles/new" className="nl-link">
            {t("vacancies.new")}
          </Link>
        </Paragraph>
      ) : null}
      <form className="nv-filters" aria-label={t("vacancies.filtersLabel")} onSubmit={(event) => event.preventDefault()}>
        {isHost ? null : (
          <TextField
            name="q"
            type="search"
            label={t("vacancies.search")}
            value={q}
            onChange={(value) => update({ q: value })}
            autoComplete="off"
          />
        )}
        <SelectField
          name="status"
          label={t("vacancies.status")}
          value={status}
          onChange={(value) => update({ status: value })}
          options={[
            { value: "", label: t("vacancies.allStatuses") },
            ...ROLE_STATUSES.map((s) => ({ value: s, label: t(`roleStatus.${s}`) })),
          ]}
        />
      </form>
      <PagedResults
        query={roles}
        name="roles"
        page={page}
        pageSize={pageSize}
        onPageChange={(next) => update({ page: next })}
        onPageSizeChange={(next) => update({ pageSize: next })}
        empty={t("vacancies.empty")}
      >
        {(data) => <RolesTable roles={data.items} total={data.total} busy={roles.isPlaceholderData} showOrganisation={!isHost} />}
      </PagedResults>
    </>
  );
}
