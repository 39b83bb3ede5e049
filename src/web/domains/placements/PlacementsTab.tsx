import type { ClientOutput } from "@shared/schemas/clients.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { ActivityProposalsSection } from "../activity-proposals/ActivityProposalsSection.js";
import { BuddySection } from "../buddies/BuddySection.js";
import { ContributionsSection } from "../contributions/ContributionsSection.js";
import { usePlacements } from "./api.js";
import { PlacementsTable } from "./PlacementsTable.js";
import { ProposeForm } from "./ProposeForm.js";

/** The client's placements, proposing a new one, and volunteer work the client already does. */
export function PlacementsTab({ client }: { client: ClientOutput }) {
  const { t } = useTranslation();
  const placements = usePlacements({ clientId: client.id, pageSize: 100 });
  const items = placements.data?.items ?? [];
  const { abilities } = client;

  return (
    <section aria-labelledby="placements-tab-title" className="nv-tab-panel">
      <Heading level={2} id="placements-tab-title">
        {t("clientPlacements.title")}
      </Heading>
      <ProblemAlert error={placements.error} />
      {placements.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {placements.data && items.length === 0 ? <Paragraph>{t("clientPlacements.empty")}</Paragraph> : null}
      {items.length > 0 ? (
        <PlacementsTable
          caption={t("clientPlacements.caption", { count: items.length, name: client.givenName })}
          placements={items}
          nameBy="organisation"
          showAttribution
        />
      ) : null}
      {abilities.proposePlacement ? <ProposeForm clientId={client.id} clientName={`${client.givenName} ${client.familyName}`} /> : null}
      {abilities.viewContributions ? (
        <ContributionsSection
          clientId={client.id}
          clientName={`${client.givenName} ${client.familyName}`}
          mayFormalise={abilities.formaliseContribution}
        />
      ) : null}
      {abilities.viewContributions ? <ActivityProposalsSection clientId={client.id} /> : null}
      {abilities.viewContributions ? <BuddySection clientId={client.id} clientName={`${client.givenName} ${client.familyName}`} /> : null}
    </section>
  );
}
