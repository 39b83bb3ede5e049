import type { ClientOutput } from "@shared/schemas/clients.js";
import { Alert } from "@web/components/Alert.js";
import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams, useSearchParams } from "react-router";
import { AppointmentsTab } from "../appointments/AppointmentsTab.js";
import { CheckInsTab } from "../check-ins/CheckInsTab.js";
import { DecisionsTab } from "../decisions/DecisionsTab.js";
import { ExemptionsTab } from "../exemptions/ExemptionsTab.js";
import { IntakeTab } from "../intakes/IntakeTab.js";
import { LadderTab } from "../intakes/LadderTab.js";
import { LettersTab } from "../letters/LettersTab.js";
import { SuggestionsTab } from "../matching/SuggestionsTab.js";
import { PlacementsTab } from "../placements/PlacementsTab.js";
import { PlanTab } from "../plans/PlanTab.js";
import { SanctionsTab } from "../sanctions/SanctionsTab.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { AccessReasonForm } from "./AccessReasonForm.js";
import { needsAccessReason } from "./accessReason.js";
import { useClient, useStatusSummary } from "./api.js";
import { ClientDataSection } from "./ClientDataSection.js";
import { ClientTabs } from "./ClientTabs.js";
import { type ClientTab, clientTabsFor } from "./clientTabs.js";
import { RecordHeader } from "./RecordHeader.js";

function TabContent({ tab, client }: { tab: ClientTab; client: ClientOutput }): ReactNode {
  switch (tab) {
    case "appointments":
      return <AppointmentsTab client={client} />;
    case "letters":
      return <LettersTab client={client} />;
    case "intake":
      return <IntakeTab client={client} />;
    case "plan":
      return <PlanTab client={client} />;
    case "placements":
      return <PlacementsTab client={client} />;
    case "suggestions":
      return <SuggestionsTab client={client} />;
    case "check-ins":
      return <CheckInsTab client={client} />;
    case "ladder":
      return <LadderTab client={client} />;
    case "exemptions":
      return <ExemptionsTab client={client} />;
    case "sanctions":
      return <SanctionsTab client={client} />;
    case "decisions":
      return <DecisionsTab client={client} />;
    default:
      return <ClientDataSection client={client} />;
  }
}

/** What the previous page asks to announce: a saved client record, intake or check-in. */
function useNotice(): string | null {
  const state = useLocation().state as { saved?: boolean; notice?: string } | null;
  if (state?.notice) return `client.notices.${state.notice}`;
  return state?.saved === true ? "client.saved" : null;
}

/** One client's record: registered data, appointments, letters, intake, plan, placements, suggestions, check-ins, ladder, exemptions, sanctions and decisions, each in a tab. */
export function ClientDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [search] = useSearchParams();
  const me = useCurrentUser();
  const notice = useNotice();
  const client = useClient(id);
  const name = client.data ? `${client.data.givenName} ${client.data.familyName}` : t("client.title");
  // A host reads the need-to-know profile, which carries no abilities: only its data.
  const tabs = clientTabsFor(client.data && "abilities" in client.data ? client.data.abilities : undefined);
  const requested = search.get("tab") as ClientTab | null;
  const tab = requested && tabs.includes(requested) ? requested : "data";

  // The record's summary is read with it; an administrator who registered the client still names a task to read more.
  const withSummary = client.data !== undefined && "abilities" in client.data && client.data.abilities.viewStatusSummary;
  const summary = useStatusSummary(id, withSummary);

  if (needsAccessReason(client.error) || needsAccessReason(summary.error)) return <AccessReasonForm clientId={id} />;
  return (
    <>
      <PageHeading documentTitle={tab === "data" ? name : t("clientTabs.documentTitle", { tab: t(`clientTabs.${tab}`), name })}>
        {name}
      </PageHeading>
      <Paragraph>
        {me.abilities.viewCaseload ? (
          <Link to="/clients" className="nl-link">
            {t("client.backToCaseload")}
          </Link>
        ) : (
          <Link to="/" className="nl-link">
            {t("client.backToHome")}
          </Link>
        )}
      </Paragraph>
      {notice ? (
        <Alert type="ok" role="status">
          {t(notice)}
        </Alert>
      ) : null}
      {client.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      <ProblemAlert error={client.error} />
      {client.data ? (
        <>
          {withSummary ? <RecordHeader clientId={id} /> : null}
          {tabs.length > 1 ? <ClientTabs clientId={id} name={name} tabs={tabs} current={tab} /> : null}
          <TabContent tab={tab} client={client.data} />
        </>
      ) : null}
    </>
  );
}
