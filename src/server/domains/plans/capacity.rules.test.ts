import { AppError } from "@server/http/errors.js";
import { refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import { assertNoFunctionalLimit, assertWithinDailyLimit, assertWithinDaysLimit, assertWorkFitsLimits } from "./capacity.rules.js";

const limits = { hoursPerDay: 6, daysPerWeek: 3, functionalLimits: ["heavyLifting" as const] };
const fields = { longestDay: "roleId", days: "roleId", demands: "roleId" };

describe("capacity limit refusals", () => {
  /** Each refusal the rules file can give, with a case that gives it and a neighbouring case that passes. */
  const table: Record<string, { refused: () => void; allowed: () => void }> = {
    aboveDailyLimit: { refused: () => assertWithinDailyLimit(limits, 6.5), allowed: () => assertWithinDailyLimit(limits, 6) },
    aboveDaysLimit: { refused: () => assertWithinDaysLimit(limits, 4), allowed: () => assertWithinDaysLimit(limits, 3) },
    functionalLimit: {
      refused: () => assertNoFunctionalLimit(limits, ["standingLong", "heavyLifting"]),
      allowed: () => assertNoFunctionalLimit(limits, ["standingLong", "nightWork"]),
    },
  };

  it("has a case for every refusal code in capacity.rules.ts", () => {
    expect(Object.keys(table).sort()).toEqual(refusalCodesIn(new URL("./capacity.rules.ts", import.meta.url)));
  });

  it.each(Object.entries(table))("refuses with %s and lets the neighbouring case pass", (code, { refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });
});

describe("capacity limit rules", () => {
  it("lets anything through where nothing limits the client", () => {
    const none = { hoursPerDay: null, daysPerWeek: null, functionalLimits: [] };
    expect(
      refusalOf(() => assertWorkFitsLimits(none, { longestDayHours: 12, daysPerWeek: 7, demands: ["heavyLifting"] }, fields)),
    ).toBeNull();
  });

  it("checks the day first, then the days, then the demands, naming the field that carries them", () => {
    const refusal = (work: Parameters<typeof assertWorkFitsLimits>[1]) => {
      try {
        assertWorkFitsLimits(limits, work, { longestDay: "hoursPerDay", days: "daysPerWeek", demands: "demands" });
        return null;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return { status: error.status, code: error.code, field: error.invalidParams?.[0]?.name };
      }
    };
    expect(refusal({ longestDayHours: 10, daysPerWeek: 5, demands: ["heavyLifting"] })).toEqual({
      status: 409,
      code: "aboveDailyLimit",
      field: "hoursPerDay",
    });
    expect(refusal({ longestDayHours: 6, daysPerWeek: 5, demands: ["heavyLifting"] })).toEqual({
      status: 409,
      code: "aboveDaysLimit",
      field: "daysPerWeek",
    });
    expect(refusal({ longestDayHours: 6, daysPerWeek: 3, demands: ["heavyLifting"] })).toEqual({
      status: 409,
      code: "functionalLimit",
      field: "demands",
    });
  });

  it("names the limit a demand breaks, never where it comes from", () => {
    try {
      assertNoFunctionalLimit(limits, ["heavyLifting"]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message + JSON.stringify((error as AppError).invalidParams)).not.toMatch(/medic|physician|advice|arts/i);
      expect((error as AppError).invalidParams?.[0]?.reason).toContain("heavyLifting");
    }
  });
});
