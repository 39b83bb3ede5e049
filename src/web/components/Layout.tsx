import type { UserRole } from "@shared/enums.js";
import { useLogout, useMe } from "@web/domains/session/api.js";
import { setLanguage } from "@web/i18n/index.js";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { ErrorBoundary } from "./ErrorBoundary.js";
import { PageLayout, SkipLink, SubtleButton } from "./nlds.js";

interface NavItem {
  to: string;
  label: string;
  /** Active only on this exact address, not on the addresses under it. */
  end?: boolean;
}

const MATCH_PLANS: NavItem = { to: "/match-plans", label: "nav.matchPlans" };

const SANCTIONS: NavItem[] = [
  { to: "/sanctions", label: "nav.sanctions", end: true },
  { to: "/sanctions/statistics", label: "nav.sanctionStatistics" },
];

function navItemsFor(role: UserRole): NavItem[] {
  switch (role) {
    case "admin":
      return [
        { to: "/clients", label: "nav.clients" },
        { to: "/organisations", label: "nav.organisations" },
        { to: "/roles", label: "nav.roles" },
        MATCH_PLANS,
        { to: "/exemptions", label: "nav.exemptions" },
        ...SANCTIONS,
        { to: "/ordinance", label: "nav.ordinance" },
        { to: "/scheduler", label: "nav.scheduler" },
        { to: "/users", label: "nav.users" },
        { to: "/audit-log", label: "nav.auditLog" },
      ];
    case "consultant":
      return [
        { to: "/work-queue", label: "nav.workQueue" },
        { to: "/clients", label: "nav.clients" },
        { to: "/invitations", label: "nav.invite" },
        { to: "/organisations", label: "nav.organisations" },
        { to: "/roles", label: "nav.roles" },
        MATCH_PLANS,
        { to: "/availability", label: "nav.availability" },
      ];
    case "host":
      return [
        { to: "/", label: "nav.referrals" },
        { to: "/placements", label: "nav.placements" },
        { to: "/roles", label: "nav.roles" },
      ];
    case "teamLead":
      return [
        { to: "/work-queue", label: "nav.workQueue" },
        { to: "/team", label: "nav.team" },
        MATCH_PLANS,
        { to: "/exemptions", label: "nav.exemptions" },
        ...SANCTIONS,
        { to: "/clients", label: "nav.clients" },
        { to: "/invitations", label: "nav.invite" },
        { to: "/organisations", label: "nav.organisations" },
        { to: "/roles", label: "nav.roles" },
        { to: "/availability", label: "nav.availability" },
      ];
    case "researcher":
      return [
        { to: "/", label: "nav.home" },
        { to: "/sanctions/statistics", label: "nav.sanctionStatistics" },
      ];
    default:
      return [{ to: "/", label: "nav.home" }];
  }
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
                <NavLink to="/account/password" className="nv-header__link">
                  {t("nav.changePassword")}
                </NavLink>
                <SubtleButton
                  type="button"
                  busy={logout.isPending}
                  onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) })}
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
              {navItemsFor(me.role).map((item) => (
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
