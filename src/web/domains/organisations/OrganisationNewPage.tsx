import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { OrganisationForm } from "./OrganisationForm.js";

/** Registers a host organisation and opens its page. */
export function OrganisationNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeading>{t("organisationForm.pageTitle")}</PageHeading>
      <Paragraph>
        <Link to="/organisations" className="nl-link">
          {t("organisations.back")}
        </Link>
      </Paragraph>
      <Paragraph>{t("organisationForm.intro")}</Paragraph>
      <OrganisationForm onCreated={(organisation) => navigate(`/organisations/${organisation.id}`, { state: { created: true } })} />
    </>
  );
}
