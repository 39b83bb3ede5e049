import { ROLE_SECTORS } from "@shared/schemas/roles.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessDisplacement, DISPLACEMENT_FINDINGS, type DisplacementFinding, RISK_SECTORS } from "./displacement.js";

const LIMITS = { weeklyNormHours: 20, selfDeclaredMaxHours: 8 };
const clean = {
  paidInLastThreeYears: false,
  doneByPaidStaffElsewhere: false,
  wouldOtherwiseBePaid: false,
  partOfPaidService: false,
  recentStaffCuts: false,
};
const daytime = { hoursPerWeek: 4, atNight: false, sector: "hospitality" as const };

describe("displacement check", () => {
  it("approves additional work", () => {
    const outcome = assessDisplacement(clean, daytime, LIMITS);
    expect(outcome).toMatchObject({ status: "approved", findings: ["additional"] });
  });

  it("rejects work that was paid recently or would otherwise be paid, whatever else is answered", () => {
    fc.assert(
      fc.property(
        fc.record({ doneByPaidStaffElsewhere: fc.boolean(), partOfPaidService: fc.boolean(), recentStaffCuts: fc.boolean() }),
        fc.record({ hoursPerWeek: fc.integer({ min: 1, max: 40 }), atNight: fc.boolean(), sector: fc.constantFrom(...ROLE_SECTORS) }),
        (rest, role) => {
          expect(assessDisplacement({ ...clean, ...rest, paidInLastThreeYears: true }, role, LIMITS).status).toBe("rejected");
          expect(assessDisplacement({ ...clean, ...rest, wouldOtherwiseBePaid: true }, role, LIMITS).status).toBe("rejected");
        },
      ),
    );
  });

  /** Each finding that sends a role to a reviewer, with a role that gives it and nothing else. */
  const reviewed: Record<
    Exclude<DisplacementFinding, "paidInLastThreeYears" | "wouldOtherwiseBePaid" | "additional">,
    () => ReturnType<typeof assessDisplacement>
  > = {
    doneByPaidStaffElsewhere: () => assessDisplacement({ ...clean, doneByPaidStaffElsewhere: true }, daytime, LIMITS),
    partOfPaidService: () => assessDisplacement({ ...clean, partOfPaidService: true }, daytime, LIMITS),
    recentStaffCuts: () => assessDisplacement({ ...clean, recentStaffCuts: true }, daytime, LIMITS),
    aboveWeeklyNorm: () => assessDisplacement(clean, { ...daytime, hoursPerWeek: 24 }, LIMITS),
    aboveSelfDeclaredMax: () => assessDisplacement(clean, { ...daytime, hoursPerWeek: 12 }, LIMITS),
    atNight: () => assessDisplacement(clean, { ...daytime, atNight: true }, LIMITS),
    riskSector: () => assessDisplacement(clean, { ...daytime, sector: "care" }, LIMITS),
  };

  it("has a case for every finding", () => {
    expect([...Object.keys(reviewed), "paidInLastThreeYears", "wouldOtherwiseBePaid", "additional"].sort()).toEqual(
      [...DISPLACEMENT_FINDINGS].sort(),
    );
  });

  it.each(Object.entries(reviewed))("sends a role to a reviewer for %s alone", (finding, assess) => {
    const outcome = assess();
    expect(outcome.status).toBe("needsReview");
    expect(outcome.findings).toEqual([finding]);
    expect(outcome.reason).toMatch(/^A reviewer decides: /);
  });

  it("says the limit in the reason, and names one hours finding: the norm above the lower limit", () => {
    expect(assessDisplacement(clean, { ...daytime, hoursPerWeek: 24 }, LIMITS).reason).toMatch(/20 hours/);
    expect(assessDisplacement(clean, { ...daytime, hoursPerWeek: 12 }, LIMITS).reason).toMatch(/8 hours/);
    // At the limit is still the host's word; just above it is not.
    expect(assessDisplacement(clean, { ...daytime, hoursPerWeek: 8 }, LIMITS).status).toBe("approved");
    expect(assessDisplacement(clean, { ...daytime, hoursPerWeek: 8.5 }, LIMITS).findings).toEqual(["aboveSelfDeclaredMax"]);
    // An ordinance that sets the limit above the norm: the norm alone decides.
    const generous = { weeklyNormHours: 16, selfDeclaredMaxHours: 24 };
    expect(assessDisplacement(clean, { ...daytime, hoursPerWeek: 12 }, generous).status).toBe("approved");
    expect(assessDisplacement(clean, { ...daytime, hoursPerWeek: 20 }, generous).findings).toEqual(["aboveWeeklyNorm"]);
  });

  it("sends care and cleaning to a reviewer, and no other sector", () => {
    for (const sector of ROLE_SECTORS) {
      const outcome = assessDisplacement(clean, { ...daytime, sector }, LIMITS);
      expect(outcome.status, sector).toBe(RISK_SECTORS.includes(sector) ? "needsReview" : "approved");
    }
    expect(RISK_SECTORS).toEqual(["care", "cleaning"]);
  });

  it("lists every doubt at once", () => {
    const outcome = assessDisplacement(
      { ...clean, doneByPaidStaffElsewhere: true },
      { hoursPerWeek: 12, atNight: true, sector: "cleaning" },
      LIMITS,
    );
    expect(outcome.findings).toEqual(["doneByPaidStaffElsewhere", "aboveSelfDeclaredMax", "atNight", "riskSector"]);
  });

  it("rejects paid work whatever else is found", () => {
    expect(
      assessDisplacement({ ...clean, paidInLastThreeYears: true }, { hoursPerWeek: 30, atNight: true, sector: "care" }, LIMITS).findings,
    ).toEqual(["paidInLastThreeYears"]);
  });
});
