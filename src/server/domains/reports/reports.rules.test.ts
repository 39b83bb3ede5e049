import { AppError } from "@server/http/errors.js";
import { describe, expect, it } from "vitest";
import { annualPeriod, assertYearHasBegun } from "./reports.rules.js";

describe("annual report rules", () => {
  it("refuses a year that has not begun, naming the field", () => {
    expect(() => assertYearHasBegun(2027, "2026-12-31")).toThrow(AppError);
    try {
      assertYearHasBegun(2027, "2026-12-31");
    } catch (error) {
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).invalidParams).toEqual([expect.objectContaining({ name: "year", code: "dateInFuture" })]);
    }
    expect(() => assertYearHasBegun(2026, "2026-01-01")).not.toThrow();
    expect(() => assertYearHasBegun(2025, "2026-06-30")).not.toThrow();
  });

  it("covers the whole calendar year once it is over, and up to today while it goes on", () => {
    expect(annualPeriod(2025, "2026-03-01")).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(annualPeriod(2026, "2026-03-01")).toEqual({ from: "2026-01-01", to: "2026-03-01" });
    expect(annualPeriod(2026, "2026-12-31")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });
});
