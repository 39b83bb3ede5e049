import { describe, expect, it } from "vitest";
import { measure } from "./common.js";

describe("measure", () => {
  it("takes hours and percentages to the hundredth", () => {
    for (const value of [0, 0.25, 0.29, 1.15, 2.5, 33.33, 40]) expect(measure(40).safeParse(value).success).toBe(true);
  });

  it("refuses finer values, down to the smallest number a real column cannot store, naming the rule", () => {
    for (const value of [5e-324, 1e-40, 0.001, 1.005]) {
      const result = measure(40).safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ code: "custom", params: { code: "tooPrecise" } });
    }
  });

  it("keeps its bounds", () => {
    expect(measure(40).safeParse(-0.01).success).toBe(false);
    expect(measure(40).safeParse(40.01).success).toBe(false);
  });
});
