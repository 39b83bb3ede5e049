import type { MeAbility } from "@shared/schemas/users.js";
import { Paragraph } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { NoAccessPage } from "../errors/NoAccessPage.js";
import { useMe } from "./api.js";
import { CurrentUserContext, useCurrentUser } from "./CurrentUser.js";

/** Renders its child routes for a logged-in user; sends everyone else to the login page and back afterwards. */
export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <Paragraph role="status">{t("app.loading")}</Paragraph>;
  if (me.isError) return <ProblemAlert error={me.error} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <CurrentUserContext.Provider value={me.data}>
      <Outlet />
    </CurrentUserContext.Provider>
  );
}

/** Renders its child routes only when the caller has the ability (from `GET /me`); the server checks again on every call. */
export function RequireAbility({ ability }: { ability: MeAbility }) {
  const me = useCurrentUser();
  return me.abilities[ability] ? <Outlet /> : <NoAccessPage />;
}
