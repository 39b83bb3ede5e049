import type { ClientOutput } from "@shared/schemas/clients.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../session/CurrentUser.js";
import { DecisionsList } from "./DecisionsList.js";

/** The decisions (besluiten) in a client's record: for staff with legal basis and objection; for the client in plain words. */
export function DecisionsTab({ client }: { client: ClientOutput }) {
  const { t } = useTranslation();
  const asClient = useCurrentUser().role === "client";
  return (
    <section aria-labelledby="decisions-tab-title" className="nv-tab-panel">
      <Heading level={2} id="decisions-tab-title">
        {asClient ? t("myDecisions.title") : t("clientTabs.decisions")}
      </Heading>
      <Paragraph>{asClient ? t("myDecisions.intro") : t("decisions.intro")}</Paragraph>
      <DecisionsList clientId={client.id} asClient={asClient} level={3} />
    </section>
  );
}
