import { Heading, Paragraph } from "@web/components/nlds.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ProposeActivityLink } from "../activity-proposals/ProposeActivityLink.js";
import { ContactDetailsLink } from "../notifications/ContactDetailsLink.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { AskedNow } from "./AskedNow.js";
import { useClientOverview } from "./api.js";
import { ConsultantContact } from "./ConsultantContact.js";
import { NextAppointment } from "./NextAppointment.js";
import { WaitingForYou } from "./WaitingForYou.js";

/**
 * The client's start page, "Wat moet ik doen?": the next appointment, what is asked now, what waits for their answer
 * and their consultant. Nothing else on the first screen; the links to the client's other pages follow below it.
 */
export function ClientStartPage({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const overview = useClientOverview(clientId);
  const data = overview.data;

  return (
    <div className="nv-narrow nv-start">
      <PageHeading>{t("start.title")}</PageHeading>
      {data ? <Paragraph purpose="lead">{t("start.greeting", { name: data.givenName })}</Paragraph> : null}
      {overview.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      <ProblemAlert error={overview.error} />
      {data ? (
        <>
          <NextAppointment clientId={clientId} appointment={data.nextAppointment} />
          <AskedNow steps={data.steps} placements={data.placements} />
          <WaitingForYou clientId={clientId} waiting={data.waiting} />
          <ConsultantContact consultant={data.consultant} teamPhone={data.teamPhone} />
        </>
      ) : null}
      <nav aria-labelledby="more-title" className="nv-start__more">
        <Heading level={2} id="more-title">
          {t("start.more.title")}
        </Heading>
        {/* One line per page of the client's own that the menu does not hold; keep them short. */}
        <ul className="nv-link-list">
          {me.abilities.viewOwnPlan ? (
            <li>
              <Link to="/my-plan" className="nl-link">
                {t("start.more.myPlan")}
              </Link>
            </li>
          ) : null}
          <li>
            <Link to="/my-check-in" className="nl-link">
              {t("home.client.checkIn")}
            </Link>
          </li>
          <li>
            <Link to="/my-placements" className="nl-link">
              {t("home.client.placements")}
            </Link>
          </li>
          <li>
            <Link to="/my-buddy" className="nl-link">
              {t("home.client.buddy")}
            </Link>
          </li>
          <ProposeActivityLink />
          <li>
            <Link to="/my-data" className="nl-link">
              {t("home.client.myData")}
            </Link>
          </li>
          <ContactDetailsLink />
          <li>
            <Link to="/rights" className="nl-link">
              {t("home.client.rights")}
            </Link>
          </li>
          <li>
            <Link to={`/clients/${clientId}`} className="nl-link">
              {t("home.client.ownRecord")}
            </Link>
          </li>
          {me.loginMethod === "digid" ? null : (
            <li>
              <Link to="/account/password" className="nl-link">
                {t("nav.changePassword")}
              </Link>
            </li>
          )}
        </ul>
      </nav>
    </div>
  );
}
