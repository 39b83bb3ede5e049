import { useLogout, useMe } from "@web/domains/session/api.js";
import { setLanguage } from "@web/i18n/index.js";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { ErrorBoundary } from "./ErrorBoundary.js";
import { MainMenu } from "./MainMenu.js";
import { PageLayout, SkipLink, SubtleButton } from "./nlds.js";

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
        {me ? <MainMenu abilities={me.abilities} /> : null}
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
