import type { PlacementOutput } from "@shared/schemas/placements.js";
import { FactsList } from "@web/components/FactsList.js";
import { formatLongDate } from "@web/components/format.js";
import { Heading } from "@web/components/nlds.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { clientTabPath } from "../clients/clientTabs.js";

type Determined = NonNullable<PlacementOutput["attribution"]>;

/** The consultant's determination of an ending: the client's side, to whom it is attributable and why, and its decision. */
export function AttributionFacts({ placement, attribution }: { placement: PlacementOutput; attribution: Determined }) {
  const { t, i18n } = useTranslation();
  const heard = t("placementAttribution.heardOnChannel", {
    date: formatLongDate(attribution.heardOn, i18n.language),
    channel: t(`hearingChannel.${attribution.channel}`),
  });
  const determined = attribution.determinedBy
    ? t("placementAttribution.determinedByOn", {
        name: attribution.determinedBy,
        date: formatLongDate(attribution.determinedOn, i18n.language),
      })
    : formatLongDate(attribution.determinedOn, i18n.language);
  const rows: [string, string][] = [
    [t("placementAttribution.clientAccount"), attribution.clientAccount],
    [t("placementAttribution.heard"), heard],
    [t("placementAttribution.reasons"), attribution.reasons],
    [t("placementAttribution.determined"), determined],
  ];

  return (
    <section className="nv-panel nv-panel--quiet" aria-labelledby="attribution-facts-title">
      <Heading level={2} id="attribution-facts-title" className="nv-panel__title">
        {t("placementAttribution.factsTitle")}
      </Heading>
      <FactsList rows={rows} />
      {attribution.decisionId ? (
        <Link to={`${clientTabPath(placement.clientId, "decisions")}#decision-${attribution.decisionId}`} className="nl-link nv-block-link">
          {t("placementAttribution.toDecision")}
        </Link>
      ) : null}
    </section>
  );
}
