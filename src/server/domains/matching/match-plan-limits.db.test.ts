import { nowIso, TestClock } from "@server/clock.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { SHORTFALL_CAUSES } from "@shared/schemas/matching.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
let lead: { authorization: string };
const clock = new TestClock();

beforeAll(async () => {
  // A share of the demo clients has had an intake, so a plan has clients to place.
  t = await createTestApp({ clients: 280, seed: 9, historyShare: 0.6, clock });
  lead = await bearerFor(t.app, "teamleider@demo.local");
}, 120_000);
afterAll(async () => t?.close());

const get = async (url: string) => (await t.app.inject({ method: "GET", url: `/api/v1${url}`, headers: lead })).json();

async function finished(id: string) {
  for (let i = 0; i < 300; i++) {
    const body = await get(`/match-plans/${id}`);
    if (body.status === "done" || body.status === "failed") return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("plan did not finish");
}

describe("the shortfall of a placement plan and the client's limits", () => {
  it("counts clients left unplaced by their hours a day under aboveDailyLimit, not under another reason", async () => {
    // Every client of Charlois can work half an hour a day: no role has a day that short.
    await t.db.kysely.updateTable("clients").set({ capacity_hours_per_day: 0.5 }).where("district", "=", "Charlois").execute();
    const started = await t.app.inject({ method: "POST", url: "/api/v1/match-plans", headers: lead, payload: { district: "Charlois" } });
    expect(started.statusCode).toBe(202);
    const plan = await finished(started.json().id);
    expect(plan.status, plan.error).toBe("done");
    expect(plan.summary.eligible).toBeGreaterThan(0);
    expect(plan.summary.placed).toBe(0);
    const [charlois] = plan.summary.shortfall;
    expect(Object.keys(charlois.causes).sort()).toEqual([...SHORTFALL_CAUSES].sort());
    // Each client with a role that fits in every other way counts under the limit; only those with none count as other.
    expect(charlois.causes.aboveDailyLimit).toBeGreaterThan(0);
    expect(charlois.causes.aboveDailyLimit + charlois.causes.other).toBe(charlois.unplaced);
    expect(charlois.bindsMost).toBe("aboveDailyLimit");
  });

  it("reads a plan made before the limits were counted with zero for each of them", async () => {
    const id = crypto.randomUUID();
    const causes = { places: 1, guidance: 0, distance: 2, hours: 0, other: 3 };
    const summary = {
      eligible: 8,
      withoutIntake: 0,
      pairs: 4,
      placed: 2,
      unplaced: 6,
      totalCost: 10,
      seconds: 1,
      shortfall: [{ district: "Charlois", eligible: 8, placed: 2, unplaced: 6, causes, bindsMost: "other" }],
    };
    await t.db.kysely
      .insertInto("match_plans")
      .values({
        id,
        district: "Charlois",
        status: "done",
        progress: 1,
        summary: JSON.stringify(summary),
        error: null,
        requested_by: null,
        created_at: nowIso(clock),
        finished_at: nowIso(clock),
      })
      .execute();
    const plan = await get(`/match-plans/${id}`);
    expect(plan.summary.shortfall[0].causes).toEqual({ ...causes, aboveDailyLimit: 0, aboveDaysLimit: 0, functionalLimit: 0 });
  });
});
