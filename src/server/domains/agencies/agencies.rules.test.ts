import { AppError } from "@server/http/errors.js";
import { describe, expect, it } from "vitest";
import {
  AGENCY_REFUSALS,
  assertAssignmentEndable,
  assertAssignmentPeriod,
  assertEndDateInPeriod,
  assertNoOverlappingAssignment,
  assignmentStatus,
  periodEndedOn,
  periodsOverlap,
  presentableResults,
  resultOfAssignment,
  sumResults,
  who5ChangeOf,
} from "./agencies.rules.js";

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const field = error.invalidParams?.[0];
    return error.code === "invalidInput" && field ? `${field.name}:${field.code}` : error.code;
  }
  return null;
};

const contract = { intake_within_days: 28, placement_within_days: 90, placement_min_weeks: 13 };
const assignment = { start_date: "2026-01-01", end_date: "2026-12-31", ...contract };
const none = { intakes: [], placements: [], checkIns: [] };
const period = { start_date: "2026-01-01", end_date: "2026-12-31" };

describe("agency rules", () => {
  it("refuses by each code it names", () => {
    const seen = [
      refusal(() => assertAssignmentPeriod("2026-07-01", "2026-06-30", "2026-06-01")),
      refusal(() => assertAssignmentPeriod("2026-01-01", "2026-05-31", "2026-06-01")),
      refusal(() =>
        assertNoOverlappingAssignment([{ start_date: "2026-01-01", end_date: "2026-06-30" }], {
          start_date: "2026-06-30",
          end_date: "2026-12-31",
        }),
      ),
      refusal(() => assertAssignmentEndable({ ...period, ended_on: "2026-05-01" }, "2026-06-01")),
      refusal(() => assertAssignmentEndable({ ...period, ended_on: null }, "2027-01-01")),
      refusal(() => assertEndDateInPeriod(period, "2025-12-31")),
      refusal(() => assertEndDateInPeriod(period, "2027-01-01")),
    ];
    expect(seen).toEqual([...AGENCY_REFUSALS]);
  });

  it("ends an assignment that has not run out, once, as of a day from its start to its planned end", () => {
    expect(refusal(() => assertAssignmentEndable({ ...period, ended_on: null }, "2026-12-31"))).toBeNull();
    expect(refusal(() => assertAssignmentEndable({ ...period, ended_on: null }, "2025-11-01"))).toBeNull();
    expect(refusal(() => assertEndDateInPeriod(period, "2026-01-01"))).toBeNull();
    expect(refusal(() => assertEndDateInPeriod(period, "2026-12-31"))).toBeNull();
  });

  it("cuts the period to the day before the end date, so the agency's last day is the day before", () => {
    expect(periodEndedOn("2026-03-01")).toEqual({ end_date: "2026-02-28" });
    // Ended on its start day, the period holds no day, and so overlaps no later one.
    const never = { start_date: "2026-01-01", ...periodEndedOn("2026-01-01") };
    expect(periodsOverlap(never, { start_date: "2026-01-01", end_date: "2026-01-31" })).toBe(false);
  });

  it("tells where an assignment stands: upcoming, current, completed, or ended early from its end date", () => {
    const open = { ...period, ended_on: null };
    expect(assignmentStatus(open, "2025-12-31")).toBe("upcoming");
    expect(assignmentStatus(open, "2026-01-01")).toBe("current");
    expect(assignmentStatus(open, "2026-12-31")).toBe("current");
    expect(assignmentStatus(open, "2027-01-01")).toBe("completed");
    const ended = { ...period, ...periodEndedOn("2026-07-01"), ended_on: "2026-07-01" };
    expect(assignmentStatus(ended, "2026-06-30")).toBe("current");
    expect(assignmentStatus(ended, "2026-07-01")).toBe("endedEarly");
    const never = { ...period, ...periodEndedOn("2026-01-01"), ended_on: "2026-01-01" };
    expect(assignmentStatus(never, "2025-12-01")).toBe("endedEarly");
  });

  it("lets a period start the day after another ends, and one that ends today", () => {
    expect(
      refusal(() =>
        assertNoOverlappingAssignment([{ start_date: "2026-01-01", end_date: "2026-06-30" }], {
          start_date: "2026-07-01",
          end_date: "2026-12-31",
        }),
      ),
    ).toBeNull();
    expect(refusal(() => assertAssignmentPeriod("2026-06-01", "2026-06-01", "2026-06-01"))).toBeNull();
  });

  it("counts a target only once its term passed or it was met", () => {
    const fresh = resultOfAssignment(assignment, none, "2026-01-10");
    expect(fresh).toMatchObject({ intakesTargeted: 0, placementsTargeted: 0, currentAssignments: 1 });
    const late = resultOfAssignment(assignment, { ...none, intakes: [{ held_on: "2026-02-15" }] }, "2026-05-01");
    expect(late).toMatchObject({ intakesTargeted: 1, intakesOnTime: 0, placementsTargeted: 1, placementsOnTime: 0 });
    const onTime = resultOfAssignment(assignment, { ...none, intakes: [{ held_on: "2026-01-20" }] }, "2026-01-25");
    expect(onTime).toMatchObject({ intakesTargeted: 1, intakesOnTime: 1 });
  });

  it("tells a placement that lasts from one that is met on paper but fails the client", () => {
    const placements = [
      // Started in time, ran 10 weeks and ended through the organisation: under the contract's 13 weeks.
      { started_on: "2026-02-01", ended_on: "2026-04-12", attributable_to: "organisation" },
      // Started in time and still running after four months: lasting.
      { started_on: "2026-03-01", ended_on: null, attributable_to: null },
      // Started before the assignment: not the agency's.
      { started_on: "2025-10-01", ended_on: null, attributable_to: null },
    ];
    const result = resultOfAssignment(assignment, { ...none, placements }, "2026-07-01");
    expect(result).toMatchObject({
      placementsStarted: 2,
      placementsTargeted: 1,
      placementsOnTime: 1,
      durationsTargeted: 2,
      durationsMet: 1,
      lastingPlacements: 1,
      lastingPlacementsDecided: 2,
      endings: 1,
      endingsAttributedToOrganisation: 1,
    });
  });

  it("measures the WHO-5 change from the last score before the start to the last in the period, in percentage points", () => {
    const checkIns = [
      { held_on: "2025-12-01", who5_raw: 10 },
      { held_on: "2026-03-01", who5_raw: 12 },
      { held_on: "2026-06-01", who5_raw: 15 },
      { held_on: "2026-08-01", who5_raw: 5 },
    ];
    expect(who5ChangeOf(assignment, checkIns, "2026-07-01")).toBe(20);
    expect(who5ChangeOf(assignment, [{ held_on: "2026-03-01", who5_raw: 12 }], "2026-07-01")).toBeNull();
  });

  it("adds results up and averages the WHO-5 change over the clients measured", () => {
    const a = resultOfAssignment(
      assignment,
      {
        ...none,
        checkIns: [
          { held_on: "2025-12-01", who5_raw: 10 },
          { held_on: "2026-02-01", who5_raw: 15 },
        ],
      },
      "2026-03-01",
    );
    const b = resultOfAssignment(
      assignment,
      {
        ...none,
        checkIns: [
          { held_on: "2025-12-01", who5_raw: 10 },
          { held_on: "2026-02-01", who5_raw: 10 },
        ],
      },
      "2026-03-01",
    );
    const c = resultOfAssignment(assignment, none, "2026-03-01");
    const total = presentableResults(sumResults([a, b, c]));
    expect(total).toMatchObject({ assignments: 3, who5Clients: 2, who5Change: 10 });
    expect(presentableResults(sumResults([])).who5Change).toBeNull();
  });
});
