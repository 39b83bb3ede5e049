import { Heading, Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { NotFoundPage } from "../errors/NotFoundPage.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { dataExportUrl } from "./api.js";

/** "Mijn gegevens": the client downloads everything held on them (AVG art. 15) and finds who opened their file. */
export function MyDataPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (me.role !== "client" || !me.clientId) return <NotFoundPage />;
  return (
    <div className="nv-narrow">
      <PageHeading>{t("myData.title")}</PageHeading>
      <Paragraph>
        <Link to="/" className="nl-link">
          {t("client.backToHome")}
        </Link>
      </Paragraph>
      <Paragraph purpose="lead">{t("myData.intro")}</Paragraph>
      <Heading level={2}>{t("myData.downloadHeading")}</Heading>
      <Paragraph>{t("myData.downloadHelp")}</Paragraph>
      <ul className="nv-link-list">
        <li>
          <a href={dataExportUrl(me.clientId, "pdf")} download className="nl-link">
            {t("myData.downloadPdf")}
          </a>
        </li>
        <li>
          <a href={dataExportUrl(me.clientId, "json")} download="mijn-gegevens.json" className="nl-link">
            {t("myData.downloadJson")}
          </a>
        </li>
      </ul>
      <Heading level={2}>{t("myData.moreHeading")}</Heading>
      <ul className="nv-link-list">
        <li>
          <Link to={`/clients/${me.clientId}/access-log`} className="nl-link">
            {t("accessLog.titleOwn")}
          </Link>
        </li>
        <li>
          <Link to="/rights" className="nl-link">
            {t("rights.title")}
          </Link>
        </li>
      </ul>
      <Paragraph>{t("myData.wrong")}</Paragraph>
    </div>
  );
}
