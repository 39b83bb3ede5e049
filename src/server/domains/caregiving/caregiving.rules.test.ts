import type { Actor } from "@server/auth/actor.js";
import type { CaregivingRow } from "@server/db/schema.js";
import { type RefusalCase, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import {
  assertCareActive,
  assertCaregivingUndoable,
  assertCareStarted,
  assertEndsAfterStart,
  CAREGIVING_REFUSALS,
  caregivingAbilities,
  countsAsContribution,
} from "./caregiving.rules.js";

const care = (overrides: Partial<CaregivingRow> = {}): CaregivingRow => ({
  id: "g1",
  client_id: "c1",
  relation: "child",
  description: null,
  hours_per_week: 20,
  since: "2026-01-01",
  beyond_customary_care: 1,
  judgement_reason: "r",
  judged_by: null,
  status: "active",
  ended_on: null,
  created_at: "2026-01-01T10:00:00Z",
  ...overrides,
});
const actor = (role: Actor["role"]): Actor => ({
  id: "u1",
  email: "u1@example.test",
  displayName: "u1",
  role,
  districts: [],
  organisationId: null,
  clientId: null,
  scopeDate: "2026-03-10",
});

const cases: RefusalCase[] = [
  {
    rule: "care is recorded once it has started",
    code: "since:dateInFuture",
    refused: () => assertCareStarted("2026-02-02", "2026-02-01"),
    allowed: () => assertCareStarted("2026-02-01", "2026-02-01"),
  },
  {
    rule: "only care that goes on ends",
    code: "caregivingState",
    refused: () => assertCareActive(care({ status: "ended" })),
    allowed: () => assertCareActive(care()),
  },
  {
    rule: "care does not end before it started",
    code: "endedOn:beforeStart",
    refused: () => assertEndsAfterStart(care(), "2025-12-31"),
    allowed: () => assertEndsAfterStart(care(), "2026-01-01"),
  },
  {
    rule: "only care judged with a letter of its own is undone",
    code: "caregivingWithoutLetter",
    refused: () => assertCaregivingUndoable(care(), { letterId: null, askedAbout: false }),
    allowed: () => assertCaregivingUndoable(care(), { letterId: "l1", askedAbout: false }),
  },
  {
    rule: "care that ended or was asked about is not undone",
    code: "activityMovedOn",
    refused: () => assertCaregivingUndoable(care({ status: "ended" }), { letterId: "l1", askedAbout: false }),
    allowed: () => assertCaregivingUndoable(care(), { letterId: "l1", askedAbout: false }),
  },
];

describe("the caregiving rules", () => {
  it.each(cases)("$rule: refuses with $code, and passes otherwise", ({ code, refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });

  it("has a case for every code the rules can give", () => {
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set(CAREGIVING_REFUSALS));
  });

  it("does not undo care the client was asked to account for", () => {
    expect(refusalOf(() => assertCaregivingUndoable(care(), { letterId: "l1", askedAbout: true }))).toBe("activityMovedOn");
  });

  it("counts only active care beyond customary care as the contribution", () => {
    expect(countsAsContribution(care())).toBe(true);
    expect(countsAsContribution(care({ beyond_customary_care: 0 }))).toBe(false);
    expect(countsAsContribution(care({ status: "ended" }))).toBe(false);
  });

  it("lets caseworkers end active care, and nobody end ended care", () => {
    expect(caregivingAbilities(actor("consultant"), care())).toEqual({ end: true });
    expect(caregivingAbilities(actor("client"), care())).toEqual({ end: false });
    expect(caregivingAbilities(actor("teamLead"), care({ status: "ended" }))).toEqual({ end: false });
  });
});
