import { Alert } from "@web/components/Alert.js";
import { Heading, Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FeedbackFigures } from "../organisations/FeedbackFigures.js";
import { GuidanceOverview } from "../organisations/GuidanceOverview.js";
import { MunicipalSupport } from "../organisations/MunicipalSupport.js";
import { PartnerProfile } from "../organisations/PartnerProfile.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { usePlacements } from "./api.js";
import { ReferralCard } from "./ReferralCard.js";

/** The host's start page: open referrals to accept or decline, and the guidance the organisation can still give. */
export function ReferralsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const referrals = usePlacements({ status: "proposed", pageSize: 50 });
  const [notice, setNotice] = useState<string | null>(null);
  const items = referrals.data?.items ?? [];

  return (
    <>
      <PageHeading>{t("referrals.title")}</PageHeading>
      <Paragraph purpose="lead">{t("referrals.intro")}</Paragraph>
      {notice ? (
        <Alert type="ok" role="status">
          <p className="nv-alert-text">{notice}</p>
          <p className="nv-alert-text">
            <Link to="/placements" className="nl-link">
              {t("referrals.toPlacements")}
            </Link>
          </p>
        </Alert>
      ) : null}
      <section aria-labelledby="referrals-list-title">
        <Heading level={2} id="referrals-list-title">
          {t("referrals.listTitle", { count: items.length })}
        </Heading>
        <ProblemAlert error={referrals.error} />
        {referrals.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
        {referrals.data && items.length === 0 ? <Paragraph>{t("referrals.empty")}</Paragraph> : null}
        {items.map((placement) => (
          <ReferralCard key={placement.id} placement={placement} onDecided={setNotice} />
        ))}
      </section>
      {me.organisationId ? <GuidanceOverview organisationId={me.organisationId} audience="host" /> : null}
      {me.organisationId ? <FeedbackFigures organisationId={me.organisationId} /> : null}
      {me.organisationId ? <PartnerProfile organisationId={me.organisationId} /> : null}
      {me.organisationId ? <MunicipalSupport organisationId={me.organisationId} /> : null}
    </>
  );
}
