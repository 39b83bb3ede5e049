import { Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { ReferralsPage } from "../placements/ReferralsPage.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { ClientStartPage } from "./ClientStartPage.js";

/**
 * The start page: caseworkers go straight to their work queue, admins to the caseload, hosts to their referrals,
 * clients to "Wat moet ik doen?"; others read what they can do here.
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { abilities } = me;
  // Caseworkers start the day with what needs attention; administrators with the client registry.
  if (abilities.viewWorkQueue && abilities.inviteClients) return <Navigate to="/work-queue" replace />;
  if (abilities.viewCaseload) return <Navigate to="/clients" replace />;
  // A host organisation starts with its referrals.
  if (abilities.answerReferrals) return <ReferralsPage />;
  // A client starts with what they have to do: "Wat moet ik doen?".
  if (me.role === "client" && me.clientId) return <ClientStartPage clientId={me.clientId} />;

  return (
    <div className="nv-narrow">
      <PageHeading>{t("home.title", { name: me.displayName })}</PageHeading>
      <Paragraph purpose="lead">{t(`home.${me.role}.intro`)}</Paragraph>
      <Paragraph>{t(`home.${me.role}.now`)}</Paragraph>
      <ul className="nv-link-list">
        {me.clientId ? (
          <li>
            <Link to={`/clients/${me.clientId}`} className="nl-link">
              {t("home.client.ownRecord")}
            </Link>
          </li>
        ) : null}
        {abilities.viewStatistics ? (
          <li>
            <Link to="/statistics" className="nl-link">
              {t("home.researcher.statistics")}
            </Link>
          </li>
        ) : null}
        {abilities.viewEffects ? (
          <li>
            <Link to="/statistics/effects" className="nl-link">
              {t("home.researcher.effects")}
            </Link>
          </li>
        ) : null}
        {me.loginMethod === "digid" ? null : (
          <li>
            <Link to="/account/password" className="nl-link">
              {t("nav.changePassword")}
            </Link>
          </li>
        )}
      </ul>
    </div>
  );
}
