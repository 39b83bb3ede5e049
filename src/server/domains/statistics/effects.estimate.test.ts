import { effectPopulation as population } from "@server/testing/effects-history.js";
import type { EffectEstimate } from "@shared/schemas/statistics.js";
import { describe, expect, it } from "vitest";
import { EFFECT_DESIGN, type EffectClient, type EffectInput, estimateEffects, type Observation, quantile } from "./effects.estimate.js";

const input = (clients: EffectClient[], seed = 7, resamples = 300): EffectInput => ({ clients, from: null, to: null, seed, resamples });
const find = (
  estimates: EffectEstimate[],
  outcome: EffectEstimate["outcome"],
  treatment: EffectEstimate["treatment"] = "placementStarted",
) => {
  const found = estimates.find((e) => e.treatment === treatment && e.outcome === outcome);
  if (!found) throw new Error(`no estimate of ${treatment} on ${outcome}`);
  return found;
};
const covers = (e: EffectEstimate, value: number) => e.ciLow !== null && e.ciHigh !== null && e.ciLow <= value && value <= e.ciHigh;

describe("the staggered difference-in-differences", () => {
  it("recovers a known effect: near the truth, inside the interval in nearly every population", () => {
    const effect = { ladderRung: 0.5, who5: 2 };
    let covered = 0;
    const runs = 20;
    for (let seed = 1; seed <= runs; seed++) {
      const estimates = estimateEffects(input(population(seed, { clients: 600, effect }), seed, 200));
      for (const outcome of ["ladderRung", "who5"] as const) {
        const e = find(estimates, outcome);
        expect(e.estimate).not.toBeNull();
        // Well within the noise of 600 clients: a quarter of the effect.
        expect(Math.abs((e.estimate as number) - effect[outcome])).toBeLessThan(effect[outcome] / 4);
        if (covers(e, effect[outcome])) covered++;
      }
    }
    // A 95 % interval misses now and then; of 40 intervals, at least 34 cover (fails by chance with p < 0.01).
    expect(covered).toBeGreaterThanOrEqual(34);
  });

  it("finds no effect where there is none: the interval covers zero", () => {
    let covered = 0;
    for (let seed = 101; seed <= 120; seed++) {
      const estimates = estimateEffects(input(population(seed, { clients: 600, effect: { ladderRung: 0, who5: 0 } }), seed, 200));
      for (const outcome of ["ladderRung", "who5"] as const) if (covers(find(estimates, outcome), 0)) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(34);
  });

  it("gives identical figures for the same seed and data, and other intervals (not estimates) for another seed", () => {
    const clients = population(3, { clients: 400, effect: { ladderRung: 0.5, who5: 2 } });
    const once = estimateEffects(input(clients, 42));
    expect(estimateEffects(input(clients, 42))).toEqual(once);
    const other = estimateEffects(input(clients, 43));
    expect(find(other, "who5").estimate).toBe(find(once, "who5").estimate);
    expect([find(other, "who5").ciLow, find(other, "who5").ciHigh]).not.toEqual([find(once, "who5").ciLow, find(once, "who5").ciHigh]);
  });

  it("computes the cohort-weighted difference in changes, with not-yet-treated clients as the comparison", () => {
    // Cohort March 2025 (20 clients, +3 each) and cohort May 2025 (10 clients, +1 each); baseline in January, follow-up
    // near 15 September or 15 November. Comparison: 20 never treated (+1), and 20 treated in August 2025, who compare
    // for March (+2, follow-up in September, after their start: so not counted) and for May (+2, follow-up in
    // November… also after their start) — so only the never-treated compare.
    const client = (start: string | null, base: number, changes: Record<string, number>): EffectClient => ({
      starts: start ? { placementStarted: start } : {},
      outcomes: {
        ladderRung: [["2025-01-10", base], ...Object.entries(changes).map(([on, c]) => [on, base + c] as Observation)],
        who5: [],
      },
    });
    const clients = [
      ...Array.from({ length: 20 }, () => client("2025-03-12", 2, { "2025-09-14": 3, "2025-11-15": 3 })),
      ...Array.from({ length: 10 }, () => client("2025-05-03", 3, { "2025-09-14": 1, "2025-11-15": 1 })),
      ...Array.from({ length: 20 }, () => client(null, 2, { "2025-09-14": 1, "2025-11-15": 1 })),
      ...Array.from({ length: 20 }, () => client("2025-08-20", 2, { "2025-09-14": 2, "2025-11-15": 2 })),
    ];
    const e = find(estimateEffects(input(clients)), "ladderRung");
    // March: 3 − 1 = 2 (20 clients); May: 1 − 1 = 0 (10 clients); August has no follow-up (none in February 2026).
    expect(e.estimate).toBeCloseTo((20 * 2 + 10 * 0) / 30, 3);
    expect(e).toMatchObject({ treatedClients: 30, comparisonClients: 20, cohorts: 2, horizonMonths: EFFECT_DESIGN.horizonMonths });
  });

  it("gives no estimate with fewer than the minimum of clients, but says how many there were", () => {
    const clients = population(5, { clients: 40, effect: { ladderRung: 0.5, who5: 2 } });
    const e = find(estimateEffects(input(clients)), "who5");
    expect(e.treatedClients).toBeLessThan(EFFECT_DESIGN.minClients);
    expect(e).toMatchObject({ estimate: null, ciLow: null, ciHigh: null });
    const none = find(estimateEffects(input(clients)), "who5", "debtHelp");
    expect(none).toMatchObject({ estimate: null, treatedClients: 0, cohorts: 0 });
  });

  it("counts only starts within the period as cohorts", () => {
    const clients = population(9, { clients: 600, effect: { ladderRung: 0.5, who5: 2 } });
    const all = find(estimateEffects(input(clients)), "who5");
    const firstYear = find(estimateEffects({ ...input(clients), from: "2024-01-01", to: "2024-12-31" }), "who5");
    expect(firstYear.treatedClients).toBeGreaterThan(0);
    expect(firstYear.treatedClients).toBeLessThan(all.treatedClients as number);
    expect(firstYear.cohorts).toBeLessThanOrEqual(6);
  });
});

describe("quantile", () => {
  it("interpolates between neighbours", () => {
    const sorted = Float64Array.from([1, 2, 3, 4, 5]);
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile(sorted, 0.5)).toBe(3);
    expect(quantile(sorted, 0.125)).toBe(1.5);
    expect(quantile(sorted, 1)).toBe(5);
  });
});
