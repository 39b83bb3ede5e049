import { describe, expect, it } from "vitest";
import { guidanceSupplyOn, isSupportInForce, organisationLeavingSignal } from "./organisations.rules.js";

describe("guidance supply with the municipality's bought support", () => {
  const support = [
    { hours_per_week: 2, starts_on: "2026-01-01", ends_on: "2026-06-30" },
    { hours_per_week: 1.5, starts_on: "2026-06-01", ends_on: "2026-12-31" },
  ];

  it("adds the bought hours in force today to the declared hours", () => {
    expect(guidanceSupplyOn(4, support, "2026-03-01")).toBe(6);
    expect(guidanceSupplyOn(4, support, "2026-06-15")).toBe(7.5);
    expect(guidanceSupplyOn(4, support, "2027-01-01")).toBe(4);
  });

  it("counts support on both the first and the last day of its period", () => {
    const firstHalf = { hours_per_week: 2, starts_on: "2026-01-01", ends_on: "2026-06-30" };
    expect(isSupportInForce(firstHalf, "2026-01-01")).toBe(true);
    expect(isSupportInForce(firstHalf, "2026-06-30")).toBe(true);
    expect(isSupportInForce(firstHalf, "2026-07-01")).toBe(false);
  });
});

describe("volunteers leaving an organisation", () => {
  it("signals from a quarter of at least three started placements ended by the organisation's doing", () => {
    expect(organisationLeavingSignal(2, 2)).toBe(false);
    expect(organisationLeavingSignal(4, 1)).toBe(true);
    expect(organisationLeavingSignal(8, 1)).toBe(false);
    expect(organisationLeavingSignal(8, 2)).toBe(true);
  });
});
