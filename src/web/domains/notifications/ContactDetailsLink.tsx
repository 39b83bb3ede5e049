import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCurrentUser } from "../session/CurrentUser.js";

/** The start page's link to "Mijn contactgegevens", for a client. */
export function ContactDetailsLink() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!me.clientId) return null;
  return (
    <li>
      <Link to="/my-contact-details" className="nl-link">
        {t("home.client.contactDetails")}
      </Link>
    </li>
  );
}
