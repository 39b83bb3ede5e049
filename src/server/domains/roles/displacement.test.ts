import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessDisplacement } from "./displacement.js";

const NORM = 20;
const clean = {
  paidInLastThreeYears: false,
  doneByPaidStaffElsewhere: false,
  wouldOtherwiseBePaid: false,
  partOfPaidService: false,
  recentStaffCuts: false,
};

describe("displacement check", () => {
  it("approves additional work", () => {
    expect(assessDisplacement(clean, 8, NORM).status).toBe("approved");
  });

  it("rejects work that was paid recently or would otherwise be paid, whatever else is answered", () => {
    fc.assert(
      fc.property(
        fc.record({ doneByPaidStaffElsewhere: fc.boolean(), partOfPaidService: fc.boolean(), recentStaffCuts: fc.boolean() }),
        fc.integer({ min: 1, max: 40 }),
        (rest, hours) => {
          expect(assessDisplacement({ ...clean, ...rest, paidInLastThreeYears: true }, hours, NORM).status).toBe("rejected");
          expect(assessDisplacement({ ...clean, ...rest, wouldOtherwiseBePaid: true }, hours, NORM).status).toBe("rejected");
        },
      ),
    );
  });

  it("sends doubtful roles to a reviewer and says why", () => {
    for (const key of ["doneByPaidStaffElsewhere", "partOfPaidService", "recentStaffCuts"] as const) {
      expect(assessDisplacement({ ...clean, [key]: true }, 8, NORM).status, key).toBe("needsReview");
    }
    const long = assessDisplacement(clean, 24, NORM);
    expect(long.status).toBe("needsReview");
    expect(long.findings).toEqual(["aboveWeeklyNorm"]);
    expect(assessDisplacement({ ...clean, paidInLastThreeYears: true }, 4, NORM).findings).toEqual(["paidInLastThreeYears"]);
    expect(long.reason).toMatch(/20 hours/);
  });
});
