import type { ClientOutput } from "@shared/schemas/clients.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";
import { AccountabilitySection } from "../accountability/AccountabilitySection.js";
import { CaregivingSection } from "../caregiving/CaregivingSection.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { ExemptionsSection } from "./ExemptionsSection.js";

/** Exemptions, caregiving and accountability: why a client is asked less or nothing, and what already counts. */
export function ExemptionsTab({ client }: { client: ClientOutput }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <section aria-labelledby="exemptions-tab-title" className="nv-tab-panel">
      <Heading level={2} id="exemptions-tab-title">
        {t("clientTabs.exemptions")}
      </Heading>
      <Paragraph>{me.role === "client" ? t("exemptionsTab.introClient") : t("exemptionsTab.intro")}</Paragraph>
      <ExemptionsSection client={client} />
      <CaregivingSection client={client} />
      <AccountabilitySection client={client} />
    </section>
  );
}
