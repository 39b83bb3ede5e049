import type { TestApp } from "@server/testing/test-app.js";
import { bearerFor, createTestApp } from "@server/testing/test-app.js";
import { SMALL_CELL_THRESHOLD, STATISTICS_TABLES, statisticsOverview } from "@shared/schemas/statistics.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clients: 700, seed: 9, historyShare: 0.6 });
}, 240_000);
afterAll(async () => t?.close());

describe("the figures of a seeded population with two years of history", () => {
  it("shows the researcher the whole city's figures for a year, readable", async () => {
    const researcher = await bearerFor(t.app, "onderzoeker@demo.local");
    const year = String(Number(t.clock.today().slice(0, 4)) - 1);
    const response = await t.app.inject({
      url: `/api/v1/statistics/overview?from=${year}-01-01&to=${year}-12-31&groupBy=year`,
      headers: researcher,
    });
    expect(response.statusCode, response.body).toBe(200);
    const overview = statisticsOverview.parse(response.json());
    expect(overview.tables.map((table) => table.id)).toEqual([...STATISTICS_TABLES]);
    expect(overview.suppressedBelow).toBe(SMALL_CELL_THRESHOLD);
    // The year's main figures for the whole city: one row each, every cell readable.
    for (const id of ["funnel", "activeSteps", "timeToFirstActivity", "wellbeing"]) {
      const table = overview.tables.find((candidate) => candidate.id === id);
      expect(table?.rows.length, id).toBeGreaterThan(0);
      expect(table?.hiddenCells, id).toBe(0);
      expect(
        table?.rows.every((row) => row.values.every((value) => value !== null)),
        id,
      ).toBe(true);
    }
    // The ladder by rung: in a population this small the top rungs hold a handful of clients and stay hidden, but the
    // year's total is readable.
    const ladder = overview.tables.find((table) => table.id === "ladderDistribution");
    expect(ladder?.rows.length).toBeGreaterThan(0);
    expect(ladder?.totals?.every((value) => value !== null)).toBe(true);
    const funnel = overview.tables.find((table) => table.id === "funnel");
    expect(funnel?.rows[0]?.keys).toEqual([year]);
    expect(funnel?.rows[0]?.values[1]).toBeGreaterThanOrEqual(SMALL_CELL_THRESHOLD);
  });
});
