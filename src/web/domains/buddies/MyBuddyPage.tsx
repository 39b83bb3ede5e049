import type { BuddyAgreementOutput, BuddyPairingOutput } from "@shared/schemas/buddies.js";
import { Alert } from "@web/components/Alert.js";
import { formatHours, formatLongDate } from "@web/components/format.js";
import { Heading, Paragraph, PrimaryActionButton, SecondaryActionButton } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { NotFoundPage } from "../errors/NotFoundPage.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { useClientPairings, useEndAgreement, useEndPairing } from "./api.js";
import { ConfirmStop } from "./ConfirmStop.js";
import { MeetingForm } from "./MeetingForm.js";

/** One pairing from the client's side: who, how to reach them (phone first), and stopping with one confirmation. */
function PairingCard({ pairing }: { pairing: BuddyPairingOutput }) {
  const { t, i18n } = useTranslation();
  const end = useEndPairing();
  const [confirming, setConfirming] = useState(false);
  const titleId = `pairing-${pairing.id}`;
  const who = pairing.partner.firstName;
  const prefix = pairing.side === "buddy" ? "myBuddy.helping" : "myBuddy.mine";
  return (
    <article className="nv-panel" aria-labelledby={titleId}>
      <Heading level={2} id={titleId} className="nv-panel__title">
        {t(`${prefix}.title`, { name: who })}
      </Heading>
      {pairing.status === "active" ? (
        <>
          {pairing.partner.phone ? (
            <Paragraph>
              {t("myBuddy.call", { name: who })}{" "}
              <a className="nl-link" href={`tel:${pairing.partner.phone.replace(/[^0-9+]/g, "")}`}>
                {pairing.partner.phone}
              </a>
            </Paragraph>
          ) : null}
          {pairing.partner.email ? (
            <Paragraph>
              {t("myBuddy.mail")}{" "}
              <a className="nl-link" href={`mailto:${pairing.partner.email}`}>
                {pairing.partner.email}
              </a>
            </Paragraph>
          ) : null}
          <Paragraph>{t("myBuddy.since", { date: formatLongDate(pairing.pairedOn, i18n.language) })}</Paragraph>
          {pairing.side === "buddy" ? <Paragraph>{t("myBuddy.helping.privacy", { name: who })}</Paragraph> : null}
          <MeetingForm pairing={pairing} level={3} />
        </>
      ) : (
        <>
          <Paragraph>{t("myBuddy.ended", { date: formatLongDate(pairing.endedOn, i18n.language) })}</Paragraph>
          {pairing.side === "supported" && pairing.endedBy === "partner" ? (
            <Paragraph>{t("myBuddy.partnerStopped", { name: who })}</Paragraph>
          ) : null}
        </>
      )}
      <ProblemAlert error={end.error} />
      {end.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>{t("myBuddy.stopped")}</Paragraph>
        </Alert>
      ) : null}
      {pairing.abilities.end && !confirming ? (
        <Paragraph>
          <SecondaryActionButton type="button" onClick={() => setConfirming(true)}>
            {t("myBuddy.stop", { name: who })}
          </SecondaryActionButton>
        </Paragraph>
      ) : null}
      {pairing.abilities.end && confirming ? (
        <section className="nv-panel nv-panel--quiet" aria-labelledby={`${titleId}-confirm`}>
          <Heading level={3} id={`${titleId}-confirm`} className="nv-panel__title">
            {t("myBuddy.confirm.title")}
          </Heading>
          <Paragraph>{t("myBuddy.confirm.noReason")}</Paragraph>
          <Paragraph>
            <PrimaryActionButton
              type="button"
              busy={end.isPending}
              onClick={() => end.mutate(pairing.id, { onSettled: () => setConfirming(false) })}
            >
              {t("myBuddy.confirm.yes")}
            </PrimaryActionButton>{" "}
            <SecondaryActionButton type="button" onClick={() => setConfirming(false)}>
              {t("myBuddy.confirm.no")}
            </SecondaryActionButton>
          </Paragraph>
        </section>
      ) : null}
    </article>
  );
}

/** The client's own agreement as a buddy: since when it counts, and stopping it with one confirmation and no reason. */
function AgreementCard({ agreement }: { agreement: BuddyAgreementOutput }) {
  const { t, i18n } = useTranslation();
  const end = useEndAgreement();
  return (
    <article className="nv-panel" aria-labelledby="buddy-agreement-title">
      <Heading level={2} id="buddy-agreement-title" className="nv-panel__title">
        {t("myBuddy.agreement.title")}
      </Heading>
      {agreement.status === "active" ? (
        <Paragraph>
          {t("myBuddy.agreement.running", {
            date: formatLongDate(agreement.since, i18n.language),
            hours: formatHours(agreement.hoursPerWeek, i18n.language),
          })}
        </Paragraph>
      ) : (
        <Paragraph>{t("myBuddy.agreement.ended", { date: formatLongDate(agreement.endedOn, i18n.language) })}</Paragraph>
      )}
      <ProblemAlert error={end.error} />
      {end.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>{t("myBuddy.agreement.stopped")}</Paragraph>
        </Alert>
      ) : null}
      {agreement.abilities.end ? (
        <ConfirmStop
          id="buddy-agreement-confirm"
          level={3}
          label={t("myBuddy.agreement.stop")}
          title={t("myBuddy.agreement.confirmTitle")}
          yes={t("myBuddy.confirm.yes")}
          no={t("myBuddy.confirm.no")}
          busy={end.isPending}
          onConfirm={(done) => end.mutate(agreement.id, { onSettled: done })}
        >
          <Paragraph>{t("myBuddy.agreement.confirmText")}</Paragraph>
          <Paragraph>{t("myBuddy.agreement.confirmPairings")}</Paragraph>
        </ConfirmStop>
      ) : null}
    </article>
  );
}

/** "Mijn maatje": the client's buddy, or the person they support as a buddy, in plain words and phone first. */
export function MyBuddyPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const pairings = useClientPairings(me.clientId ?? "");
  if (me.role !== "client" || !me.clientId) return <NotFoundPage />;
  const items = pairings.data?.items ?? [];
  return (
    <div className="nv-narrow nv-stack">
      <PageHeading>{t("myBuddy.title")}</PageHeading>
      <Paragraph>
        <Link to="/" className="nl-link">
          {t("client.backToHome")}
        </Link>
      </Paragraph>
      <Paragraph purpose="lead">{t("myBuddy.intro")}</Paragraph>
      <ProblemAlert error={pairings.error} />
      {pairings.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {pairings.data && items.length === 0 && !pairings.data.agreement ? <Paragraph>{t("myBuddy.empty")}</Paragraph> : null}
      {pairings.data?.agreement ? <AgreementCard agreement={pairings.data.agreement} /> : null}
      {items.map((pairing) => (
        <PairingCard key={pairing.id} pairing={pairing} />
      ))}
    </div>
  );
}
