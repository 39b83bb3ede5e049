import type { MeAbility } from "@shared/schemas/users.js";
import { useLogout, useMe } from "@web/domains/session/api.js";
import { setLanguage } from "@web/i18n/index.js";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { ErrorBoundary } from "./ErrorBoundary.js";
import { PageLayout, SkipLink, SubtleButton } from "./nlds.js";

interface NavItem {
  to: string;
  label: string;
  /** The ability of `GET /me` that opens this item. */
  ability: MeAbility;
  /** Active only on this exact address, not on the addresses under it. */
  end?: boolean;
}

/** The menu, in one order for everyone; each caller sees the items their abilities open. */
const NAV_ITEMS: readonly NavItem[] = [
  // The client's own pages, after their start page "Wat moet ik doen?".
  { to: "/my-plan", label: "nav.myPlan", ability: "viewOwnPlan" },
  { to: "/my-decisions", label: "nav.myDecisions", ability: "viewOwnDecisions" },
  { to: "/", label: "nav.referrals", ability: "answerReferrals" },
  { to: "/placements", label: "nav.placements", ability: "answerReferrals" },
  { to: "/work-queue", label: "nav.workQueue", ability: "viewWorkQueue" },
  { to: "/my-day", label: "nav.myDay", ability: "viewMyDay" },
  { to: "/team", label: "nav.team", ability: "viewTeam" },
  { to: "/agencies", label: "nav.agencies", ability: "viewAgencies" },
  { to: "/clients", label: "nav.clients", ability: "viewCaseload" },
  { to: "/invitations", label: "nav.invite", ability: "inviteClients" },
  { to: "/organisations", label: "nav.organisations", ability: "viewOrganisations" },
  { to: "/roles", label: "nav.roles", ability: "viewRoles" },
  { to: "/match-plans", label: "nav.matchPlans", ability: "viewMatchPlans" },
  { to: "/exemptions", label: "nav.exemptions", ability: "coSignExemptions" },
  { to: "/sanctions", label: "nav.sanctions", ability: "viewProposedSanctions", end: true },
  { to: "/statistics", label: "nav.statistics", ability: "viewStatistics" },
  { to: "/statistics/effects", label: "nav.effects", ability: "viewEffects" },
  { to: "/research-export", label: "nav.researchExport", ability: "makeResearchExports" },
  { to: "/availability", label: "nav.availability", ability: "manageAvailability" },
  { to: "/ordinance", label: "nav.ordinance", ability: "manageOrdinance" },
  { to: "/registry", label: "nav.registry", ability: "manageRegistry" },
  { to: "/scheduler", label: "nav.scheduler", ability: "viewScheduler" },
  { to: "/notifications", label: "nav.notifications", ability: "viewNotifications" },
  { to: "/users", label: "nav.users", ability: "manageUsers" },
  { to: "/audit-log", label: "nav.auditLog", ability: "viewAuditLog" },
];

/** The menu items the caller's abilities open; without any start page of its own, the home page leads. */
export function navItemsFor(abilities: Record<MeAbility, boolean>): Omit<NavItem, "ability">[] {
  const items = NAV_ITEMS.filter((item) => abilities[item.ability]);
  const ownStart = abilities.answerReferrals || abilities.viewWorkQueue || abilities.viewCaseload;
  return ownStart ? items : [{ to: "/", label: "nav.home" }, ...items];
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === "en" ? "nl" : "en";
  return (
    <SubtleButton type="button" lang={other} onClick={() => setLanguage(other)} className="nv-header__language">
      {t(`language.switchTo.${other}`)}
    </SubtleButton>
  );
}

/** The frame of every page: skip link, header with navigation and account actions, main content, footer. */
export function Layout() {
  const { t } = useTranslation();
  const me = useMe().data;
  const logout = useLogout();
  const navigate = useNavigate();
  // A new address gets a fresh error boundary, so one broken page does not break the next.
  const location = useLocation();

  return (
    <PageLayout className="nv-page">
      <SkipLink href="#main">{t("app.skipToContent")}</SkipLink>
      <header className="nv-header">
        <div className="nv-header__bar">
          <NavLink to="/" className="nv-header__brand">
            {t("app.name")}
          </NavLink>
          <div className="nv-header__actions">
            <LanguageSwitch />
            {me ? (
              <>
                <span className="nv-header__user">{t("header.loggedInAs", { name: me.displayName })}</span>
                {me.loginMethod === "digid" ? null : (
                  <NavLink to="/account/password" className="nv-header__link">
                    {t("nav.changePassword")}
                  </NavLink>
                )}
                <SubtleButton
                  type="button"
                  busy={logout.isPending}
                  onClick={() => {
                    // After a login through a provider, the login page offers to log out there too.
                    // After a login through a provider, the login page offers to log out there too. It is loaded
                    // afresh, after the page that needed the login has sent the browser to the plain login page.
                    const method = me.loginMethod === "digid" || me.loginMethod === "staff" ? me.loginMethod : null;
                    if (method) {
                      void logout.mutateAsync().finally(() => window.location.replace(`/login?loggedOut=${method}`));
                    } else {
                      logout.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) });
                    }
                  }}
                >
                  {t("header.logout")}
                </SubtleButton>
              </>
            ) : null}
          </div>
        </div>
        {me ? (
          <nav className="nv-nav" aria-label={t("nav.label")}>
            <ul className="nv-nav__list">
              {navItemsFor(me.abilities).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end ?? item.to === "/"} className="nv-nav__link">
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className="nv-main">
        <ErrorBoundary key={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
      <footer className="nv-footer">
        <p>{t("app.footer")}</p>
      </footer>
    </PageLayout>
  );
}
