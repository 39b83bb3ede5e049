import { refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import { postcodeCentroid } from "@shared/geo.js";
import { describe, expect, it } from "vitest";
import {
  assertMayPlanFor,
  assertNoPlanInProgress,
  assertPlanDistrictKnown,
  assertProposalPending,
  type ClientProfile,
  causeWithoutRoles,
  constraintKeepingRole,
  dutchLevelOfScore,
  evaluate,
  type RoleOffer,
  ruledOutByLimitsAlone,
  STALE_PLAN_MINUTES,
  scoreOf,
  stalePlanCutoff,
  suggestionsBlockedBy,
} from "./matching.rules.js";

const hoursPerLevel = { light: 1, regular: 2, intensive: 4 };

const client = (overrides: Partial<ClientProfile> = {}): ClientProfile => ({
  id: "c1",
  district: "Charlois",
  point: postcodeCentroid("3081"),
  guidanceNeed: "regular",
  capacityLeft: 12,
  travelRadiusKm: 5,
  availability: ["tue-am", "thu-am"],
  interests: ["dieren"],
  skills: [],
  wishes: [],
  education: null,
  limits: { hoursPerDay: null, daysPerWeek: null, functionalLimits: [] },
  dutchLevel: 2,
  avoidOrganisations: new Set(),
  openRoles: new Set(),
  ...overrides,
});

const role = (overrides: Partial<RoleOffer> = {}): RoleOffer => ({
  id: "r1",
  title: "Dieren verzorgen",
  description: "Hokken schoonmaken, dieren voeren.",
  organisationId: "o1",
  organisationName: "Kinderboerderij",
  postcode: "3081 AB",
  point: postcodeCentroid("3081"),
  minHoursPerWeek: 2,
  hoursPerWeek: 8,
  weekdayParts: ["tue-am"],
  dutchLevel: 2,
  guidanceLevel: "regular",
  freePlaces: 2,
  acceptsLimitedDutch: false,
  guidanceHoursLeft: 10,
  longestDayHours: 4,
  daysPerWeek: 2,
  demands: [],
  skills: [],
  educationLevel: "none",
  ...overrides,
});

describe("matching rules", () => {
  it("passes a role that fits in every way, with its reasons", () => {
    const result = evaluate(client(), role(), hoursPerLevel);
    expect(result.failures).toEqual([]);
    expect(result.hours).toBe(8);
    expect(result.reasons.map((r) => r.code)).toEqual(["distance", "fitsHours", "interest", "dutchLevel", "guidance", "weekdays"]);
    expect(result.reasons).toContainEqual({ code: "interest", interest: "dieren" });
    expect(result.reasons).toContainEqual({ code: "weekdays", parts: ["tue-am"] });
  });

  it("names each hard constraint a role fails", () => {
    const far = postcodeCentroid("3069"); // Prins Alexander, across the river from Charlois
    expect(evaluate(client(), role({ point: far }), hoursPerLevel).failures).toEqual(["distance"]);
    expect(evaluate(client(), role({ point: null }), hoursPerLevel).failures).toEqual(["distance"]);
    expect(evaluate(client({ capacityLeft: 1 }), role(), hoursPerLevel).failures).toEqual(["hours"]);
    expect(evaluate(client({ guidanceNeed: "intensive" }), role(), hoursPerLevel).failures).toEqual(["guidance"]);
    expect(evaluate(client(), role({ guidanceHoursLeft: 1.5 }), hoursPerLevel).failures).toEqual(["guidance"]);
    expect(evaluate(client(), role({ weekdayParts: ["sat-pm"] }), hoursPerLevel).failures).toEqual(["weekdays"]);
    expect(evaluate(client({ dutchLevel: 1 }), role(), hoursPerLevel).failures).toEqual(["language"]);
    expect(evaluate(client({ avoidOrganisations: new Set(["o1"]) }), role(), hoursPerLevel).failures).toEqual(["history"]);
  });

  it("rules out a role that breaks a limit of the client: its longest day, its days, its demands", () => {
    const limits = { hoursPerDay: 6, daysPerWeek: 2, functionalLimits: ["heavyLifting" as const] };
    const limited = client({ limits });
    expect(evaluate(limited, role({ longestDayHours: 6, daysPerWeek: 2 }), hoursPerLevel).failures).toEqual([]);
    const warehouse = evaluate(
      limited,
      role({ longestDayHours: 10, daysPerWeek: 3, demands: ["heavyLifting", "standingLong"] }),
      hoursPerLevel,
    );
    expect(warehouse.failures).toEqual(["dailyHours", "days", "functionalLimit"]);
    expect(warehouse.broken).toEqual({ aboveDailyLimit: true, aboveDaysLimit: true, functionalLimits: ["heavyLifting"] });
    expect(ruledOutByLimitsAlone(warehouse.failures)).toBe(true);
    expect(
      ruledOutByLimitsAlone(evaluate(limited, role({ demands: ["heavyLifting"], weekdayParts: ["sat-pm"] }), hoursPerLevel).failures),
    ).toBe(false);
    // Without limits, the same role fits: a demand alone rules nobody out.
    expect(evaluate(client(), role({ longestDayHours: 10, demands: ["heavyLifting"] }), hoursPerLevel).failures).toEqual([]);
  });

  it("scores skills, wishes and education, and says so every time a role asks less than the client's education", () => {
    const graduate = client({ education: "higher", skills: ["administratie"], wishes: ["boekhouding"] });
    const sorting = evaluate(graduate, role({ title: "Sorteren", description: "Kleding sorteren." }), hoursPerLevel);
    expect(sorting.reasons).toContainEqual({ code: "belowEducation", level: "none", clientLevel: "higher" });
    const office = evaluate(
      graduate,
      role({ title: "Boekhouding buurthuis", description: "De kas bijhouden.", skills: ["administratie"], educationLevel: "higher" }),
      hoursPerLevel,
    );
    expect(office.reasons).toContainEqual({ code: "education", level: "higher" });
    expect(office.reasons).toContainEqual({ code: "skill", skill: "administratie" });
    expect(office.reasons).toContainEqual({ code: "wish", wish: "boekhouding" });
    expect(office.reasons.some((r) => r.code === "belowEducation")).toBe(false);
    expect(office.cost).toBeLessThan(sorting.cost);
    const above = evaluate(client({ education: "basic" }), role({ educationLevel: "higher" }), hoursPerLevel);
    expect(above.reasons).toContainEqual({ code: "aboveEducation", level: "higher", clientLevel: "basic" });
    expect(above.failures).toEqual([]);
    // An unknown education neither costs nor explains anything.
    expect(evaluate(client(), role({ educationLevel: "higher" }), hoursPerLevel).reasons.some((r) => r.code.includes("ducation"))).toBe(
      false,
    );
  });

  it("offers fewer hours when capacity left is below the role's hours, never more than is left", () => {
    const result = evaluate(client({ capacityLeft: 5 }), role(), hoursPerLevel);
    expect(result.failures).toEqual([]);
    expect(result.hours).toBe(5);
    expect(result.reasons).toContainEqual({ code: "fitsHours", hours: 5, capacityLeft: 5 });
  });

  it("treats unrecorded weekday parts as flexible and welcomes limited Dutch one level below", () => {
    expect(evaluate(client({ availability: [] }), role({ weekdayParts: ["sat-pm"] }), hoursPerLevel).failures).toEqual([]);
    expect(evaluate(client(), role({ weekdayParts: [] }), hoursPerLevel).failures).toEqual([]);
    const welcoming = evaluate(client({ dutchLevel: 1 }), role({ acceptsLimitedDutch: true }), hoursPerLevel);
    expect(welcoming.failures).toEqual([]);
    expect(welcoming.reasons).toContainEqual({ code: "limitedDutchWelcome" });
    expect(evaluate(client({ dutchLevel: 0 }), role({ acceptsLimitedDutch: true }), hoursPerLevel).failures).toEqual(["language"]);
  });

  it("costs more for distance, spare hours, guidance beyond the need and no shared interest", () => {
    const base = evaluate(client(), role(), hoursPerLevel).cost;
    expect(evaluate(client(), role({ point: postcodeCentroid("3082") }), hoursPerLevel).cost).toBeGreaterThan(base);
    expect(evaluate(client(), role({ hoursPerWeek: 4 }), hoursPerLevel).cost).toBeGreaterThan(base);
    expect(evaluate(client(), role({ guidanceLevel: "intensive" }), hoursPerLevel).cost).toBeGreaterThan(base);
    expect(evaluate(client({ interests: ["muziek"] }), role(), hoursPerLevel).cost).toBeGreaterThan(base);
    expect(Number.isInteger(base)).toBe(true);
  });

  it("matches interests through related words", () => {
    const kitchen = role({ title: "Hulp in de keuken", description: "Groente snijden, helpen bij de buurtmaaltijd." });
    expect(evaluate(client({ interests: ["koken"] }), kitchen, hoursPerLevel).reasons).toContainEqual({
      code: "interest",
      interest: "koken",
    });
    expect(evaluate(client({ interests: ["muziek"] }), kitchen, hoursPerLevel).reasons.some((r) => r.code === "interest")).toBe(false);
  });

  it("maps the intake's language score to a Dutch level and a cost to a score out of 100", () => {
    expect([1, 2, 3, 4, 5].map(dutchLevelOfScore)).toEqual([0, 1, 2, 3, 4]);
    expect(scoreOf(0)).toBe(100);
    expect(scoreOf(40)).toBe(90);
    expect(scoreOf(10_000)).toBe(0);
  });

  it("names the cause of an unplaced client without roles: the constraint that opens the most roles when lifted", () => {
    expect(
      causeWithoutRoles(
        new Map([
          ["distance", 3],
          ["hours", 5],
        ]),
        0,
      ),
    ).toBe("hours");
    expect(causeWithoutRoles(new Map([["distance", 3]]), 4)).toBe("places");
    expect(causeWithoutRoles(new Map([["guidance", 1]]), 0)).toBe("guidance");
    expect(causeWithoutRoles(new Map([["language", 9]]), 0)).toBe("other");
  });

  it("names the client's limits by the limit, never as another reason", () => {
    expect(causeWithoutRoles(new Map([["dailyHours", 4]]), 0)).toBe("aboveDailyLimit");
    expect(causeWithoutRoles(new Map([["days", 2]]), 0)).toBe("aboveDaysLimit");
    expect(
      causeWithoutRoles(
        new Map([
          ["functionalLimit", 3],
          ["distance", 2],
        ]),
        0,
      ),
    ).toBe("functionalLimit");
    expect(
      causeWithoutRoles(
        new Map([
          ["dailyHours", 1],
          ["hours", 2],
        ]),
        0,
      ),
    ).toBe("hours");
  });

  it("keeps a role away by its one failure, or by the first of the client's limits when only limits fail", () => {
    expect(constraintKeepingRole([])).toBeNull();
    expect(constraintKeepingRole(["distance"])).toBe("distance");
    expect(constraintKeepingRole(["distance", "hours"])).toBeNull();
    expect(constraintKeepingRole(["dailyHours", "functionalLimit"])).toBe("dailyHours");
    expect(constraintKeepingRole(["days", "functionalLimit"])).toBe("days");
    expect(constraintKeepingRole(["distance", "functionalLimit"])).toBeNull();
  });
});

describe("matching refusals", () => {
  const consultant = { role: "consultant" as const, districts: ["Charlois"] };
  const lead = { role: "teamLead" as const, districts: ["Charlois"] };
  const admin = { role: "admin" as const, districts: [] };

  /** Each refusal the rules file can give, with a case that gives it and a neighbouring case that passes. */
  const table: Record<string, { refused: () => void; allowed: () => void }> = {
    "district:unknownDistrict": { refused: () => assertPlanDistrictKnown("Atlantis"), allowed: () => assertPlanDistrictKnown("Charlois") },
    districtOutOfScope: { refused: () => assertMayPlanFor(lead, "Overschie"), allowed: () => assertMayPlanFor(lead, "Charlois") },
    planRunning: { refused: () => assertNoPlanInProgress({ id: "p1" }), allowed: () => assertNoPlanInProgress(undefined) },
    proposalDecided: {
      refused: () => assertProposalPending({ status: "rejected" }),
      allowed: () => assertProposalPending({ status: "pending" }),
    },
  };

  it("has a case for every refusal code in matching.rules.ts", () => {
    expect(Object.keys(table).sort()).toEqual(refusalCodesIn(new URL("./matching.rules.ts", import.meta.url)));
  });

  it.each(Object.entries(table))("refuses with %s and lets the neighbouring case pass", (code, { refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });

  it("lets an admin plan the whole city and a team lead only their own districts", () => {
    expect(refusalOf(() => assertMayPlanFor(admin, null))).toBeNull();
    expect(refusalOf(() => assertMayPlanFor(lead, null))).toBe("districtOutOfScope");
    expect(refusalOf(() => assertMayPlanFor(consultant, "Overschie"))).toBeNull();
    expect(refusalOf(() => assertPlanDistrictKnown(null))).toBeNull();
  });

  it("names why a client gets no suggestions before any role is looked at", () => {
    expect(suggestionsBlockedBy(undefined)).toBe("noIntake");
    expect(suggestionsBlockedBy(client({ capacityLeft: null }))).toBe("capacityNotAssessed");
    expect(suggestionsBlockedBy(client({ capacityLeft: 0 }))).toBe("noCapacityLeft");
    expect(suggestionsBlockedBy(client({ point: null }))).toBe("postcodeUnknown");
    expect(suggestionsBlockedBy(client())).toBeNull();
  });

  it("counts a plan in progress as cut off once it is older than the stale limit", () => {
    const now = new Date("2026-03-02T10:00:00.000Z");
    expect(stalePlanCutoff(now)).toBe(new Date(now.getTime() - STALE_PLAN_MINUTES * 60_000).toISOString());
    expect(stalePlanCutoff(now) < now.toISOString()).toBe(true);
  });
});
