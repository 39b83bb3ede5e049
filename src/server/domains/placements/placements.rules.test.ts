import { refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import type { UserRole } from "@shared/enums.js";
import { describe, expect, it } from "vitest";
import {
  assertAttributionUndetermined,
  assertClientSideNotGiven,
  assertEndedNotInFuture,
  assertFeedbackNotGiven,
  assertGuidanceAvailable,
  assertGuidanceLevelFits,
  assertHeardNotInFuture,
  assertHeldNotInFuture,
  assertHostCheckInNotRecorded,
  assertHoursWithinRole,
  assertIntroductionNotRecorded,
  assertMayActForOrganisation,
  assertMaySignFor,
  assertNotAlreadyReferred,
  assertNotSigned,
  assertPlacementBegun,
  assertPlacementStatusAllows,
  assertReferralUndoable,
  assertRoleHasPlace,
  assertRoleMayTakePlacements,
  assertSignedNotInFuture,
  attributionAtEnding,
  hasReferralReachedHost,
  roleTakesPlacements,
} from "./placements.rules.js";

const host = { role: "host" as const, organisationId: "o1" };
const placement = { organisation_id: "o1", client_id: "c1" };
const actorOf = (role: UserRole, ids: { organisationId?: string; clientId?: string } = {}) =>
  ({ role, organisationId: ids.organisationId ?? null, clientId: ids.clientId ?? null }) as const;
const unsigned = { client_signed_on: null, host_signed_on: null, municipality_signed_on: null };
const NOW = "2026-12-03T08:02:00.000Z";
const held = { status: "proposed", proposed_by: "u1", held_until: "2026-12-03T08:05:00.000Z", host_opened_at: null };
const author = { id: "u1", role: "consultant" };
const approved = { status: "approved", open_complaints: 0, places: 2, places_taken: 1 };

describe("placement refusals", () => {
  /** Each refusal the rules file can give, with a case that gives it and a neighbouring case that passes. */
  const table: Record<string, { refused: () => void; allowed: () => void }> = {
    roleNotApproved: {
      refused: () => assertRoleMayTakePlacements({ status: "needsReview", open_complaints: 0 }),
      allowed: () => assertRoleMayTakePlacements({ status: "approved", open_complaints: 0 }),
    },
    clientSideGiven: {
      refused: () => assertClientSideNotGiven({ client_side_account: "Het werk was te zwaar." }),
      allowed: () => assertClientSideNotGiven({ client_side_account: null }),
    },
    feedbackGiven: {
      refused: () => assertFeedbackNotGiven({ feedback_rating: 4 }),
      allowed: () => assertFeedbackNotGiven({ feedback_rating: null }),
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
    referralReachedHost: {
      refused: () => assertReferralUndoable({ ...held, held_until: NOW }, author, NOW),
      allowed: () => assertReferralUndoable(held, author, NOW),
    },
    notLetterAuthor: {
      refused: () => assertReferralUndoable(held, { id: "u2", role: "consultant" }, NOW),
      allowed: () => assertReferralUndoable(held, { id: "u2", role: "teamLead" }, NOW),
    },
    otherOrganisation: {
      refused: () => assertMayActForOrganisation(host, "o2"),
      allowed: () => assertMayActForOrganisation(host, "o1"),
    },
    alreadyReferred: { refused: () => assertNotAlreadyReferred({ id: "p1" }), allowed: () => assertNotAlreadyReferred(undefined) },
    "hoursPerWeek:aboveRoleHours": { refused: () => assertHoursWithinRole(9, 8), allowed: () => assertHoursWithinRole(8, 8) },
    notSigningParty: {
      refused: () => assertMaySignFor(actorOf("host", { organisationId: "o2" }), "host", placement),
      allowed: () => assertMaySignFor(actorOf("host", { organisationId: "o1" }), "host", placement),
    },
    alreadySigned: {
      refused: () => assertNotSigned({ ...unsigned, host_signed_on: "2026-12-01" }, "host"),
      allowed: () => assertNotSigned({ ...unsigned, client_signed_on: "2026-12-01" }, "host"),
    },
    "signedOn:dateInFuture": {
      refused: () => assertSignedNotInFuture("2026-12-03", "2026-12-02"),
      allowed: () => assertSignedNotInFuture("2026-12-02", "2026-12-02"),
    },
    attributionDetermined: {
      refused: () => assertAttributionUndetermined({ attributable_to: "organisation" }),
      allowed: () => assertAttributionUndetermined({ attributable_to: "undetermined" }),
    },
    "heardOn:dateInFuture": {
      refused: () => assertHeardNotInFuture("2026-12-03", "2026-12-02"),
      allowed: () => assertHeardNotInFuture("2026-12-02", "2026-12-02"),
    },
    "endedOn:dateInFuture": {
      refused: () => assertEndedNotInFuture("2026-03-03", "2026-03-02"),
      allowed: () => assertEndedNotInFuture("2026-03-02", "2026-03-02"),
    },
    "heldOn:dateInFuture": {
      refused: () => assertHeldNotInFuture("2026-03-03", "2026-03-02"),
      allowed: () => assertHeldNotInFuture("2026-03-02", "2026-03-02"),
    },
    introductionRecorded: {
      refused: () => assertIntroductionNotRecorded({ introduction_held_on: "2026-03-01" }),
      allowed: () => assertIntroductionNotRecorded({ introduction_held_on: null }),
    },
    hostCheckInRecorded: {
      refused: () => assertHostCheckInNotRecorded({ host_check_in_held_on: "2026-03-01" }),
      allowed: () => assertHostCheckInNotRecorded({}),
    },
    placementNotBegun: {
      refused: () => assertPlacementBegun({ status: "active", started_on: "2026-03-03" }, "2026-03-02"),
      allowed: () => assertPlacementBegun({ status: "active", started_on: "2026-03-02" }, "2026-03-02"),
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
    expect(refusalOf(() => assertPlacementStatusAllows({ status: "active" }, "attribute"))).toBe("placementState");
    expect(refusalOf(() => assertPlacementStatusAllows({ status: "ended" }, "attribute"))).toBeNull();
  });

  it("takes the client's side of an ending only once it ended, and their rating once it started", () => {
    const allowed = (status: string) =>
      (["giveClientSide", "giveFeedback"] as const).filter(
        (action) => refusalOf(() => assertPlacementStatusAllows({ status }, action)) === null,
      );
    expect(allowed("proposed")).toEqual([]);
    expect(allowed("accepted")).toEqual([]);
    expect(allowed("active")).toEqual(["giveFeedback"]);
    expect(allowed("ended")).toEqual(["giveClientSide", "giveFeedback"]);
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

describe("who signs a placement agreement for which party", () => {
  const actors = {
    ownHost: actorOf("host", { organisationId: "o1" }),
    otherHost: actorOf("host", { organisationId: "o2" }),
    consultant: actorOf("consultant"),
    teamLead: actorOf("teamLead"),
    theClient: actorOf("client", { clientId: "c1" }),
    otherClient: actorOf("client", { clientId: "c2" }),
    admin: actorOf("admin"),
  };
  const signs = (party: "client" | "host" | "municipality") =>
    Object.entries(actors)
      .filter(([, actor]) => refusalOf(() => assertMaySignFor(actor, party, placement)) === null)
      .map(([name]) => name);

  it("lets the host's own member sign for the host only", () => expect(signs("host")).toEqual(["ownHost"]));
  it("lets municipal staff sign for the municipality", () => expect(signs("municipality")).toEqual(["consultant", "teamLead"]));
  it("lets the client sign, or staff record the client's signature on paper", () =>
    expect(signs("client")).toEqual(["consultant", "teamLead", "theClient"]));
});

describe("to whom an ending is attributed when it is recorded", () => {
  const host = actorOf("host", { organisationId: "o1" });
  const consultant = actorOf("consultant");
  const teamLead = actorOf("teamLead");

  it("attributes a regular ending to nobody, whoever ends it and whatever their view", () => {
    expect(attributionAtEnding(host, "completed", "client")).toBe("none");
    expect(attributionAtEnding(consultant, "movedToPaidWork", undefined)).toBe("none");
  });

  it("keeps a host's ending undetermined, whatever its view: the host gives its account, the consultant decides", () => {
    for (const view of ["client", "organisation", "health", "caregiving", "none", undefined] as const)
      expect(attributionAtEnding(host, "clientStopped", view)).toBe("undetermined");
  });

  it("lets staff determine at once an attribution favourable to the client, never one to the client", () => {
    for (const view of ["organisation", "health", "caregiving", "none"] as const) {
      expect(attributionAtEnding(consultant, "poorFit", view)).toBe(view);
      expect(attributionAtEnding(teamLead, "other", view)).toBe(view);
    }
    expect(attributionAtEnding(consultant, "clientStopped", "client")).toBe("undetermined");
    expect(attributionAtEnding(teamLead, "clientStopped", undefined)).toBe("undetermined");
  });
});

describe("undoing a referral", () => {
  it("is possible only while the host cannot know of it: held, unopened, no introduction", () => {
    expect(hasReferralReachedHost(held, NOW)).toBe(false);
    expect(hasReferralReachedHost({ ...held, held_until: null }, NOW)).toBe(true);
    expect(hasReferralReachedHost({ ...held, host_opened_at: NOW }, NOW)).toBe(true);
    expect(hasReferralReachedHost({ ...held, introduction_held_on: "2026-12-03" }, NOW)).toBe(true);
  });

  it("is refused once the referral was answered, before anything else is weighed", () => {
    expect(refusalOf(() => assertReferralUndoable({ ...held, status: "accepted" }, author, NOW))).toBe("placementState");
    expect(refusalOf(() => assertReferralUndoable({ ...held, status: "declined", held_until: null }, author, NOW))).toBe("placementState");
  });
});
