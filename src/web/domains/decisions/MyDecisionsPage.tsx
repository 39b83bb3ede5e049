import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { NotFoundPage } from "../errors/NotFoundPage.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { DecisionsList } from "./DecisionsList.js";

/** "Mijn besluiten": the client's own decisions in plain words, with the letter and the way to object. */
export function MyDecisionsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (me.role !== "client" || !me.clientId) return <NotFoundPage />;
  return (
    <div className="nv-narrow">
      <PageHeading>{t("myDecisions.title")}</PageHeading>
      <Paragraph>
        <Link to="/" className="nl-link">
          {t("client.backToHome")}
        </Link>
      </Paragraph>
      <Paragraph purpose="lead">{t("myDecisions.intro")}</Paragraph>
      <Paragraph>{t("myDecisions.help")}</Paragraph>
      <DecisionsList clientId={me.clientId} asClient level={2} />
    </div>
  );
}
