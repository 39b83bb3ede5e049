import type { ClientOverview, WaitingItem } from "@shared/schemas/overview.js";
import { formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { clientTabPath } from "../clients/clientTabs.js";

/** Where the client answers each kind of question. */
function whereToAnswer(clientId: string, item: WaitingItem): string {
  switch (item.kind) {
    case "accountabilityRequest":
      return clientTabPath(clientId, "exemptions");
    case "sanctionHearing":
      return clientTabPath(clientId, "sanctions");
    case "objectionHearing":
      return `/objections/${item.id}`;
    case "objectionTerm":
      return "/my-decisions";
  }
}

/** What waits for the client's answer, each with the date to answer by and a link to where they answer. */
export function WaitingForYou({ clientId, waiting }: { clientId: string; waiting: ClientOverview["waiting"] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="waiting-title" className="nv-start__block">
      <Heading level={2} id="waiting-title">
        {t("start.waiting.title")}
      </Heading>
      {waiting.length === 0 ? (
        <Paragraph>{t("start.waiting.none")}</Paragraph>
      ) : (
        <ul className="nv-start__list">
          {waiting.map((item) => (
            <li key={`${item.kind}:${item.id}`}>
              {t(`start.waiting.${item.kind}.text`, { decision: item.decisionType ? t(`decisionType.${item.decisionType}`) : "" })}
              {item.respondBy ? (
                <>
                  <br />
                  <strong>{t(`start.waiting.${item.kind}.by`, { date: formatLongDate(item.respondBy, i18n.language) })}</strong>
                </>
              ) : null}
              <br />
              <Link to={whereToAnswer(clientId, item)} className="nl-link">
                {t(`start.waiting.${item.kind}.link`)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
