import { Heading, Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

const REFUSE = ["health", "unsuitable", "paidWork", "consequence"] as const;
const OBJECT = ["when", "how", "write", "representative"] as const;
const HELP = ["juridischLoket", "ombudsman", "someone"] as const;

/** "Uw rechten": what the client may refuse and what refusing can mean, how to object, and where free help is. */
export function RightsPage() {
  const { t } = useTranslation();
  const list = (section: string, items: readonly string[]) => (
    <ul className="nv-rights-list">
      {items.map((item) => (
        <li key={item}>{t(`rights.${section}.${item}`)}</li>
      ))}
    </ul>
  );
  return (
    <div className="nv-narrow">
      <PageHeading>{t("rights.title")}</PageHeading>
      <Paragraph purpose="lead">{t("rights.intro")}</Paragraph>
      <Heading level={2}>{t("rights.refuse.heading")}</Heading>
      {list("refuse", REFUSE)}
      <Heading level={2}>{t("rights.object.heading")}</Heading>
      {list("object", OBJECT)}
      <Heading level={2}>{t("rights.help.heading")}</Heading>
      {list("help", HELP)}
      <Heading level={2}>{t("rights.data.heading")}</Heading>
      <Paragraph>{t("rights.data.text")}</Paragraph>
      <Paragraph>
        <Link to="/my-data" className="nl-link">
          {t("rights.data.link")}
        </Link>
      </Paragraph>
      <Paragraph>
        <Link to="/" className="nl-link">
          {t("client.backToHome")}
        </Link>
      </Paragraph>
    </div>
  );
}
