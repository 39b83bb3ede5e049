import type { Ordinance } from "@shared/schemas/ordinance.js";
import { describe, expect, it } from "vitest";
import { decidedTerms, levelFor } from "./sanctions.rules.js";

const ordinance = {
  version: 3,
  sanctionGroundLevels: { missedAppointments: 1, insufficientEffort: 1, refusedContribution: 2, stoppedPlacementWithoutReason: 2 },
  sanctionLevels: [
    { level: 1, percentage: 5, months: 1 },
    { level: 2, percentage: 10, months: 1 },
    { level: 3, percentage: 20, months: 2 },
  ],
} as unknown as Ordinance;

describe("the sanction level", () => {
  it("starts at the ground's level, rises per recurrence, drops one for reduced culpability, and stays on the scale", () => {
    expect(levelFor("missedAppointments", 1, "full", ordinance)).toEqual({ level: 1, percentage: 5, months: 1, ordinanceVersion: 3 });
    expect(levelFor("refusedContribution", 1, "full", ordinance).level).toBe(2);
    expect(levelFor("refusedContribution", 2, "full", ordinance).level).toBe(3);
    expect(levelFor("refusedContribution", 1, "reduced", ordinance).level).toBe(1);
    expect(levelFor("missedAppointments", 1, "reduced", ordinance).level).toBe(1);
    expect(levelFor("refusedContribution", 9, "full", ordinance)).toMatchObject({ level: 3, percentage: 20, months: 2 });
  });

  it("imposes the level, a truly lower one, or nothing", () => {
    const level = levelFor("refusedContribution", 2, "full", ordinance);
    expect(decidedTerms({ outcome: "imposed", reasons: "r" }, level)).toEqual({ level: 3, percentage: 20, months: 2 });
    expect(decidedTerms({ outcome: "refrained", reasons: "r" }, level)).toEqual({ level: null, percentage: null, months: null });
    expect(decidedTerms({ outcome: "imposedLower", reasons: "r", months: 1 }, level)).toEqual({ level: 3, percentage: 20, months: 1 });
    expect(() => decidedTerms({ outcome: "imposedLower", reasons: "r" }, level)).toThrow(/lower percentage or fewer months/);
    expect(() => decidedTerms({ outcome: "imposedLower", reasons: "r", percentage: 30 }, level)).toThrow(/cannot be higher/);
    expect(() => decidedTerms({ outcome: "imposedLower", reasons: "r", percentage: 20, months: 2 }, level)).toThrow(/not a lower one/);
  });
});
