import { refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import { assertRunDateNotInFuture } from "./scheduler.rules.js";

describe("scheduler refusals", () => {
  /** Each refusal the rules file can give, with a case that gives it and a neighbouring case that passes. */
  const table: Record<string, { refused: () => void; allowed: () => void }> = {
    "date:dateInFuture": {
      refused: () => assertRunDateNotInFuture("2026-12-03", "2026-12-02"),
      allowed: () => assertRunDateNotInFuture("2026-12-02", "2026-12-02"),
    },
  };

  it("has a case for every refusal code in scheduler.rules.ts", () => {
    expect(Object.keys(table).sort()).toEqual(refusalCodesIn(new URL("./scheduler.rules.ts", import.meta.url)));
  });

  it.each(Object.entries(table))("refuses with %s and lets the neighbouring case pass", (code, { refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });

  it("lets a missed day in the past be caught up", () => {
    expect(refusalOf(() => assertRunDateNotInFuture("2025-01-31", "2026-12-02"))).toBeNull();
  });
});
