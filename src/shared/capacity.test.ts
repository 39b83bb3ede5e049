import { describe, expect, it } from "vitest";
import { breaksAnyLimit, demandsOfRole, limitsBrokenBy, roleEducationOf, strictestLimits } from "./capacity.js";

describe("capacity limits", () => {
  it("takes the strictest of the sources: the lowest hours and days, every limit of each", () => {
    expect(
      strictestLimits([
        { hoursPerDay: 8, daysPerWeek: null, functionalLimits: ["standingLong"] },
        { hoursPerDay: 6, daysPerWeek: 3, functionalLimits: ["heavyLifting", "standingLong"] },
      ]),
    ).toEqual({ hoursPerDay: 6, daysPerWeek: 3, functionalLimits: ["heavyLifting", "standingLong"] });
    expect(strictestLimits([{ hoursPerDay: null }, {}])).toEqual({ hoursPerDay: null, daysPerWeek: null, functionalLimits: [] });
  });

  it("says which limits a piece of work breaks", () => {
    const limits = { hoursPerDay: 6, daysPerWeek: 2, functionalLimits: ["heavyLifting" as const] };
    const broken = limitsBrokenBy(limits, { longestDayHours: 10, daysPerWeek: 2, demands: ["heavyLifting", "nightWork"] });
    expect(broken).toEqual({ aboveDailyLimit: true, aboveDaysLimit: false, functionalLimits: ["heavyLifting"] });
    expect(breaksAnyLimit(broken)).toBe(true);
    expect(breaksAnyLimit(limitsBrokenBy(limits, { longestDayHours: 6, daysPerWeek: 2, demands: ["nightWork"] }))).toBe(false);
  });

  it("adds night work to a role at night, and places a client's education on the roles' scale", () => {
    expect(demandsOfRole(["heavyLifting"], true)).toEqual(["heavyLifting", "nightWork"]);
    expect(demandsOfRole(["nightWork"], false)).toEqual(["nightWork"]);
    expect(roleEducationOf("university")).toBe("higher");
    expect(roleEducationOf("secondaryVocational")).toBe("secondary");
    expect(roleEducationOf("unknown")).toBeNull();
  });
});
