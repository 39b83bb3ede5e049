import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** Shown for an address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="nv-narrow">
      <PageHeading>{t("notFound.title")}</PageHeading>
      <Paragraph>{t("notFound.text")}</Paragraph>
      <Paragraph>
        <Link to="/" className="nl-link">
          {t("notFound.home")}
        </Link>
      </Paragraph>
    </div>
  );
}
