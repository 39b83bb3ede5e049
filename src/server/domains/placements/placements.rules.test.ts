import { refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import {
  assertEndedNotInFuture,
  assertGuidanceAvailable,
  assertGuidanceLevelFits,
  assertHoursWithinRole,
  assertMayActForOrganisation,
  assertNotAlreadyReferred,
  assertPlacementStatusAllows,
  assertRoleHasPlace,
  assertRoleMayTakePlacements,
  roleTakesPlacements,
} from "./placements.rules.js";

const host = { role: "host" as const, organisationId: "o1" };
const approved = { status: "approved", open_complaints: 0, places: 2, places_taken: 1 };

describe("placement refusals", () => {
  /** Each refusal the rules file can give, with a case that gives it and a neighbouring case that passes. */
  const table: Record<string, { refused: () => void; allowed: () => void }> = {
    roleNotApproved: {
      refused: () => assertRoleMayTakePlacements({ status: "needsReview", open_complaints: 0 }),
      allowed: () => assertRoleMayTakePlacements({ status: "approved", open_complaints: 0 }),
    },
    roleFull: {
      refused: () => assertRoleHasPlace({ places: 2, places_taken: 2 }),
      allowed: () => assertRoleHasPlace({ places: 2, places_taken: "1" }),
    },
    guidanceLevelTooLow: {
      refused: () => assertGuidanceLevelFits("light", "regular"),
      allowed: () => assertGuidanceLevelFits("intensive", "regular"),
    },
    guidanceExceeded: {
      refused: () => assertGuidanceAvailable(10, 8, 4, undefined),
      allowed: () => assertGuidanceAvailable(10, 6, 4, undefined),
    },
    placementState: {
      refused: () => assertPlacementStatusAllows({ status: "active" }, "accept"),
      allowed: () => assertPlacementStatusAllows({ status: "proposed" }, "accept"),
    },
    otherOrganisation: {
      refused: () => assertMayActForOrganisation(host, "o2"),
      allowed: () => assertMayActForOrganisation(host, "o1"),
    },
    alreadyReferred: { refused: () => assertNotAlreadyReferred({ id: "p1" }), allowed: () => assertNotAlreadyReferred(undefined) },
    "hoursPerWeek:aboveRoleHours": { refused: () => assertHoursWithinRole(9, 8), allowed: () => assertHoursWithinRole(8, 8) },
    "endedOn:dateInFuture": {
      refused: () => assertEndedNotInFuture("2026-03-03", "2026-03-02"),
      allowed: () => assertEndedNotInFuture("2026-03-02", "2026-03-02"),
    },
  };

  it("has a case for every refusal code in placements.rules.ts", () => {
    expect(Object.keys(table).sort()).toEqual(refusalCodesIn(new URL("./placements.rules.ts", import.meta.url)));
  });

  it.each(Object.entries(table))("refuses with %s and lets the neighbouring case pass", (code, { refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });
});

describe("placement rules", () => {
  it("suspends a role with an open complaint and refuses a rejected one", () => {
    expect(refusalOf(() => assertRoleMayTakePlacements({ status: "approved", open_complaints: "1" }))).toBe("roleNotApproved");
    expect(refusalOf(() => assertRoleMayTakePlacements({ status: "rejected", open_complaints: null }))).toBe("roleNotApproved");
  });

  it("lets a consultant's recorded reason override the guidance hours", () => {
    expect(refusalOf(() => assertGuidanceAvailable(10, 8, 4, "Extra begeleiding door de consulent"))).toBeNull();
  });

  it("moves a placement one way: answered once, started once accepted, ended while open", () => {
    const allowed = (status: string) =>
      (["accept", "decline", "start", "signAgreement", "end"] as const).filter(
        (action) => refusalOf(() => assertPlacementStatusAllows({ status }, action)) === null,
      );
    expect(allowed("proposed")).toEqual(["accept", "decline", "end"]);
    expect(allowed("accepted")).toEqual(["start", "end"]);
    expect(allowed("active")).toEqual(["signAgreement", "end"]);
    expect(allowed("declined")).toEqual([]);
    expect(allowed("ended")).toEqual([]);
  });

  it("lets staff act for any organisation", () => {
    expect(refusalOf(() => assertMayActForOrganisation({ role: "consultant", organisationId: null }, "o2"))).toBeNull();
  });

  it("says a role takes placements only when approved, not suspended and with a free place", () => {
    expect(roleTakesPlacements(approved)).toBe(true);
    expect(roleTakesPlacements({ ...approved, places_taken: 2 })).toBe(false);
    expect(roleTakesPlacements({ ...approved, open_complaints: 1 })).toBe(false);
    expect(roleTakesPlacements({ ...approved, status: "needsReview" })).toBe(false);
  });
});
