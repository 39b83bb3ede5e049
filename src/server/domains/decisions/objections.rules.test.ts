import type { DecisionRow, ObjectionRow } from "@server/db/schema.js";
import { refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import {
  assertCorrectsLatest,
  assertHeardOrSkipped,
  assertHearingInvitationUndoable,
  assertHeldInPast,
  assertLate,
  assertLatenessAllows,
  assertMayExtendWithConsent,
  assertMayHear,
  assertMayPostpone,
  assertMayWaiveHearing,
  assertMilder,
  assertNotInvolved,
  assertObjectionOpen,
  assertOutcomeUndoable,
  assertPostedBeforeReceipt,
  assertPostponementUndoable,
  decideByFor,
  isOnTime,
  OBJECTION_REFUSALS,
  postponedDecideBy,
} from "./objections.rules.js";

describe("on time (Awb 6:9)", () => {
  const termEndsOn = "2026-12-14";
  it.each<[{ receivedOn: string; postedOn?: string }, boolean, string]>([
    [{ receivedOn: "2026-12-14" }, true, "received on the last day"],
    [{ receivedOn: "2026-12-15" }, false, "received the day after, not by post"],
    [{ receivedOn: "2026-12-21", postedOn: "2026-12-14" }, true, "posted on the last day, received a week later"],
    [{ receivedOn: "2026-12-22", postedOn: "2026-12-14" }, false, "posted in time but received more than a week after"],
    [{ receivedOn: "2026-12-16", postedOn: "2026-12-15" }, false, "posted after the term"],
  ])("%j → %s (%s)", (input, onTime) => expect(isOnTime(input, termEndsOn)).toBe(onTime));
});

describe("the date to decide by (Awb 7:10)", () => {
  it.each([
    [
      { onTime: true, termEndsOn: "2026-12-14", receivedOn: "2026-12-01", advisoryCommittee: false },
      "2027-01-25",
      "six weeks after the term",
    ],
    [
      { onTime: true, termEndsOn: "2026-12-14", receivedOn: "2026-12-01", advisoryCommittee: true },
      "2027-03-08",
      "twelve with a committee",
    ],
    [{ onTime: false, termEndsOn: "2026-12-14", receivedOn: "2027-01-05", advisoryCommittee: false }, "2027-02-16", "late: after receipt"],
    [{ onTime: true, termEndsOn: "2026-11-13", receivedOn: "2026-11-01", advisoryCommittee: false }, "2026-12-28", "past Christmas"],
  ])("%j → %s (%s)", (input, decideBy) => expect(decideByFor(input)).toBe(decideBy));

  it("is postponed by six weeks, past a weekend or holiday", () => {
    expect(postponedDecideBy("2027-01-25")).toBe("2027-03-08");
    expect(postponedDecideBy("2026-11-13")).toBe("2026-12-28");
  });
});

const objection = (overrides: Partial<ObjectionRow> = {}): ObjectionRow =>
  ({
    outcome: null,
    on_time: 1,
    lateness_excusable: null,
    postponed: 0,
    decide_by: "2027-01-25",
    hearing_skip_reason: null,
    ...overrides,
  }) as ObjectionRow;
const decision = { decided_by: "lead", prepared_by: "consultant" } as DecisionRow;
/** Postponed by letter from 25 January 2027, and not changed since. */
const postponed = (overrides: Partial<ObjectionRow> = {}) =>
  objection({
    postponed: 1,
    postponement_letter_id: "letter",
    decide_by_before_postponement: "2027-01-25",
    decide_by: postponedDecideBy("2027-01-25"),
    ...overrides,
  });

describe("objection refusals", () => {
  const table: Record<(typeof OBJECTION_REFUSALS)[number], { refused: () => void; allowed: () => void }> = {
    objectionDecided: {
      refused: () => assertObjectionOpen(objection({ outcome: "unfounded" })),
      allowed: () => assertObjectionOpen(objection()),
    },
    objectionOnTime: { refused: () => assertLate(objection()), allowed: () => assertLate(objection({ on_time: 0 })) },
    alreadyPostponed: {
      refused: () => assertMayPostpone(objection({ postponed: 1 })),
      allowed: () => assertMayPostpone(objection()),
    },
    hearingRequired: {
      refused: () => assertHeardOrSkipped(objection(), 0),
      allowed: () => assertHeardOrSkipped(objection({ hearing_skip_reason: "waived" }), 0),
    },
    hearingSkipped: {
      refused: () => assertMayHear(objection({ hearing_skip_reason: "waived" })),
      allowed: () => assertMayHear(objection()),
    },
    hearingChanged: { refused: () => assertCorrectsLatest(2, 1), allowed: () => assertCorrectsLatest(2, 2) },
    involvedInDecision: {
      refused: () => assertNotInvolved(decision, { id: "consultant" }),
      allowed: () => assertNotInvolved(decision, { id: "other lead" }),
    },
    latenessNotExcused: {
      refused: () => assertLatenessAllows(objection({ on_time: 0, lateness_excusable: 0 }), "unfounded"),
      allowed: () => assertLatenessAllows(objection({ on_time: 0, lateness_excusable: 1 }), "unfounded"),
    },
    notPostponed: {
      refused: () => assertPostponementUndoable(objection()),
      allowed: () => assertPostponementUndoable(postponed()),
    },
    decideByChanged: {
      refused: () => assertPostponementUndoable(postponed({ decide_by: "2027-04-19" })),
      allowed: () => assertPostponementUndoable(postponed()),
    },
    notInvitedToHearing: {
      refused: () => assertHearingInvitationUndoable(objection(), 0),
      allowed: () => assertHearingInvitationUndoable(objection({ hearing_invitation_letter_id: "letter" }), 0),
    },
    objectionNotDecided: {
      refused: () => assertOutcomeUndoable(objection()),
      allowed: () => assertOutcomeUndoable(objection({ outcome: "unfounded", outcome_decision_id: "decision" })),
    },
    "postedOn:afterReceipt": {
      refused: () => assertPostedBeforeReceipt({ receivedOn: "2026-12-01", postedOn: "2026-12-02" }),
      allowed: () => assertPostedBeforeReceipt({ receivedOn: "2026-12-02", postedOn: "2026-12-01" }),
    },
    "decideBy:notLater": {
      refused: () => assertMayExtendWithConsent(objection(), { consentGivenOn: "2026-12-01", decideBy: "2027-01-25" }, "2026-12-02"),
      allowed: () => assertMayExtendWithConsent(objection(), { consentGivenOn: "2026-12-01", decideBy: "2027-02-25" }, "2026-12-02"),
    },
    "consentGivenOn:dateInFuture": {
      refused: () => assertMayExtendWithConsent(objection(), { consentGivenOn: "2026-12-03", decideBy: "2027-02-25" }, "2026-12-02"),
      allowed: () => assertMayExtendWithConsent(objection(), { consentGivenOn: "2026-12-02", decideBy: "2027-02-25" }, "2026-12-02"),
    },
    "heldOn:dateInFuture": {
      refused: () => assertHeldInPast("2026-12-03", "2026-12-02"),
      allowed: () => assertHeldInPast("2026-12-02", "2026-12-02"),
    },
    "percentage:required": {
      refused: () => assertMilder({ percentage: 100, months: 1 }, {}),
      allowed: () => assertMilder({ percentage: 100, months: 1 }, { percentage: 50 }),
    },
    "percentage:notLower": {
      refused: () => assertMilder({ percentage: 50, months: 2 }, { percentage: 60 }),
      allowed: () => assertMilder({ percentage: 50, months: 2 }, { percentage: 40 }),
    },
    "months:notLower": {
      refused: () => assertMilder({ percentage: 50, months: 2 }, { percentage: 40, months: 3 }),
      allowed: () => assertMilder({ percentage: 50, months: 2 }, { months: 1 }),
    },
  };

  it("has a case for every refusal code", () => {
    expect(Object.keys(table).sort()).toEqual([...OBJECTION_REFUSALS].sort());
  });

  it.each(Object.entries(table))("refuses with %s and lets the neighbouring case pass", (code, { refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });

  it("refuses the same sanction as partly well-founded: it is not milder", () => {
    expect(refusalOf(() => assertMilder({ percentage: 50, months: 2 }, { percentage: 50, months: 2 }))).toBe("percentage:notLower");
  });

  it("refuses to waive a hearing once the client has been heard", () => {
    expect(refusalOf(() => assertMayWaiveHearing(objection(), 1))).toBe("hearingChanged");
  });

  it("undoes no step of an objection that was decided, and no hearing invitation once the client was heard", () => {
    expect(refusalOf(() => assertPostponementUndoable(postponed({ outcome: "unfounded" })))).toBe("objectionDecided");
    const invited = objection({ hearing_invitation_letter_id: "letter" });
    expect(refusalOf(() => assertHearingInvitationUndoable({ ...invited, outcome: "unfounded" }, 0))).toBe("objectionDecided");
    expect(refusalOf(() => assertHearingInvitationUndoable(invited, 1))).toBe("hearingChanged");
  });
});
