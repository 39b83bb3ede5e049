import { describe, expect, it } from "vitest";
import { todayInAmsterdam, wholeYearsBetween, yearsBefore } from "./dates.js";

describe("dates", () => {
  it("takes today's date in Amsterdam, not UTC", () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam (UTC+1 in winter).
    expect(todayInAmsterdam(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
    // 21:30 UTC in summer is 23:30 in Amsterdam (UTC+2): still the same day.
    expect(todayInAmsterdam(new Date("2026-07-01T21:30:00Z"))).toBe("2026-07-01");
  });

  it("counts whole years as a birthday does", () => {
    expect(wholeYearsBetween("2021-11-28", "2026-11-28")).toBe(5);
    expect(wholeYearsBetween("2021-11-29", "2026-11-28")).toBe(4);
    expect(wholeYearsBetween("2027-01-01", "2026-11-28")).toBe(0);
  });

  it("steps back whole years, 29 February to the 28th", () => {
    expect(yearsBefore("2026-11-28", 5)).toBe("2021-11-28");
    expect(yearsBefore("2024-02-29", 1)).toBe("2023-02-28");
  });
});
