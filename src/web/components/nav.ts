import type { MeAbility } from "@shared/schemas/users.js";

/** The four groups of a long menu, in the order they stand in the row. */
export const NAV_GROUPS = ["clients", "organisations", "planning", "oversight"] as const;
export type NavGroupId = (typeof NAV_GROUPS)[number];

export interface NavItem {
  to: string;
  label: string;
  /** The ability of `GET /me` that opens this item. */
  ability: MeAbility;
  /** The group it stands in when the menu is grouped. */
  group: NavGroupId;
  /** Active only on this exact address, not on the addresses under it. */
  end?: boolean;
}

/** A link in the menu, as the caller sees it. */
export type NavLinkItem = Omit<NavItem, "ability" | "group">;

/** What stands in the menu's row: a plain link, or a group of links behind a disclosure button. */
export type NavEntry = { kind: "link"; item: NavLinkItem } | { kind: "group"; id: NavGroupId; items: NavLinkItem[] };

/**
 * The menu, in one order for everyone; each caller sees the items their abilities open. Each item's group follows
 * from what the page is for:
 * - clients: work with one's own clients day to day (the work queue, the day's appointments, the caseload, inviting),
 *   and the client's own pages;
 * - organisations: the other parties and what they offer (host organisations and their vacancies, the intermediary
 *   agencies, and a host's own referrals and placements);
 * - planning: bringing clients and places together over time (placement plans, one's availability for appointments,
 *   the scheduled jobs that send and close things on their dates);
 * - oversight: reviewing and governing the work of others (the team, co-signing exemptions, sanctions), the figures
 *   and effects drawn from it, and the administration that sets its frame: the ordinance's rules, the registry,
 *   messages to clients, users and the audit log. The ordinance sets rules rather than plans, so it stands here.
 */
const NAV_ITEMS: readonly NavItem[] = [
  // The client's own pages, after their start page "Wat moet ik doen?".
  { to: "/my-plan", label: "nav.myPlan", ability: "viewOwnPlan", group: "clients" },
  { to: "/my-decisions", label: "nav.myDecisions", ability: "viewOwnDecisions", group: "clients" },
  { to: "/", label: "nav.referrals", ability: "answerReferrals", group: "organisations" },
  { to: "/placements", label: "nav.placements", ability: "answerReferrals", group: "organisations" },
  { to: "/work-queue", label: "nav.workQueue", ability: "viewWorkQueue", group: "clients" },
  { to: "/my-day", label: "nav.myDay", ability: "viewMyDay", group: "clients" },
  { to: "/team", label: "nav.team", ability: "viewTeam", group: "oversight" },
  { to: "/agencies", label: "nav.agencies", ability: "viewAgencies", group: "organisations" },
  { to: "/clients", label: "nav.clients", ability: "viewCaseload", group: "clients" },
  { to: "/invitations", label: "nav.invite", ability: "inviteClients", group: "clients" },
  { to: "/organisations", label: "nav.organisations", ability: "viewOrganisations", group: "organisations" },
  { to: "/roles", label: "nav.roles", ability: "viewRoles", group: "organisations" },
  { to: "/match-plans", label: "nav.matchPlans", ability: "viewMatchPlans", group: "planning" },
  { to: "/exemptions", label: "nav.exemptions", ability: "coSignExemptions", group: "oversight" },
  { to: "/sanctions", label: "nav.sanctions", ability: "viewProposedSanctions", group: "oversight", end: true },
  { to: "/statistics", label: "nav.statistics", ability: "viewStatistics", group: "oversight" },
  { to: "/statistics/effects", label: "nav.effects", ability: "viewEffects", group: "oversight" },
  { to: "/research-export", label: "nav.researchExport", ability: "makeResearchExports", group: "oversight" },
  { to: "/availability", label: "nav.availability", ability: "manageAvailability", group: "planning" },
  { to: "/ordinance", label: "nav.ordinance", ability: "manageOrdinance", group: "oversight" },
  { to: "/registry", label: "nav.registry", ability: "manageRegistry", group: "oversight" },
  { to: "/scheduler", label: "nav.scheduler", ability: "viewScheduler", group: "planning" },
  { to: "/notifications", label: "nav.notifications", ability: "viewNotifications", group: "oversight" },
  { to: "/users", label: "nav.users", ability: "manageUsers", group: "oversight" },
  { to: "/audit-log", label: "nav.auditLog", ability: "viewAuditLog", group: "oversight" },
];

/** Up to this many items the menu stays one flat row of links (a client, a host, a researcher, an agency worker). */
export const MAX_FLAT_ITEMS = 6;

/**
 * The start page of the busiest callers stays one click away as the first plain link before the groups: the
 * consultant opens the work queue many times a day.
 */
const PINNED_TO = "/work-queue";

function linkOf({ ability: _ability, group: _group, ...link }: NavItem): NavLinkItem {
  return link;
}

/** The menu items the caller's abilities open; without any start page of its own, the home page leads. */
export function navItemsFor(abilities: Record<MeAbility, boolean>): NavLinkItem[] {
  const items = NAV_ITEMS.filter((item) => abilities[item.ability]).map(linkOf);
  const ownStart = abilities.answerReferrals || abilities.viewWorkQueue || abilities.viewCaseload;
  return ownStart ? items : [{ to: "/", label: "nav.home" }, ...items];
}

/**
 * The menu's row for the caller: a flat row of links when they have few items; else the work queue (and the home
 * page, when it leads) as plain links, then each group with an item the caller may see. A group with one item is a
 * plain link: a disclosure would only cost a click.
 */
export function navEntriesFor(abilities: Record<MeAbility, boolean>): NavEntry[] {
  const links = navItemsFor(abilities);
  if (links.length <= MAX_FLAT_ITEMS) return links.map((item) => ({ kind: "link", item }));
  const visible = NAV_ITEMS.filter((item) => abilities[item.ability]);
  const leading = links.filter((link) => !visible.some((item) => item.to === link.to) || link.to === PINNED_TO);
  const entries: NavEntry[] = leading.map((item) => ({ kind: "link", item }));
  for (const id of NAV_GROUPS) {
    const items = visible.filter((item) => item.group === id && item.to !== PINNED_TO).map(linkOf);
    const [only] = items;
    if (items.length === 1 && only) entries.push({ kind: "link", item: only });
    else if (items.length > 1) entries.push({ kind: "group", id, items });
  }
  return entries;
}

/** Whether a menu link is the current page at this address, as the router marks it (`end` for the home page). */
export function isCurrentNavLink(link: NavLinkItem, pathname: string): boolean {
  if (link.end ?? link.to === "/") return pathname === link.to;
  return pathname === link.to || pathname.startsWith(`${link.to}/`);
}

/** The group holding the current page, to mark its button; none when the page is not in a group. */
export function currentNavGroup(entries: NavEntry[], pathname: string): NavGroupId | null {
  for (const entry of entries) {
    if (entry.kind === "group" && entry.items.some((link) => isCurrentNavLink(link, pathname))) return entry.id;
  }
  return null;
}

/** Every item of the menu, for the test that no item is left out of the grouping. */
export function allNavItems(): readonly NavItem[] {
  return NAV_ITEMS;
}
