import type { RoleOutput } from "@shared/schemas/roles.js";
import { formatHours } from "@web/components/format.js";
import { ScrollRegion } from "@web/components/ScrollRegion.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { RoleStatus } from "./RoleStatus.js";

interface RolesTableProps {
  roles: RoleOutput[];
  total: number;
  busy: boolean;
  /** Staff see which organisation a role belongs to; a host knows. */
  showOrganisation: boolean;
}

/** Volunteer roles with their displacement status and how many places are taken. */
export function RolesTable({ roles, total, busy, showOrganisation }: RolesTableProps) {
  const { t, i18n } = useTranslation();
  const header = (text: string) => (
    <th scope="col" className="utrecht-table__header-cell">
      {text}
    </th>
  );
  return (
    <ScrollRegion labelledBy="roles-caption">
      <table className={`utrecht-table utrecht-table--html-table nv-table${busy ? " utrecht-table--busy" : ""}`} aria-busy={busy}>
        <caption id="roles-caption" className="utrecht-table__caption">
          {t("vacancies.caption", { count: total })}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {header(t("vacancies.roleTitle"))}
            {showOrganisation ? header(t("vacancies.organisation")) : null}
            {header(t("vacancies.status"))}
            {header(t("vacancies.hours"))}
            {header(t("vacancies.places"))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {roles.map((role) => (
            <tr key={role.id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__cell nv-table__row-header">
                <Link to={`/roles/${role.id}`} className="nl-link">
                  {role.title}
                </Link>
              </th>
              {showOrganisation ? <td className="utrecht-table__cell">{role.organisationName}</td> : null}
              <td className="utrecht-table__cell">
                <RoleStatus role={role} />
              </td>
              <td className="utrecht-table__cell">{t("vacancies.hoursValue", { hours: formatHours(role.hoursPerWeek, i18n.language) })}</td>
              <td className="utrecht-table__cell">{t("vacancies.placesValue", { taken: role.placesTaken, places: role.places })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
