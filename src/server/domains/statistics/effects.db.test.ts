import { randomUUID } from "node:crypto";
import { TestClock } from "@server/clock.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { seededRandom } from "@shared/random.js";
import type { EffectEstimate, StatisticsEffects } from "@shared/schemas/statistics.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
const clock = new TestClock("2026-06-15");
const headers: Record<string, { authorization: string }> = {};
/** The effect built into the records below: WHO-5 rises by this much once a placement has started. */
const WHO5_EFFECT = 3;
let charlois: string[];
let elsewhere: string[];

const month = (m: number, day: number) =>
  `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/**
 * Check-ins every two months from January 2025, with WHO-5 and a rung; half the clients start a placement between
 * April and December 2025, and from then on score `WHO5_EFFECT` higher (and they started higher: selection).
 */
async function recordHistory(clientIds: string[], seed: number): Promise<number> {
  const random = seededRandom(seed);
  const role = await t.db.kysely.selectFrom("volunteer_roles").select(["id", "organisation_id"]).executeTakeFirstOrThrow();
  let placed = 0;
  for (const clientId of clientIds) {
    const start = random() < 0.5 ? 3 + Math.floor(random() * 9) : null;
    const level = 11 + Math.floor(random() * 6) + (start === null ? 0 : 2);
    if (start !== null) {
      placed++;
      await t.db.kysely
        .insertInto("placements")
        .values({
          id: randomUUID(),
          client_id: clientId,
          role_id: role.id,
          organisation_id: role.organisation_id,
          status: "active",
          hours_per_week: 4,
          guidance_level: "light",
          started_on: month(start, 10),
          created_at: `${month(start, 1)}T09:00:00.000Z`,
          updated_at: `${month(start, 1)}T09:00:00.000Z`,
        })
        .execute();
    }
    for (let m = 0; m < 18; m += 2) {
      const on = month(m, 1 + Math.floor(random() * 27));
      const after = start !== null && m > start ? WHO5_EFFECT : 0;
      const who5 = Math.max(0, Math.min(25, level + Math.round(m / 6) + after + Math.floor(random() * 3) - 1));
      await t.db.kysely
        .insertInto("check_ins")
        .values({
          id: randomUUID(),
          client_id: clientId,
          held_on: on,
          channel: "inPerson",
          who5_items: JSON.stringify([who5, 0, 0, 0, 0]),
          who5_raw: who5,
          ready_for_next_step: 0,
          created_at: `${on}T10:00:00.000Z`,
        })
        .execute();
      await t.db.kysely
        .insertInto("ladder_assessments")
        .values({
          id: randomUUID(),
          client_id: clientId,
          rung: 2,
          growth_rung: 3,
          assessed_on: on,
          source: "checkIn",
          created_at: `${on}T10:00:00.000Z`,
        })
        .execute();
    }
  }
  return placed;
}

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
  await recordHistory(charlois, 1);
  await recordHistory(elsewhere, 2);
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
    expect(body.estimates.find((x) => x.treatment === "debtHelp")).toMatchObject({ estimate: null, treatedClients: 0 });
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
    expect(all.treatedClients).toBeGreaterThan(own.treatedClients);
    expect(charloisOnly).toEqual(own);
    // Another district asked by the consultant holds none of their clients.
    const outside = who5OfPlacements((await effects("consultant", "?resamples=100&district=Delfshaven")).json());
    expect(outside).toMatchObject({ treatedClients: 0, comparisonClients: 0, estimate: null });
    expect((await effects("teamLead", "?resamples=100")).statusCode).toBe(200);
  });

  it("names the invalid field", async () => {
    const response = await effects("researcher", "?resamples=5");
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams.map((p: { name: string }) => p.name)).toContain("resamples");
  });
});
