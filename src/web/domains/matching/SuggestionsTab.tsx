import type { ClientOutput } from "@shared/schemas/clients.js";
import type { SuggestionOutput } from "@shared/schemas/matching.js";
import type { PlacementOutput } from "@shared/schemas/placements.js";
import { Alert } from "@web/components/Alert.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { clientTabPath } from "../clients/clientTabs.js";
import { ReferralUndoStatus } from "../placements/ReferralUndoStatus.js";
import { useProposeSuggestion, useSuggestions } from "./api.js";
import { SuggestionCard } from "./SuggestionCard.js";
import { SuggestionsBlocked } from "./SuggestionsBlocked.js";
import { ExcludedSummary, NotOffered, SuggestionsBasis } from "./SuggestionsContext.js";

/** Says the proposal went through and where to follow it, with undo while the host does not see it yet. */
function ProposedNotice({ placement, onUndone }: { placement: PlacementOutput; onUndone: () => void }) {
  const { t } = useTranslation();
  return (
    <ReferralUndoStatus placementId={placement.id} canUndo={placement.abilities.undo} onUndone={onUndone} focusKey={placement.id}>
      <p className="nv-alert-text">
        {t("suggestions.proposed", {
          name: placement.clientGivenName,
          role: placement.roleTitle,
          organisation: placement.organisationName,
        })}
      </p>
      <p className="nv-alert-text">
        <Link to={`/placements/${placement.id}`} className="nl-link">
          {t("suggestions.toPlacement")}
        </Link>
        {" · "}
        <Link to={clientTabPath(placement.clientId, "placements")} className="nl-link">
          {t("suggestions.toPlacements")}
        </Link>
      </p>
    </ReferralUndoStatus>
  );
}

/** The ten best fitting open roles for the client, with the reasons, and proposing the client for one. */
export function SuggestionsTab({ client }: { client: ClientOutput }) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(client.id);
  const propose = useProposeSuggestion(client.id);
  const [chosen, setChosen] = useState<SuggestionOutput | null>(null);
  // The proposal last undone, to say so where its status was.
  const [undone, setUndone] = useState<PlacementOutput | null>(null);
  const confirmation = useConfirmation({
    title: t("sendProposal.title"),
    body: t("sendProposal.placement", {
      organisation: chosen?.organisationName ?? "",
      name: `${client.givenName} ${client.familyName}`,
      role: chosen?.title ?? "",
    }),
    confirmLabel: t("sendProposal.send"),
  });
  const data = suggestions.data;
  const items = data?.items ?? [];

  return (
    <section aria-labelledby="suggestions-tab-title" className="nv-tab-panel">
      <Heading level={2} id="suggestions-tab-title">
        {t("clientTabs.suggestions")}
      </Heading>
      <Paragraph>{t("suggestions.intro")}</Paragraph>
      <Paragraph>{t("suggestions.rankingIntro")}</Paragraph>
      {propose.isSuccess ? (
        <ProposedNotice
          placement={propose.data}
          onUndone={() => {
            setUndone(propose.data);
            propose.reset();
          }}
        />
      ) : null}
      {undone ? (
        <Alert type="ok" role="status">
          {t("undoReferral.done", { role: undone.roleTitle, organisation: undone.organisationName })}
        </Alert>
      ) : null}
      <ProblemAlert error={propose.error} />
      <ProblemAlert error={suggestions.error} />
      {suggestions.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {data?.blockedBy ? <SuggestionsBlocked blockedBy={data.blockedBy} clientId={client.id} name={client.givenName} /> : null}
      {data && !data.blockedBy ? <SuggestionsBasis suggestions={data} /> : null}
      {data && !data.blockedBy && items.length === 0 ? <Paragraph>{t("suggestions.empty")}</Paragraph> : null}
      {items.length > 0 ? (
        <ol className="nv-suggestions" aria-label={t("suggestions.listLabel", { count: items.length, name: client.givenName })}>
          {items.map((suggestion) => (
            <SuggestionCard
              key={suggestion.roleId}
              suggestion={suggestion}
              busy={propose.isPending && propose.variables?.roleId === suggestion.roleId}
              onPropose={() => {
                // The proposal goes to the host organisation: asked first.
                setChosen(suggestion);
                setUndone(null);
                confirmation.ask(() => propose.mutate({ roleId: suggestion.roleId, hoursPerWeek: suggestion.hoursPerWeek }));
              }}
            />
          ))}
        </ol>
      ) : null}
      {data && !data.blockedBy ? <NotOffered roles={data.notOffered} /> : null}
      {data && !data.blockedBy ? <ExcludedSummary excluded={data.excluded} /> : null}
      {confirmation.dialog}
    </section>
  );
}
