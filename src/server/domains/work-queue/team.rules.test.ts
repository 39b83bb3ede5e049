import { describe, expect, it } from "vitest";
import { WHO5_TREND_MIN_CHECK_INS, who5Percentage, who5TrendOf } from "./team.rules.js";

const enough = WHO5_TREND_MIN_CHECK_INS;

describe("the WHO-5 trend of a caseload", () => {
  it("reports the raw score as the instrument's percentage", () => {
    expect(who5Percentage(13)).toBe(52);
    expect(who5Percentage(12.5)).toBe(50);
  });

  it("says up, down or steady by a change of five points", () => {
    expect(who5TrendOf({ mean: 14, count: enough }, { mean: 12.5, count: enough })).toBe("up"); // 56 against 50
    expect(who5TrendOf({ mean: 13.5, count: enough }, { mean: 12.5, count: enough })).toBe("steady"); // 54 against 50
    expect(who5TrendOf({ mean: 11.25, count: enough }, { mean: 12.5, count: enough })).toBe("down"); // 45 against 50
  });

  it("says nothing when either period rests on too few check-ins", () => {
    expect(who5TrendOf({ mean: 20, count: enough - 1 }, { mean: 5, count: enough })).toBeNull();
    expect(who5TrendOf({ mean: 20, count: enough }, undefined)).toBeNull();
  });
});
