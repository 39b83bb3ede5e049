import { SMALL_CELL_THRESHOLD } from "@shared/schemas/statistics.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { figure, count as measureCount, stock } from "./statistics.figures.js";
import { periodKeyOf, periodsBetween } from "./statistics.periods.js";
import {
  assertDistrictInScope,
  assertValidOverviewQuery,
  coarserChoice,
  type FigureTable,
  suppressEffectCounts,
  suppressSmallCells,
} from "./statistics.rules.js";

/** Tables of one to three count columns over up to eight rows, small numbers frequent. */
const tables = fc
  .record({
    columns: fc.integer({ min: 1, max: 3 }),
    cells: fc.array(
      fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 12 })), { minLength: 3, maxLength: 3 }),
      {
        maxLength: 8,
      },
    ),
  })
  .map(({ columns, cells }) =>
    figure(
      { id: "endings", chart: "bar", dimensions: ["period"] },
      Array.from({ length: columns }, (_, i) => measureCount(`m${i}`)),
      cells.map((row, r) => ({ keys: [`2026-${String(r + 1).padStart(2, "0")}`], values: row.slice(0, columns) })),
    ),
  );

/**
 * The values one hidden cell of a column could have, for a reader who knows what is shown: the visible cells, the
 * total when shown, and that a hidden cell is never 0 (zeros are shown). With the total, the other hidden cells (each
 * at least 1) must make up the rest; without it, any value is possible.
 */
function possibleValues(hiddenCount: number, hiddenSum: number | null, max: number): number[] {
  const values: number[] = [];
  for (let value = 1; value <= max; value++) {
    const rest = hiddenSum === null ? null : hiddenSum - value;
    const feasible = rest === null || (hiddenCount === 1 ? rest === 0 : rest >= hiddenCount - 1);
    if (feasible) values.push(value);
  }
  return values;
}

describe("small-cell suppression for researchers", () => {
  it("shows no count from 1 to 4, and changes no visible cell", () => {
    fc.assert(
      fc.property(tables, (table) => {
        const shown = suppressSmallCells(table);
        shown.rows.forEach((row, r) => {
          row.values.forEach((value, m) => {
            if (value === null) return;
            expect(value === 0 || value >= SMALL_CELL_THRESHOLD).toBe(true);
            expect(value).toBe(table.rows[r]?.values[m]);
          });
        });
        for (const total of shown.totals ?? []) expect(total === null || total === 0 || total >= SMALL_CELL_THRESHOLD).toBe(true);
        const hidden = shown.rows.flatMap((row) => row.values.filter((v) => v === null)).length;
        expect(shown.hiddenCells).toBe(hidden);
      }),
    );
  });

  it("leaves no hidden cell that can be recomputed from the visible cells and the totals", () => {
    fc.assert(
      fc.property(tables, (table) => {
        const shown = suppressSmallCells(table);
        shown.measures.forEach((_, m) => {
          const hiddenRows = shown.rows.flatMap((row, r) => (row.values[m] === null ? [r] : []));
          if (hiddenRows.length === 0) return;
          const total = shown.totals?.[m] ?? null;
          const visibleSum = shown.rows.reduce((sum, row) => sum + (row.values[m] ?? 0), 0);
          const possible = possibleValues(hiddenRows.length, total === null ? null : total - visibleSum, 12 * table.rows.length);
          // Each hidden cell could be at least two different numbers: it cannot be recomputed.
          expect(possible.length).toBeGreaterThan(1);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("hides a lone small cell's neighbour, not the whole column, when the total would give it away", () => {
    const table = figure(
      { id: "endings", chart: "bar", dimensions: ["period"] },
      [measureCount("ended")],
      [
        { keys: ["2026-01"], values: [3] },
        { keys: ["2026-02"], values: [9] },
        { keys: ["2026-03"], values: [20] },
      ],
    );
    const shown = suppressSmallCells(table);
    expect(shown.rows.map((row) => row.values[0])).toEqual([null, null, 20]);
    expect(shown.totals).toEqual([32]);
    expect(shown.hiddenCells).toBe(2);
  });

  it("hides the total when two hidden ones would each be 1", () => {
    const table = figure(
      { id: "endings", chart: "bar", dimensions: ["period"] },
      [measureCount("ended")],
      [
        { keys: ["2026-01"], values: [1] },
        { keys: ["2026-02"], values: [1] },
        { keys: ["2026-03"], values: [0] },
      ],
    );
    expect(suppressSmallCells(table).totals).toEqual([null]);
  });

  it("hides a median or mean with the count it is computed over", () => {
    const table: FigureTable = {
      ...figure(
        { id: "timeToFirstActivity", chart: "line", dimensions: ["period"] },
        [measureCount("clients", "clients"), { key: "medianDays", unit: "days", protection: { basis: 0 }, total: "none" }],
        [
          { keys: ["2026-01"], values: [2, 40] },
          { keys: ["2026-02"], values: [30, 12] },
          { keys: ["2026-03"], values: [31, 15] },
        ],
        { 1: 14 },
      ),
    };
    const shown = suppressSmallCells(table);
    expect(shown.rows.map((row) => row.values)).toEqual([
      [null, null],
      [null, null],
      [31, 15],
    ]);
    expect(shown.totals).toEqual([63, 14]);
  });

  it("gives a stock's total as the number at the end, protected the same way", () => {
    const table = figure(
      { id: "ladderDistribution", chart: "stackedBar", dimensions: ["period", "rung"] },
      [stock("clients")],
      [
        { keys: ["2026-01", "1"], values: [50] },
        { keys: ["2026-02", "1"], values: [40] },
        { keys: ["2026-02", "2"], values: [2] },
        { keys: ["2026-02", "3"], values: [7] },
      ],
    );
    expect(table.totals).toEqual([49]);
    const shown = suppressSmallCells(table);
    expect(shown.rows.map((row) => row.values[0])).toEqual([50, 40, null, null]);
  });
});

describe("scope and period", () => {
  it("keeps consultants and team leads to their own districts; researchers and admins see the city", () => {
    const consultant = { role: "consultant" as const, districts: ["Charlois"] };
    expect(assertDistrictInScope(consultant, undefined)).toEqual(["Charlois"]);
    expect(assertDistrictInScope(consultant, "Charlois")).toEqual(["Charlois"]);
    expect(() => assertDistrictInScope(consultant, "Overschie")).toThrow(
      expect.objectContaining({ status: 403, code: "districtOutOfScope" }),
    );
    expect(() => assertDistrictInScope({ role: "teamLead", districts: [] }, "Noord")).toThrow(expect.objectContaining({ status: 403 }));
    expect(assertDistrictInScope({ role: "researcher", districts: [] }, undefined)).toBeNull();
    expect(assertDistrictInScope({ role: "admin", districts: [] }, "Noord")).toEqual(["Noord"]);
  });

  it("refuses a period that runs backwards, is longer than five years, or an unknown district, naming the field", () => {
    expect(() => assertValidOverviewQuery({ from: "2026-02-01", to: "2026-01-31" })).toThrow(
      expect.objectContaining({ status: 400, invalidParams: [expect.objectContaining({ name: "to", code: "beforeStart" })] }),
    );
    expect(() => assertValidOverviewQuery({ from: "2020-01-01", to: "2025-01-01" })).toThrow(
      expect.objectContaining({ invalidParams: [expect.objectContaining({ name: "to", code: "tooLong" })] }),
    );
    expect(() => assertValidOverviewQuery({ from: "2020-01-01", to: "2024-12-31" })).not.toThrow();
    expect(() => assertValidOverviewQuery({ from: "2026-01-01", to: "2026-12-31", district: "Atlantis" })).toThrow(
      expect.objectContaining({ invalidParams: [expect.objectContaining({ name: "district", code: "unknownDistrict" })] }),
    );
  });

  it("offers quarters for months, years for quarters, the city for a district's year, and nothing when nothing is hidden", () => {
    const hidden = [{ hiddenCells: 2 }];
    expect(coarserChoice("month", null, hidden)).toEqual({ groupBy: "quarter" });
    expect(coarserChoice("quarter", "Noord", hidden)).toEqual({ groupBy: "year" });
    expect(coarserChoice("year", "Noord", hidden)).toEqual({ groupBy: "year", district: null });
    expect(coarserChoice("year", null, hidden)).toBeNull();
    expect(coarserChoice("month", null, [{ hiddenCells: 0 }])).toBeNull();
  });

  it("cuts periods to the query's days and keys them as the SQL does", () => {
    expect(periodsBetween("2025-11-15", "2026-04-10", "quarter")).toEqual([
      { key: "2025-Q4", starts: "2025-11-15", ends: "2025-12-31" },
      { key: "2026-Q1", starts: "2026-01-01", ends: "2026-03-31" },
      { key: "2026-Q2", starts: "2026-04-01", ends: "2026-04-10" },
    ]);
    expect(periodsBetween("2025-01-01", "2026-12-31", "month")).toHaveLength(24);
    expect(periodsBetween("2025-03-01", "2026-02-01", "year").map((p) => p.key)).toEqual(["2025", "2026"]);
    expect(periodKeyOf("2026-12-31T23:00:00.000Z", "quarter")).toBe("2026-Q4");
  });
});

describe("the counts behind effect estimates, for researchers", () => {
  const estimate = (treatedClients: number, comparisonClients: number, cohorts: number) => ({
    treatment: "exercise",
    estimate: treatedClients >= 20 ? 0.4 : null,
    treatedClients,
    comparisonClients,
    cohorts,
  });

  it("hides a count of 1 to 4 clients, and the start months of treated clients hidden; zeros and 5 or more stay", () => {
    const shown = suppressEffectCounts([estimate(0, 0, 0), estimate(3, 40, 2), estimate(25, 4, 6), estimate(5, 5, 1), estimate(1, 1, 1)]);
    expect(shown.map((e) => [e.treatedClients, e.comparisonClients, e.cohorts])).toEqual([
      [0, 0, 0],
      [null, 40, null],
      [25, null, 6],
      [5, 5, 1],
      [null, null, null],
    ]);
  });

  it("leaves everything else of an estimate as it is", () => {
    const [shown] = suppressEffectCounts([estimate(2, 30, 1)]);
    expect(shown).toMatchObject({ treatment: "exercise", estimate: null });
  });

  it("never shows a count from 1 to 4", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(30), fc.nat(30), fc.nat(12)), { maxLength: 12 }), (rows) => {
        const shown = suppressEffectCounts(rows.map(([t, c, g]) => estimate(t, c, g)));
        shown.forEach((e, i) => {
          for (const [value, original] of [
            [e.treatedClients, rows[i]?.[0]],
            [e.comparisonClients, rows[i]?.[1]],
          ]) {
            expect(value === null ? (original as number) >= 1 && (original as number) < SMALL_CELL_THRESHOLD : value === original).toBe(
              true,
            );
          }
        });
      }),
    );
  });
});
