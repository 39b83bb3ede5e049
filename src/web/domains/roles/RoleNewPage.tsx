import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useCurrentUser } from "../session/CurrentUser.js";
import { RoleForm } from "./RoleForm.js";

/** A new volunteer role; afterwards the role's page shows the outcome of the displacement check. */
export function RoleNewPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  return (
    <>
      <PageHeading>{t("roleForm.pageTitle")}</PageHeading>
      <Paragraph>
        <Link to="/roles" className="nl-link">
          {t("vacancies.back")}
        </Link>
      </Paragraph>
      <Paragraph>{t("roleForm.intro")}</Paragraph>
      <RoleForm organisationId={me.organisationId} onCreated={(role) => navigate(`/roles/${role.id}`, { state: { created: true } })} />
    </>
  );
}
