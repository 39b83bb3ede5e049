import type { ClientOutput } from "@shared/schemas/clients.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../session/CurrentUser.js";
import { useSanctions } from "./api.js";
import { ProposeSanctionForm } from "./ProposeSanctionForm.js";
import { SanctionsSection } from "./SanctionsSection.js";

function ClientExplanation() {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph>{t("sanctionsTab.client.what")}</Paragraph>
      <Paragraph>{t("sanctionsTab.client.never")}</Paragraph>
      <Paragraph>{t("sanctionsTab.client.respond")}</Paragraph>
      <Paragraph>{t("sanctionsTab.client.objection")}</Paragraph>
    </>
  );
}

/** Sanctions with due process: the list with its steps, and (for caseworkers) the proposal form. */
export function SanctionsTab({ client }: { client: ClientOutput }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  // The same query as the list below: answered from the cache, it says whether the caller may propose.
  const sanctions = useSanctions(client.id);
  return (
    <section aria-labelledby="sanctions-tab-title" className="nv-tab-panel">
      <Heading level={2} id="sanctions-tab-title">
        {t("clientTabs.sanctions")}
      </Heading>
      {me.role === "client" ? <ClientExplanation /> : <Paragraph>{t("sanctionsTab.intro")}</Paragraph>}
      <SanctionsSection client={client} />
      {sanctions.data?.abilities.propose ? <ProposeSanctionForm clientId={client.id} /> : null}
    </section>
  );
}
