import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type ClientTab, clientTabPath } from "./clientTabs.js";

interface ClientTabsProps {
  clientId: string;
  name: string;
  tabs: readonly ClientTab[];
  current: ClientTab;
}

/** The record's parts as a row of links; the current one is marked for screen readers with aria-current. */
export function ClientTabs({ clientId, name, tabs, current }: ClientTabsProps) {
  const { t } = useTranslation();
  return (
    <nav className="nv-tabs" aria-label={t("clientTabs.label", { name })}>
      <ul className="nv-tabs__list">
        {tabs.map((tab) => (
          <li key={tab}>
            <Link
              to={clientTabPath(clientId, tab)}
              className="nv-tabs__link"
              aria-current={tab === current ? "page" : undefined}
              // Switching parts keeps the page where it is, like tabs.
              preventScrollReset
            >
              {t(`clientTabs.${tab}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
