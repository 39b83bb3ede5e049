import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCurrentUser } from "../session/CurrentUser.js";

/** The start page's way to "Zelf iets voorstellen": a list item for a client with a record, nothing for anyone else. */
export function ProposeActivityLink() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (me.role !== "client" || !me.clientId) return null;
  return (
    <li>
      <Link to="/activity-proposals" className="nl-link">
        {t("home.client.activityProposals")}
      </Link>
    </li>
  );
}
