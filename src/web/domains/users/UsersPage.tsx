import { USER_ROLES, type UserRole } from "@shared/enums.js";
import type { UserOutput } from "@shared/schemas/users.js";
import { FiltersForm } from "@web/components/FiltersForm.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { Pagination } from "@web/components/Pagination.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import { useDebouncedValue } from "@web/components/useDebouncedValue.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useUsers } from "./api.js";

function useBindingText() {
  const { t } = useTranslation();
  return (user: UserOutput): string => {
    if (user.districts.length > 0) return user.districts.join(", ");
    if (user.organisationId) return t("users.boundToOrganisation");
    if (user.clientId) return t("users.boundToClient");
    if (user.agencyId) return t("users.boundToAgency");
    return "";
  };
}

/** Account administration: find, create and open accounts. */
export function UsersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [role, setRole] = useState<UserRole | "">("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const debouncedQ = useDebouncedValue(q.trim(), 300);
  const users = useUsers({ q: debouncedQ || undefined, role: role || undefined, page, pageSize });
  const bindingText = useBindingText();
  const data = users.data;

  return (
    <>
      <div className="nv-page-header">
        <PageHeading>{t("users.title")}</PageHeading>
        <Link to="/users/new" className="utrecht-button utrecht-button--primary-action nv-button-link">
          {t("users.new")}
        </Link>
      </div>
      <FiltersForm label={t("users.filtersLabel")}>
        <div className="nv-filters__search">
          <TextField
            name="q"
            type="search"
            label={t("users.search")}
            value={q}
            autoComplete="off"
            onChange={(value) => {
              setQ(value);
              setPage(1);
            }}
          />
        </div>
        <SelectField
          name="role"
          label={t("users.role")}
          value={role}
          onChange={(value) => {
            setRole(value as UserRole | "");
            setPage(1);
          }}
          options={[{ value: "", label: t("users.allRoles") }, ...USER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
        />
      </FiltersForm>
      <ProblemAlert error={users.error} />
      {users.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {data ? (
        <>
          <ScrollRegion labelledBy="users-caption">
            <table className="utrecht-table utrecht-table--html-table nv-table">
              <caption id="users-caption" className="utrecht-table__caption">
                {t("users.caption", { count: data.total })}
              </caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  {["users.displayName", "users.email", "users.role", "users.binding", "users.status"].map((key) => (
                    <th scope="col" className="utrecht-table__header-cell" key={key}>
                      {t(key)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {data.items.map((user) => (
                  <tr className="utrecht-table__row" key={user.id}>
                    <th scope="row" className="utrecht-table__cell nv-table__row-header">
                      <Link to={`/users/${user.id}`} className="nl-link">
                        {user.displayName}
                      </Link>
                    </th>
                    <td className="utrecht-table__cell">{user.email}</td>
                    <td className="utrecht-table__cell">{t(`roles.${user.role}`)}</td>
                    <td className="utrecht-table__cell">{bindingText(user)}</td>
                    <td className="utrecht-table__cell">{user.active ? t("users.active") : t("users.inactive")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <Pagination
            name="users"
            page={page}
            pageSize={pageSize}
            total={data.total}
            onPageChange={setPage}
            onPageSizeChange={(size) => {
              setPageSize(size);
              setPage(1);
            }}
          />
        </>
      ) : null}
    </>
  );
}
