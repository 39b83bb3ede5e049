import { addMonths } from "@shared/dates.js";
import { describe, expect, it } from "vitest";
import {
  DEMO_PLACEMENT_EFFECT,
  drawOutcomeLevels,
  LADDER_BASE,
  LADDER_TREND_PER_MONTH,
  ladderRungOn,
  monthIndex,
  treatedOn,
  WHO5_TREND_PER_MONTH,
  who5ItemsOn,
} from "./outcomes.js";
import { SeededRandom } from "./population.js";

const TODAY = "2026-11-28";
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe("demo outcomes", () => {
  it("counts months from the month two years before today", () => {
    expect(monthIndex("2024-11-01", TODAY)).toBe(0);
    expect(monthIndex("2025-01-31", TODAY)).toBe(2);
    expect(monthIndex(TODAY, TODAY)).toBe(24);
  });

  it("treats a client from the calendar month of the placement's start on", () => {
    expect(treatedOn(null, "2026-05-01")).toBe(false);
    expect(treatedOn("2026-05-20", "2026-04-30")).toBe(false);
    expect(treatedOn("2026-05-20", "2026-05-02")).toBe(true);
    expect(treatedOn("2026-05-20", "2026-09-02")).toBe(true);
  });

  it("makes WHO-5 items of 0–5 that add up to a score within 0–25 whose mean is the documented one", () => {
    const random = new SeededRandom(1);
    const levels = { rung: 2, who5: 9.37 };
    const month = addMonths(TODAY, -10);
    const t = monthIndex(month, TODAY);
    for (const treated of [false, true]) {
      const draws = Array.from({ length: 40_000 }, () => who5ItemsOn(random, levels, month, TODAY, treated));
      expect(draws.filter((items) => items.length !== 5 || items.some((item) => item < 0 || item > 5))).toEqual([]);
      const scores = draws.map((items) => items.reduce((a, b) => a + b, 0));
      const expected = levels.who5 + WHO5_TREND_PER_MONTH * t + (treated ? DEMO_PLACEMENT_EFFECT.who5 : 0);
      expect(mean(scores)).toBeCloseTo(expected, 1);
      expect(Math.min(...scores)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...scores)).toBeLessThanOrEqual(25);
    }
  });

  it("makes ladder rungs whose mean is the documented one, one rung at most above the client's own", () => {
    const random = new SeededRandom(2);
    const levels = { rung: 5, who5: 12 };
    for (const treated of [false, true]) {
      const rungs = Array.from({ length: 40_000 }, () => ladderRungOn(random, levels, TODAY, TODAY, treated));
      const expected = levels.rung + LADDER_BASE + LADDER_TREND_PER_MONTH * 24 + (treated ? DEMO_PLACEMENT_EFFECT.ladderRung : 0);
      expect(mean(rungs)).toBeCloseTo(expected, 1);
      expect(new Set(rungs)).toEqual(new Set([5, 6]));
    }
  });

  it("draws own levels within the ranges that keep every outcome unclipped", () => {
    const random = new SeededRandom(3);
    for (let i = 0; i < 2000; i++) {
      const levels = drawOutcomeLevels(random);
      expect(levels.rung >= 1 && levels.rung <= 5).toBe(true);
      expect(levels.who5 >= 6 && levels.who5 <= 15).toBe(true);
    }
  });
});
