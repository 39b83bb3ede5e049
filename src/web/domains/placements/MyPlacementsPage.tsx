import { formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { NotFoundPage } from "../errors/NotFoundPage.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { type MyPlacement, useMyPlacements, useSignMyAgreement } from "./myPlacementsApi.js";

/** The current agreement: its terms, and the client's own signature to give in the portal. */
function MyAgreement({ placement, clientId }: { placement: MyPlacement; clientId: string }) {
  const { t, i18n } = useTranslation();
  const sign = useSignMyAgreement(clientId, placement.id);
  const agreement = placement.currentAgreement;
  if (!agreement) return null;
  return (
    <>
      <Paragraph>
        {t("myPlacements.agreementToSign", {
          version: agreement.version,
          start: formatLongDate(agreement.startDate, i18n.language),
          end: formatLongDate(agreement.endDate, i18n.language),
          hours: agreement.hoursPerWeek,
        })}
      </Paragraph>
      {agreement.signatures.client ? (
        <Paragraph>{t("myPlacements.signedOn", { date: formatLongDate(agreement.signatures.client.signedOn, i18n.language) })}</Paragraph>
      ) : null}
      <ProblemAlert error={sign.error} />
      {agreement.abilities.signAsClient ? (
        <PrimaryActionButton type="button" busy={sign.isPending} onClick={() => sign.mutate()}>
          {t("myPlacements.signAgreement")}
          <span className="nv-visually-hidden"> ({placement.roleTitle})</span>
        </PrimaryActionButton>
      ) : null}
    </>
  );
}

function PlacementCard({ placement, clientId }: { placement: MyPlacement; clientId: string }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => formatLongDate(value, i18n.language);
  const titleId = `my-placement-${placement.id}`;
  return (
    <article className="nv-panel" aria-labelledby={titleId}>
      <Heading level={2} id={titleId} className="nv-panel__title">
        {placement.roleTitle}
        <span className="nv-cell-note">{placement.organisationName}</span>
      </Heading>
      <Paragraph>
        {placement.status === "ended"
          ? t("myPlacements.ended", { from: date(placement.startedOn), to: date(placement.endedOn) })
          : placement.hostSteps.begun
            ? t("myPlacements.running", { from: date(placement.startedOn), hours: placement.hoursPerWeek })
            : t("myPlacements.startsOn", { date: date(placement.startedOn) })}
      </Paragraph>
      {placement.status === "active" ? <MyAgreement placement={placement} clientId={clientId} /> : null}
      {placement.clientSide ? <Paragraph>{t("myPlacements.sideGiven", { date: date(placement.clientSide.givenOn) })}</Paragraph> : null}
      {placement.clientFeedback ? (
        <Paragraph>{t("myPlacements.feedbackGiven", { rating: placement.clientFeedback.rating })}</Paragraph>
      ) : null}
      <ul className="nv-link-list">
        {placement.abilities.giveClientSide ? (
          <li>
            <Link to={`/my-placements/${placement.id}/my-side`} className="nl-link">
              {t("myPlacements.giveSide")}
              <span className="nv-visually-hidden"> ({placement.roleTitle})</span>
            </Link>
          </li>
        ) : null}
        {placement.abilities.giveFeedback ? (
          <li>
            <Link to={`/my-placements/${placement.id}/feedback`} className="nl-link">
              {t("myPlacements.giveFeedback")}
              <span className="nv-visually-hidden"> ({placement.roleTitle})</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </article>
  );
}

/** "Mijn vrijwilligerswerk": the client's running and ended placements, with their side and their rating to give. */
export function MyPlacementsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const placements = useMyPlacements(me.clientId ?? "");
  if (me.role !== "client" || !me.clientId) return <NotFoundPage />;
  const items = placements.data?.items ?? [];
  return (
    <div className="nv-narrow nv-stack">
      <PageHeading>{t("myPlacements.title")}</PageHeading>
      <Paragraph>
        <Link to="/" className="nl-link">
          {t("client.backToHome")}
        </Link>
      </Paragraph>
      <Paragraph purpose="lead">{t("myPlacements.intro")}</Paragraph>
      <ProblemAlert error={placements.error} />
      {placements.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {placements.data && items.length === 0 ? <Paragraph>{t("myPlacements.empty")}</Paragraph> : null}
      {items.map((placement) => (
        <PlacementCard key={placement.id} placement={placement} clientId={me.clientId ?? ""} />
      ))}
    </div>
  );
}
