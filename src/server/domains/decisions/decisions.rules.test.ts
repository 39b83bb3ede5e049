import type { DecisionRow } from "@server/db/schema.js";
import { refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import {
  assertNoObjectionYet,
  assertObjectable,
  assertReceivedOnPlausible,
  DECISION_REFUSALS,
  easterSunday,
  generalHolidays,
  objectionTermEndsOn,
  objectionTermStartsOn,
  termEnd,
} from "./decisions.rules.js";

describe("Easter, from which Good Friday, Ascension and Whitsun follow", () => {
  it.each([
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2028, "2028-04-16"],
    [2038, "2038-04-25"],
  ])("%i: %s", (year, easter) => expect(easterSunday(year)).toBe(easter));
});

describe("the general holidays of the Algemene termijnenwet", () => {
  it("lists 2026's, worked out by hand", () => {
    expect([...generalHolidays(2026)].sort()).toEqual([
      "2026-01-01", // Nieuwjaarsdag
      "2026-04-03", // Goede Vrijdag
      "2026-04-05", // Eerste Paasdag
      "2026-04-06", // Tweede Paasdag
      "2026-04-27", // Koningsdag (a Monday)
      "2026-05-05", // Bevrijdingsdag
      "2026-05-14", // Hemelvaartsdag
      "2026-05-24", // Eerste Pinksterdag
      "2026-05-25", // Tweede Pinksterdag
      "2026-12-25",
      "2026-12-26",
    ]);
  });

  it("celebrates King's Day on 26 April when the 27th is a Sunday (2025)", () => {
    expect(generalHolidays(2025).has("2025-04-26")).toBe(true);
    expect(generalHolidays(2025).has("2025-04-27")).toBe(false);
  });
});

describe("the objection term: six weeks from the day after the letter, moved past weekends and holidays", () => {
  it.each([
    // letter date, last day to object, why
    ["2026-11-02", "2026-12-14", "a Monday letter: the Monday six weeks on"],
    ["2026-11-06", "2026-12-18", "a Friday letter: an ordinary Friday"],
    ["2026-11-07", "2026-12-21", "ends on a Saturday: the Monday after"],
    ["2026-11-08", "2026-12-21", "ends on a Sunday: the Monday after"],
    ["2026-11-12", "2026-12-24", "Christmas Eve is a working day"],
    ["2026-11-13", "2026-12-28", "ends on Christmas Day: past Boxing Day and the Sunday"],
    ["2026-11-20", "2027-01-04", "ends on New Year's Day, a Friday: the Monday after"],
    ["2026-02-20", "2026-04-07", "ends on Good Friday: past Easter to the Tuesday"],
    ["2027-02-12", "2027-03-30", "Good Friday 2027 (26 March): past Easter Monday"],
    ["2026-03-16", "2026-04-28", "ends on King's Day, a Monday"],
    ["2027-03-16", "2027-04-28", "King's Day 2027, a Tuesday"],
    ["2026-03-24", "2026-05-06", "ends on 5 May"],
    ["2026-04-02", "2026-05-15", "ends on Ascension Day"],
    ["2026-04-13", "2026-05-26", "ends on Whit Monday"],
    ["2026-12-31", "2027-02-11", "across the new year"],
  ])("letter %s: object until %s (%s)", (letterDate, until) => {
    expect(objectionTermEndsOn(letterDate)).toBe(until);
  });

  it("starts the day after the letter's date", () => {
    expect(objectionTermStartsOn("2026-12-31")).toBe("2027-01-01");
  });

  it("leaves a working day as it is", () => {
    expect(termEnd("2026-12-02")).toBe("2026-12-02");
  });
});

const decision = (overrides: Partial<DecisionRow> = {}): DecisionRow =>
  ({ type: "sanctionImposed", letter_id: "l1", decided_by: "u1", prepared_by: "u0", ...overrides }) as DecisionRow;

describe("decision refusals", () => {
  const table: Record<(typeof DECISION_REFUSALS)[number], { refused: () => void; allowed: () => void }> = {
    notObjectable: {
      refused: () => assertObjectable(decision({ type: "objectionDecision" })),
      allowed: () => assertObjectable(decision()),
    },
    objectionExists: { refused: () => assertNoObjectionYet({ id: "o1" }), allowed: () => assertNoObjectionYet(null) },
    "receivedOn:dateInFuture": {
      refused: () => assertReceivedOnPlausible("2026-12-03", "2026-11-01", "2026-12-02"),
      allowed: () => assertReceivedOnPlausible("2026-12-02", "2026-11-01", "2026-12-02"),
    },
    "receivedOn:beforeStart": {
      refused: () => assertReceivedOnPlausible("2026-10-31", "2026-11-01", "2026-12-02"),
      allowed: () => assertReceivedOnPlausible("2026-11-01", "2026-11-01", "2026-12-02"),
    },
  };

  it("has a case for every refusal code", () => {
    expect(Object.keys(table).sort()).toEqual([...DECISION_REFUSALS].sort());
  });

  it.each(Object.entries(table))("refuses with %s and lets the neighbouring case pass", (code, { refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });
});
