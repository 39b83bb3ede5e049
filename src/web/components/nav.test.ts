import type { Actor } from "@server/auth/actor.js";
import { meAbilities } from "@server/domains/sessions/me.abilities.js";
import type { UserRole } from "@shared/enums.js";
import { ME_ACTIONS, type MeAbility } from "@shared/schemas/users.js";
import { describe, expect, it } from "vitest";
import {
  allNavItems,
  currentNavGroup,
  isCurrentNavLink,
  MAX_FLAT_ITEMS,
  NAV_GROUPS,
  type NavEntry,
  navEntriesFor,
  navItemsFor,
} from "./nav.js";

/** The abilities `GET /me` gives a caller of this role, from the same policies the server enforces. */
function abilitiesOf(role: UserRole): Record<MeAbility, boolean> {
  const actor: Actor = {
    id: "00000000-0000-4000-8000-000000000001",
    email: `${role}@example.org`,
    displayName: role,
    role,
    districts: ["Charlois"],
    organisationId: role === "host" ? "00000000-0000-4000-8000-000000000002" : null,
    clientId: role === "client" ? "00000000-0000-4000-8000-000000000003" : null,
    scopeDate: "2026-06-01",
  };
  return meAbilities(actor);
}

function only(...granted: MeAbility[]): Record<MeAbility, boolean> {
  return Object.fromEntries(ME_ACTIONS.map((ability) => [ability, granted.includes(ability)])) as Record<MeAbility, boolean>;
}

/** The row as one reads it: a plain link by its label, a group by its id. */
function rowOf(entries: NavEntry[]): string[] {
  return entries.map((entry) => (entry.kind === "link" ? entry.item.label : entry.id));
}

function linksIn(entries: NavEntry[]): string[] {
  return entries.flatMap((entry) => (entry.kind === "link" ? [entry.item.to] : entry.items.map((item) => item.to)));
}

describe("the menu's groups", () => {
  it("puts every item in exactly one of the four groups, and shows each once to a caller who may open all", () => {
    for (const item of allNavItems()) expect(NAV_GROUPS).toContain(item.group);
    const everything = only(...ME_ACTIONS);
    const shown = linksIn(navEntriesFor(everything));
    // The host's referrals and the home page share "/": count by label instead of address where they meet.
    const labels = navEntriesFor(everything).flatMap((entry) =>
      entry.kind === "link" ? [entry.item.label] : entry.items.map((item) => item.label),
    );
    expect(labels.toSorted()).toEqual(
      allNavItems()
        .map((item) => item.label)
        .toSorted(),
    );
    expect(new Set(labels).size).toBe(labels.length);
    expect(shown).toHaveLength(allNavItems().length);
  });

  it("groups the menus of the consultant, the team lead and the admin, with the work queue as the first plain link", () => {
    expect(rowOf(navEntriesFor(abilitiesOf("consultant")))).toEqual(["nav.workQueue", "clients", "organisations", "planning", "oversight"]);
    expect(rowOf(navEntriesFor(abilitiesOf("teamLead")))).toEqual(["nav.workQueue", "clients", "organisations", "planning", "oversight"]);
    // The admin has the caseload alone of the client pages: a group of one is a plain link.
    expect(rowOf(navEntriesFor(abilitiesOf("admin")))).toEqual(["nav.workQueue", "nav.clients", "organisations", "planning", "oversight"]);
  });

  it("keeps every item a grouped caller may open, and no other", () => {
    for (const role of ["consultant", "teamLead", "admin"] as const) {
      const abilities = abilitiesOf(role);
      expect(linksIn(navEntriesFor(abilities)).toSorted(), role).toEqual(
        navItemsFor(abilities)
          .map((item) => item.to)
          .toSorted(),
      );
    }
  });

  it("keeps a flat menu for the roles with few items", () => {
    for (const role of ["client", "host", "researcher", "agencyWorker"] as const) {
      const abilities = abilitiesOf(role);
      const entries = navEntriesFor(abilities);
      expect(
        entries.every((entry) => entry.kind === "link"),
        role,
      ).toBe(true);
      expect(linksIn(entries), role).toEqual(navItemsFor(abilities).map((item) => item.to));
      expect(entries.length, role).toBeLessThanOrEqual(MAX_FLAT_ITEMS);
    }
    // A client's own start page leads the menu.
    expect(rowOf(navEntriesFor(abilitiesOf("client")))).toEqual(["nav.home", "nav.myPlan", "nav.myDecisions"]);
  });

  it("groups from one item more than a flat row holds, and leaves out a group with nothing the caller may open", () => {
    const seven = only("viewWorkQueue", "viewCaseload", "viewOrganisations", "viewRoles", "viewAgencies", "viewStatistics", "viewEffects");
    expect(navItemsFor(seven)).toHaveLength(MAX_FLAT_ITEMS + 1);
    const entries = navEntriesFor(seven);
    expect(rowOf(entries)).toEqual(["nav.workQueue", "nav.clients", "organisations", "oversight"]);
    const organisations = entries.find((entry) => entry.kind === "group" && entry.id === "organisations");
    expect(organisations?.kind === "group" ? organisations.items.map((item) => item.label) : []).toEqual([
      "nav.agencies",
      "nav.organisations",
      "nav.roles",
    ]);
    const six = only("viewWorkQueue", "viewCaseload", "viewOrganisations", "viewRoles", "viewAgencies", "viewStatistics");
    expect(navEntriesFor(six).every((entry) => entry.kind === "link")).toBe(true);
  });

  it("leads a grouped menu with the home page when the caller has no start page of their own", () => {
    const entries = navEntriesFor(
      only("viewStatistics", "viewEffects", "makeResearchExports", "manageUsers", "viewAuditLog", "viewOrganisations", "viewRoles"),
    );
    expect(rowOf(entries)).toEqual(["nav.home", "organisations", "oversight"]);
  });
});

describe("the current page in the menu", () => {
  it("marks a link on its address and the addresses under it, unless it is marked as exact", () => {
    expect(isCurrentNavLink({ to: "/clients", label: "nav.clients" }, "/clients")).toBe(true);
    expect(isCurrentNavLink({ to: "/clients", label: "nav.clients" }, "/clients/123")).toBe(true);
    expect(isCurrentNavLink({ to: "/clients", label: "nav.clients" }, "/clients-archive")).toBe(false);
    expect(isCurrentNavLink({ to: "/sanctions", label: "nav.sanctions", end: true }, "/sanctions/123")).toBe(false);
    expect(isCurrentNavLink({ to: "/", label: "nav.home" }, "/clients")).toBe(false);
    expect(isCurrentNavLink({ to: "/", label: "nav.home" }, "/")).toBe(true);
  });

  it("names the group holding the current page, and none for a plain link's page", () => {
    const entries = navEntriesFor(abilitiesOf("teamLead"));
    expect(currentNavGroup(entries, "/clients/123")).toBe("clients");
    expect(currentNavGroup(entries, "/statistics/effects")).toBe("oversight");
    expect(currentNavGroup(entries, "/match-plans")).toBe("planning");
    expect(currentNavGroup(entries, "/work-queue")).toBeNull();
    expect(currentNavGroup(entries, "/account/password")).toBeNull();
  });
});
