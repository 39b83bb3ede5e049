import { refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import {
  asksHours,
  assertCapacityHolds,
  assertConfirmationUndoable,
  assertDurationWithin,
  assertOwnSituationAsksNoHours,
  assertPlanHasSteps,
  assertPlanIsDraft,
  assertPlanNotSuperseded,
  assertStepInDraft,
  assertStepsUnchanged,
  assertWithinNorm,
  assignmentChange,
  assignmentHours,
  countsAgainstCapacity,
  latestEndDate,
} from "./plans.rules.js";

const capacity = (hoursPerWeek: number | null, exemption: { scope: string } | null = null) => ({ hoursPerWeek, exemption });

describe("plan refusals", () => {
  /** Each refusal the rules file can give, with a case that gives it and a neighbouring case that passes. */
  const table: Record<string, { refused: () => void; allowed: () => void }> = {
    capacityNotAssessed: { refused: () => assertCapacityHolds(capacity(null), 0), allowed: () => assertCapacityHolds(capacity(0), 0) },
    capacityExceeded: { refused: () => assertCapacityHolds(capacity(8), 8.5), allowed: () => assertCapacityHolds(capacity(8), 8) },
    aboveNorm: { refused: () => assertWithinNorm(20, 20.5), allowed: () => assertWithinNorm(20, 20) },
    tooLong: {
      refused: () => assertDurationWithin(12, "2026-12-02", "2027-12-03"),
      allowed: () => assertDurationWithin(12, "2026-12-02", "2027-12-02"),
    },
    "hoursPerWeek:notAllowed": {
      refused: () => assertOwnSituationAsksNoHours("debtHelp", 2),
      allowed: () => assertOwnSituationAsksNoHours("debtHelp", 0),
    },
    planSuperseded: {
      refused: () => assertPlanNotSuperseded({ status: "superseded" }),
      allowed: () => assertPlanNotSuperseded({ status: "confirmed" }),
    },
    stepNotInDraft: { refused: () => assertStepInDraft(undefined), allowed: () => assertStepInDraft({ id: "s1" }) },
    planNotDraft: { refused: () => assertPlanIsDraft({ status: "confirmed" }), allowed: () => assertPlanIsDraft({ status: "draft" }) },
    planChanged: {
      refused: () => assertStepsUnchanged([{ id: "s1", updated_at: "a" }], [{ id: "s1", updated_at: "b" }]),
      allowed: () => assertStepsUnchanged([{ id: "s1", updated_at: "a" }], [{ id: "s1", updated_at: "a" }]),
    },
    planEmpty: {
      refused: () => assertPlanHasSteps([{ status: "stopped" }]),
      allowed: () => assertPlanHasSteps([{ status: "stopped" }, { status: "planned" }]),
    },
    planNotConfirmed: {
      refused: () => assertConfirmationUndoable({ status: "draft", letter_id: null }, false),
      allowed: () => assertConfirmationUndoable({ status: "confirmed", letter_id: "l1" }, false),
    },
    draftExists: {
      refused: () => assertConfirmationUndoable({ status: "confirmed", letter_id: "l1" }, true),
      allowed: () => assertConfirmationUndoable({ status: "confirmed", letter_id: "l1" }, false),
    },
  };

  it("has a case for every refusal code in plans.rules.ts", () => {
    expect(Object.keys(table).sort()).toEqual(refusalCodesIn(new URL("./plans.rules.ts", import.meta.url)));
  });

  it.each(Object.entries(table))("refuses with %s and lets the neighbouring case pass", (code, { refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });
});

describe("plan rules", () => {
  it("names the exemption that lowers capacity when refusing", () => {
    expect(() => assertCapacityHolds(capacity(4, { scope: "partial" }), 6)).toThrow(/because of an exemption \(partial\)/);
  });

  it("counts planned and active steps against capacity, not stopped or finished ones", () => {
    expect(["planned", "active", "stopped", "completed"].map((status) => countsAgainstCapacity({ status }))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("the limits of what may be asked", () => {
  it("names the field and the norm when refusing above it", () => {
    expect(() => assertWithinNorm(20, 24, "agreement.hoursPerWeek")).toThrow(
      expect.objectContaining({
        status: 409,
        invalidParams: [expect.objectContaining({ name: "agreement.hoursPerWeek", code: "aboveNorm" })],
      }),
    );
  });

  it("refuses an activity without an end date as running too long, naming the latest end date", () => {
    expect(() => assertDurationWithin(12, "2026-12-02", null)).toThrow(/2027-12-02/);
    expect(refusalOf(() => assertDurationWithin(6, "2026-12-02", "2027-06-02"))).toBeNull();
    expect(refusalOf(() => assertDurationWithin(6, "2026-12-02", "2027-06-03"))).toBe("tooLong");
  });

  it("gives an open step the ordinance's maximum from its start, also at the end of a month", () => {
    expect(latestEndDate("2026-12-02", 12)).toBe("2027-12-02");
    expect(latestEndDate("2027-01-31", 1)).toBe("2027-02-28");
  });

  it("lets care, debt help and work on one's own situation ask no hours, and other steps ask hours", () => {
    for (const type of ["careReferral", "debtHelp", "ownSituation"])
      expect(refusalOf(() => assertOwnSituationAsksNoHours(type, 1))).toBe("hoursPerWeek:notAllowed");
    for (const type of ["languageCourse", "volunteerPlacement", "caregiving"])
      expect(refusalOf(() => assertOwnSituationAsksNoHours(type, 8))).toBeNull();
    expect([asksHours({ hours_per_week: 0 }), asksHours({ hours_per_week: 0.5 })]).toEqual([false, true]);
  });
});

describe("the tegenprestatie assignment of a confirmed plan", () => {
  const step = (hours: number, status = "planned") => ({ status, hours_per_week: hours });

  it("counts the hours of planned and active steps only", () => {
    expect(assignmentHours([step(4), step(2.5, "active"), step(0), step(6, "stopped"), step(3, "completed")])).toBe(6.5);
    expect(assignmentHours([step(0), step(0, "active")])).toBe(0);
  });

  it.each([
    [4, null, "assign"],
    [0, null, "none"],
    [4, 4, "stands"],
    [6, 4, "replace"],
    [0, 4, "replace"],
  ] as const)("a plan asking %s hours with %s in force: %s", (hours, inForce, change) => {
    expect(assignmentChange(hours, inForce)).toBe(change);
  });
});
