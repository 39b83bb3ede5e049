import { TestClock } from "@server/clock.js";
import { recordEffectsHistory, TEST_WHO5_EFFECT as WHO5_EFFECT } from "@server/testing/effects-history.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import type { EffectEstimate, StatisticsEffects } from "@shared/schemas/statistics.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
const clock = new TestClock("2026-06-15");
const headers: Record<string, { authorization: string }> = {};
let charlois: string[];
let elsewhere: string[];
const effects = async (role: string, query = "") => t.app.inject({ url: `/api/v1/statistics/effects${query}`, headers: headers[role] });
const who5OfPlacements = (body: StatisticsEffects): EffectEstimate => {
  const found = body.estimates.find((e) => e.treatment === "placementStarted" && e.outcome === "who5");
  if (!found) throw new Error("no estimate of placements on WHO-5");
  return found;
};

beforeAll(async () => {
  t = await createTestApp({ clients: 400, clock });
  const inDistrict = async (district: string, n: number) =>
    (await t.db.kysely.selectFrom("clients").select("id").where("district", "=", district).orderBy("id").limit(n).execute()).map(
      (r) => r.id,
    );
  charlois = await inDistrict("Charlois", 50);
  elsewhere = await inDistrict("Delfshaven", 20);
  await recordEffectsHistory(t.db.kysely, charlois, 1);
  await recordEffectsHistory(t.db.kysely, elsewhere, 2);
  for (const [role, email] of [
    ["researcher", "onderzoeker@demo.local"],
    ["consultant", "consulent@demo.local"],
    ["teamLead", "teamleider@demo.local"],
    ["host", "organisatie@demo.local"],
  ] as const) {
    headers[role] = await bearerFor(t.app, email);
  }
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe("GET /statistics/effects", () => {
  it("rejects the unauthenticated and those who see no figures", async () => {
    expect((await t.app.inject({ url: "/api/v1/statistics/effects" })).statusCode).toBe(401);
    expect((await effects("host")).statusCode).toBe(403);
  });

  it("estimates the built-in effect of placements on WHO-5 within its interval, as observational, for a researcher", async () => {
    const response = await effects("researcher", "?resamples=200&seed=11");
    expect(response.statusCode, response.body).toBe(200);
    const body: StatisticsEffects = response.json();
    expect(body).toMatchObject({ method: "staggeredDifferenceInDifferences", observational: true, seed: 11, resamples: 200 });
    const e = who5OfPlacements(body);
    expect(e.ciLow).not.toBeNull();
    expect(e.ciLow as number).toBeLessThanOrEqual(WHO5_EFFECT);
    expect(e.ciHigh as number).toBeGreaterThanOrEqual(WHO5_EFFECT);
    expect(e.treatedClients).toBeGreaterThanOrEqual(20);
    // Treatments nobody started have no estimate, but do say that no one is behind them.
    expect(body.estimates.find((x) => x.treatment === "debtHelp")).toMatchObject({
      estimate: null,
      treatedClients: 0,
      tooFewClients: true,
    });
    expect(e.tooFewClients).toBe(false);
  });

  it("gives the same figures for the same seed, and other intervals for another", async () => {
    const first = (await effects("researcher", "?resamples=100&seed=5")).json();
    expect((await effects("researcher", "?resamples=100&seed=5")).json()).toEqual(first);
    const other = who5OfPlacements((await effects("researcher", "?resamples=100&seed=6")).json());
    expect(other.estimate).toBe(who5OfPlacements(first).estimate);
    expect([other.ciLow, other.ciHigh]).not.toEqual([who5OfPlacements(first).ciLow, who5OfPlacements(first).ciHigh]);
  });

  it("counts only the clients of a consultant's or team lead's districts, and of one district when asked", async () => {
    const all = who5OfPlacements((await effects("researcher", "?resamples=100")).json());
    const own = who5OfPlacements((await effects("consultant", "?resamples=100")).json());
    const charloisOnly = who5OfPlacements((await effects("researcher", "?resamples=100&district=Charlois")).json());
    // A client placed later compares, until then, with those placed earlier: both counts are of the district's clients.
    expect(own.treatedClients).toBeLessThanOrEqual(charlois.length);
    expect(own.comparisonClients).toBeLessThanOrEqual(charlois.length);
    expect(all.treatedClients).toBeGreaterThan(own.treatedClients as number);
    expect(charloisOnly).toEqual(own);
    // Another district asked by the consultant holds none of their clients.
    const outside = who5OfPlacements((await effects("consultant", "?resamples=100&district=Delfshaven")).json());
    expect(outside).toMatchObject({ treatedClients: 0, comparisonClients: 0, estimate: null });
    expect((await effects("teamLead", "?resamples=100")).statusCode).toBe(200);
  });

  it("hides from a researcher the counts of 1 to 4 clients behind an estimate, which a team lead sees, and says which rest on too few", async () => {
    // One start month of Charlois: a handful of placements, too few for an estimate.
    const query = "?resamples=100&district=Charlois&from=2025-06-01&to=2025-06-30";
    const lead: StatisticsEffects = (await effects("teamLead", query)).json();
    const response = await effects("researcher", query);
    expect(response.statusCode, response.body).toBe(200);
    const researcher: StatisticsEffects = response.json();
    expect(lead.suppressedBelow).toBeNull();
    expect(researcher.suppressedBelow).toBe(5);
    const small = lead.estimates.filter((e) => e.treatedClients !== null && e.treatedClients >= 1 && e.treatedClients < 5);
    expect(small.length, JSON.stringify(lead.estimates)).toBeGreaterThan(0);
    lead.estimates.forEach((shown, i) => {
      const seen = researcher.estimates[i] as EffectEstimate;
      expect([seen.treatment, seen.outcome]).toEqual([shown.treatment, shown.outcome]);
      // The team lead sees every count; the researcher none from 1 to 4, and the start months with the treated clients.
      for (const key of ["treatedClients", "comparisonClients"] as const) {
        const n = shown[key] as number;
        expect(seen[key]).toBe(n >= 1 && n < 5 ? null : n);
      }
      expect(seen.cohorts).toBe(seen.treatedClients === null ? null : shown.cohorts);
      // Both are told that an estimate rests on too few clients, instead of a number.
      expect(seen.tooFewClients).toBe(shown.tooFewClients);
      expect(seen.estimate).toBe(shown.estimate);
    });
    for (const e of small) expect(e).toMatchObject({ tooFewClients: true, estimate: null, ciLow: null, ciHigh: null });
  });

  it("names the invalid field", async () => {
    const response = await effects("researcher", "?resamples=5");
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams.map((p: { name: string }) => p.name)).toContain("resamples");
  });
});
