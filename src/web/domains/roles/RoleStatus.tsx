import type { RoleOutput } from "@shared/schemas/roles.js";
import { useTranslation } from "react-i18next";

/** A role's displacement status as a word with a coloured edge, and "suspended" when a complaint is open. */
export function RoleStatus({ role }: { role: Pick<RoleOutput, "status" | "suspended"> }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`nv-status nv-status--${role.status}`}>{t(`roleStatus.${role.status}`)}</span>
      {role.suspended ? <span className="nv-status nv-status--suspended">{t("vacancies.suspended")}</span> : null}
    </>
  );
}
