import type { MeAbility } from "@shared/schemas/users.js";
import { type FocusEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";
import { currentNavGroup, type NavGroupId, type NavLinkItem, navEntriesFor } from "./nav.js";

const GROUP_LABELS: Record<NavGroupId, string> = {
  clients: "nav.groupClients",
  organisations: "nav.groupOrganisations",
  planning: "nav.groupPlanning",
  oversight: "nav.groupOversight",
};

function MenuLink({ item, className }: { item: NavLinkItem; className: string }) {
  const { t } = useTranslation();
  return (
    <NavLink to={item.to} end={item.end ?? item.to === "/"} className={className}>
      {t(item.label)}
    </NavLink>
  );
}

/**
 * The main menu. Few items stand in one flat row; many stand in groups, each a disclosure button opening its list of
 * links, which closes on Escape (focus back on its button), on a click elsewhere and after navigation. On a narrow
 * screen the grouped menu folds behind one "Menu" button.
 */
export function MainMenu({ abilities }: { abilities: Record<MeAbility, boolean> }) {
  const { t } = useTranslation();
  const location = useLocation();
  const idPrefix = useId();
  const navRef = useRef<HTMLElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const groupButtons = useRef(new Map<NavGroupId, HTMLButtonElement>());
  const [openGroup, setOpenGroup] = useState<NavGroupId | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);

  // After each navigation the menu closes, whether by one of its links or by the browser's back button.
  const [shownAt, setShownAt] = useState(location.key);
  if (shownAt !== location.key) {
    setShownAt(location.key);
    setOpenGroup(null);
    setMenuOpen(false);
  }

  const isOpen = openGroup !== null || menuOpen;
  useEffect(() => {
    if (!isOpen) return;
    // A click outside the menu closes it; clicks inside it open, close or follow a link themselves.
    const closeOnClickOutside = (event: MouseEvent) => {
      if (event.target instanceof Node && navRef.current?.contains(event.target)) return;
      setOpenGroup(null);
      setMenuOpen(false);
    };
    document.addEventListener("click", closeOnClickOutside);
    return () => document.removeEventListener("click", closeOnClickOutside);
  }, [isOpen]);

  const entries = navEntriesFor(abilities);
  const grouped = entries.some((entry) => entry.kind === "group");
  const current = currentNavGroup(entries, location.pathname);
  const listId = `${idPrefix}-menu`;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    if (openGroup) {
      event.preventDefault();
      setOpenGroup(null);
      groupButtons.current.get(openGroup)?.focus();
    } else if (menuOpen) {
      event.preventDefault();
      setMenuOpen(false);
      menuButtonRef.current?.focus();
    }
  };

  // Tabbing out of an open group closes it, so its list never lies over the page it no longer serves.
  const closeWhenFocusLeaves = (id: NavGroupId) => (event: FocusEvent<HTMLLIElement>) => {
    // Without a new focus (a click on a browser that does not focus links) the click-outside handler decides.
    if (!(event.relatedTarget instanceof Node) || event.currentTarget.contains(event.relatedTarget)) return;
    setOpenGroup((open) => (open === id ? null : open));
  };

  return (
    <nav ref={navRef} className={grouped ? "nv-nav nv-nav--grouped" : "nv-nav"} aria-label={t("nav.label")} onKeyDown={onKeyDown}>
      {grouped ? (
        <div className="nv-nav__bar">
          <button
            ref={menuButtonRef}
            type="button"
            className="nv-nav__menu-button"
            aria-expanded={menuOpen}
            aria-controls={listId}
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t("nav.menu")}
          </button>
        </div>
      ) : null}
      <ul id={listId} className={grouped && !menuOpen ? "nv-nav__list nv-nav__list--folded" : "nv-nav__list"}>
        {entries.map((entry) => {
          if (entry.kind === "link") {
            return (
              <li key={entry.item.to}>
                <MenuLink item={entry.item} className="nv-nav__link" />
              </li>
            );
          }
          const groupListId = `${idPrefix}-${entry.id}`;
          const expanded = openGroup === entry.id;
          return (
            <li key={entry.id} className="nv-nav__group" onBlur={closeWhenFocusLeaves(entry.id)}>
              <button
                ref={(button) => {
                  if (button) groupButtons.current.set(entry.id, button);
                  else groupButtons.current.delete(entry.id);
                }}
                type="button"
                className="nv-nav__toggle"
                aria-expanded={expanded}
                aria-controls={groupListId}
                // The group holding the current page: "true" marks the current item of a set, the page link itself
                // carries aria-current="page".
                aria-current={current === entry.id ? "true" : undefined}
                onClick={() => setOpenGroup(expanded ? null : entry.id)}
              >
                {t(GROUP_LABELS[entry.id])}
              </button>
              <ul id={groupListId} className="nv-nav__sublist" hidden={!expanded}>
                {entry.items.map((item) => (
                  <li key={item.to}>
                    <MenuLink item={item} className="nv-nav__sublink" />
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
