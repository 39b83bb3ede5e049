import { describe, expect, it } from "vitest";
import {
  assertAllowanceLimitsKnown,
  assertExpenseNotPaid,
  assertWithinAllowanceLimits,
  monthlyAllowanceCap,
  toCents,
} from "./expenses.rules.js";

const limits2026 = { year: 2026, hourly_cents: 560, monthly_cents: 21000, yearly_cents: 210000 };
const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error as { status: number; code: string; invalidParams?: { name: string }[] };
  }
  throw new Error("not refused");
};

describe("volunteer allowance limits", () => {
  it("caps a month at the monthly maximum, or the hourly maximum over the month's hours when that is less", () => {
    expect(monthlyAllowanceCap(limits2026, 12)).toBe(21000);
    // 4 hours a week: 5.60 × 4 × 52/12 = 97.06
    expect(monthlyAllowanceCap(limits2026, 4)).toBe(9706);
  });

  it("accepts an allowance up to the month's cap and refuses a cent more, naming the amount", () => {
    expect(() =>
      assertWithinAllowanceLimits(limits2026, { hoursPerWeek: 12, monthTotalCents: 10000, yearTotalCents: 10000, amountCents: 11000 }),
    ).not.toThrow();
    const error = refusal(() =>
      assertWithinAllowanceLimits(limits2026, { hoursPerWeek: 12, monthTotalCents: 10000, yearTotalCents: 10000, amountCents: 11001 }),
    );
    expect(error.status).toBe(409);
    expect(error.code).toBe("allowanceAboveLimit");
    expect(error.invalidParams?.[0]?.name).toBe("amount");
  });

  it("refuses what would pass the yearly maximum", () => {
    expect(
      refusal(() =>
        assertWithinAllowanceLimits(limits2026, { hoursPerWeek: 12, monthTotalCents: 0, yearTotalCents: 200000, amountCents: 10001 }),
      ).code,
    ).toBe("allowanceAboveLimit");
  });

  it("refuses a year without limits in the table", () => {
    expect(refusal(() => assertAllowanceLimitsKnown(undefined, 2031)).code).toBe("allowanceLimitsMissing");
    expect(() => assertAllowanceLimitsKnown(limits2026, 2026)).not.toThrow();
  });

  it("records a payment once", () => {
    expect(() => assertExpenseNotPaid({ paid_on: null })).not.toThrow();
    expect(refusal(() => assertExpenseNotPaid({ paid_on: "2026-06-01" })).code).toBe("expensePaid");
  });

  it("counts euros in whole cents", () => {
    expect(toCents(12.34)).toBe(1234);
    expect(toCents(0.1 + 0.2)).toBe(30);
  });
});
