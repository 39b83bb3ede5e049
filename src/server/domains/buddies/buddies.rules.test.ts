import type { Actor } from "@server/auth/actor.js";
import { type RefusalCase, refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import {
  agreementAbilities,
  agreementSideOf,
  assertAgreementUndoable,
  assertBuddyActive,
  assertBuddyHasRoom,
  assertBuddyNoGround,
  assertMeetingDate,
  assertNotBuddyAlready,
  assertNotOwnBuddy,
  assertNotPairedYet,
  assertPairingActive,
  assertTrained,
  BUDDY_REFUSALS,
  pairingAbilities,
  sideOf,
} from "./buddies.rules.js";

const today = "2026-06-15";
const actor = (role: Actor["role"], clientId: string | null = null): Actor => ({
  id: `${role}-1`,
  email: `${role}@example.test`,
  displayName: role,
  role,
  districts: ["Overschie"],
  organisationId: null,
  clientId,
  scopeDate: today,
});
const pairing = { client_id: "supported", buddy_client_id: "buddy", paired_on: "2026-06-01", status: "active" as const };

const cases: RefusalCase[] = [
  {
    rule: "a buddy has followed the training",
    code: "trainedOn:dateInFuture",
    refused: () => assertTrained({ trainedOn: "2026-06-16" }, today),
    allowed: () => assertTrained({ trainedOn: today }, today),
  },
  {
    rule: "one buddy agreement at a time",
    code: "alreadyBuddy",
    refused: () => assertNotBuddyAlready({ id: "b1" }),
    allowed: () => assertNotBuddyAlready(undefined),
  },
  {
    rule: "only a running agreement is paired",
    code: "buddyNotActive",
    refused: () => assertBuddyActive({ status: "ended" }),
    allowed: () => assertBuddyActive({ status: "active" }),
  },
  {
    rule: "a buddy supports no more people than agreed",
    code: "buddyFull",
    refused: () => assertBuddyHasRoom({ max_pairings: 2 }, 2),
    allowed: () => assertBuddyHasRoom({ max_pairings: 2 }, 1),
  },
  {
    rule: "nobody is their own buddy",
    code: "ownBuddy",
    refused: () => assertNotOwnBuddy({ client_id: "c1" }, "c1"),
    allowed: () => assertNotOwnBuddy({ client_id: "c1" }, "c2"),
  },
  {
    rule: "one buddy at a time",
    code: "alreadyPaired",
    refused: () => assertNotPairedYet({ id: "p1" }),
    allowed: () => assertNotPairedYet(undefined),
  },
  {
    rule: "only a running pairing ends or gets meetings",
    code: "pairingEnded",
    refused: () => assertPairingActive({ status: "ended" }),
    allowed: () => assertPairingActive({ status: "active" }),
  },
  {
    rule: "an agreement is undone only while nobody was paired with the buddy",
    code: "buddyAgreementInUse",
    refused: () => assertAgreementUndoable({ status: "active", pairings: 1, accountabilityRequests: 0 }),
    allowed: () => assertAgreementUndoable({ status: "active", pairings: 0, accountabilityRequests: 0 }),
  },
  {
    rule: "a meeting took place",
    code: "heldOn:dateInFuture",
    refused: () => assertMeetingDate({ heldOn: "2026-06-16" }, pairing, today),
    allowed: () => assertMeetingDate({ heldOn: today }, pairing, today),
  },
  {
    rule: "a meeting is within the pairing",
    code: "heldOn:beforeStart",
    refused: () => assertMeetingDate({ heldOn: "2026-05-31" }, pairing, today),
    allowed: () => assertMeetingDate({ heldOn: "2026-06-01" }, pairing, today),
  },
  {
    rule: "a buddy is never a ground for anything",
    code: "buddyPairingNoGround",
    refused: () => assertBuddyNoGround({ planStep: { type: "peerSupport" } }),
    allowed: () => assertBuddyNoGround({ planStep: { type: "languageCourse" } }),
  },
];

describe("the buddy rules", () => {
  it.each(cases)("$rule: refuses with $code, and passes otherwise", ({ code, refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });

  it("has a case for every code the rules can give, and lists each", () => {
    expect(cases.map((c) => c.code).sort()).toEqual([...BUDDY_REFUSALS].sort());
    expect(refusalCodesIn(new URL("./buddies.rules.ts", import.meta.url))).toEqual([...BUDDY_REFUSALS].sort());
  });

  it("passes a proposal that names no plan step or letter: the rule is about buddies only", () => {
    expect(refusalOf(() => assertBuddyNoGround({}))).toBeNull();
    expect(refusalOf(() => assertBuddyNoGround({ planStep: undefined, letter: { decision_type: null } }))).toBeNull();
  });

  it("refuses resting anything on a buddy agreement, by the letter that carried it, as it does for a pairing", () => {
    expect(refusalOf(() => assertBuddyNoGround({ letter: { decision_type: "buddyAgreement" } }))).toBe("buddyPairingNoGround");
    expect(refusalOf(() => assertBuddyNoGround({ letter: { decision_type: "sanction" } }))).toBeNull();
  });

  it("refuses undoing an agreement that was asked about, or has ended", () => {
    expect(refusalOf(() => assertAgreementUndoable({ status: "active", pairings: 0, accountabilityRequests: 1 }))).toBe(
      "buddyAgreementInUse",
    );
    expect(refusalOf(() => assertAgreementUndoable({ status: "ended", pairings: 0, accountabilityRequests: 0 }))).toBe("buddyNotActive");
  });

  it("lets the buddy and the consultant end a running agreement, nobody an ended one, and never a host or researcher", () => {
    const running = { status: "active" as const };
    expect(agreementAbilities(actor("client", "buddy"), running, false)).toEqual({ end: true, undo: false });
    expect(agreementAbilities(actor("consultant"), running, false)).toEqual({ end: true, undo: false });
    expect(agreementAbilities(actor("teamLead"), running, false)).toEqual({ end: true, undo: false });
    expect(agreementAbilities(actor("consultant"), { status: "ended" }, false)).toEqual({ end: false, undo: false });
    for (const role of ["host", "researcher", "admin", "agencyWorker"] as const)
      expect(agreementAbilities(actor(role), running, false)).toEqual({ end: false, undo: false });
    expect(agreementSideOf(actor("client", "buddy"))).toBe("buddy");
    expect(agreementSideOf(actor("teamLead"))).toBe("consultant");
  });

  it("lets staff undo an agreement while the service finds it undoable, never the buddy themself", () => {
    const running = { status: "active" as const };
    expect(agreementAbilities(actor("consultant"), running, true).undo).toBe(true);
    expect(agreementAbilities(actor("teamLead"), running, true).undo).toBe(true);
    expect(agreementAbilities(actor("client", "buddy"), running, true).undo).toBe(false);
    expect(agreementAbilities(actor("admin"), running, true).undo).toBe(false);
  });

  it("knows each side of a pairing: the buddy, the person supported, and staff", () => {
    expect(sideOf(actor("client", "buddy"), pairing)).toBe("buddy");
    expect(sideOf(actor("client", "supported"), pairing)).toBe("client");
    expect(sideOf(actor("consultant"), pairing)).toBe("consultant");
  });

  it("lets either side and the consultant end a running pairing, nobody an ended one, and never a host or researcher", () => {
    expect(pairingAbilities(actor("client", "supported"), pairing)).toEqual({ end: true, recordMeeting: true });
    expect(pairingAbilities(actor("consultant"), pairing)).toEqual({ end: true, recordMeeting: true });
    expect(pairingAbilities(actor("client", "buddy"), { status: "ended" })).toEqual({ end: false, recordMeeting: false });
    expect(pairingAbilities(actor("host"), pairing)).toEqual({ end: false, recordMeeting: false });
    expect(pairingAbilities(actor("researcher"), pairing)).toEqual({ end: false, recordMeeting: false });
  });
});
