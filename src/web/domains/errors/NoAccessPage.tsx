import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** Shown when the user's role may not open this page. */
export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <div className="nv-narrow">
      <PageHeading>{t("noAccess.title")}</PageHeading>
      <Paragraph>{t("noAccess.text")}</Paragraph>
      <Paragraph>
        <Link to="/" className="nl-link">
          {t("notFound.home")}
        </Link>
      </Paragraph>
    </div>
  );
}
