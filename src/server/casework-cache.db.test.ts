import { createApp } from "@server/app.js";
import { CaseworkCache, pageKey } from "@server/casework-cache.js";
import { TestClock } from "@server/clock.js";
import { loadConfig } from "@server/config.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Work queues and caseload pages are kept per instance until casework changes. Two instances over one database: a
 * write through either, or straight into the database, is seen by the next read on both.
 */
const clock = new TestClock("2026-06-15");
let t: TestApp;
let other: FastifyInstance;
let clientId: string;
type Headers = { authorization: string };
let consultant: Headers;
let client: Headers;

const newInstance = async () => {
  const app = await createApp({ config: loadConfig({ NODE_ENV: "test" }), db: t.db, logger: false, webRoot: null, clock });
  await app.ready();
  return app;
};

interface QueueItem {
  clientId: string;
  reasons: { code: string }[];
}
async function queueOn(app: FastifyInstance, headers: Headers, query = "pageSize=200"): Promise<{ items: QueueItem[]; total: number }> {
  const response = await app.inject({ url: `/api/v1/work-queue?${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
async function caseloadOn(app: FastifyInstance, headers: Headers, query = "pageSize=200") {
  const response = await app.inject({ url: `/api/v1/clients?${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: { id: string; familyName: string }[]; total: number };
}

beforeAll(async () => {
  t = await createTestApp({ clients: 60, historyShare: 0.5, clock });
  other = await newInstance();
  const user = await t.db.kysely.selectFrom("users").select("client_id").where("email", "=", "klant@demo.local").executeTakeFirstOrThrow();
  clientId = expectDefined(user.client_id);
  consultant = await bearerFor(t.app, "consulent@demo.local");
  client = await bearerFor(t.app, "klant@demo.local");
});
afterAll(async () => {
  await other.close();
  await t.close();
});

describe("kept work queues and caseload pages", () => {
  it("shows a new activity proposal on the work queue at once, on this instance and on another", async () => {
    const proposed = (queue: { items: QueueItem[] }) =>
      queue.items.some((i) => i.clientId === clientId && i.reasons.some((r) => r.code === "activityProposed"));
    // Both instances keep the queue without the proposal.
    expect(proposed(await queueOn(t.app, consultant))).toBe(false);
    expect(proposed(await queueOn(other, consultant))).toBe(false);
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/clients/${clientId}/activity-proposals`,
      headers: client,
      payload: { kind: "course", description: "Een cursus Nederlands.", place: "Buurthuis De Boog", hoursPerWeek: 4, since: "2026-07-01" },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(proposed(await queueOn(t.app, consultant))).toBe(true);
    expect(proposed(await queueOn(other, consultant))).toBe(true);
  });

  it("shows a changed name in the caseload at once, whether changed through another instance or in the database itself", async () => {
    const before = await caseloadOn(t.app, consultant);
    const target = expectDefined(before.items[0]);
    const patched = await other.inject({
      method: "PATCH",
      url: `/api/v1/clients/${target.id}`,
      headers: consultant,
      payload: { familyName: "Zwartbroek" },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await caseloadOn(t.app, consultant)).items.find((c) => c.id === target.id)?.familyName).toBe("Zwartbroek");

    // A write outside every route (the daily job, a command) bumps the counter as well: it is the database's trigger.
    await t.db.kysely.updateTable("clients").set({ family_name: "Aabeek" }).where("id", "=", target.id).execute();
    expect((await caseloadOn(t.app, consultant)).items.find((c) => c.id === target.id)?.familyName).toBe("Aabeek");
    expect((await caseloadOn(other, consultant)).items.find((c) => c.id === target.id)?.familyName).toBe("Aabeek");
  });

  it("keeps each caller's own page: another consultant's caseload and queue are their own", async () => {
    const second = await bearerFor(t.app, "consulent2@demo.local");
    const mine = await caseloadOn(t.app, consultant);
    const theirs = await caseloadOn(t.app, second);
    expect(theirs.items.map((c) => c.id)).not.toEqual(mine.items.map((c) => c.id));
    const fresh = await newInstance();
    try {
      expect(await caseloadOn(t.app, second)).toEqual(await caseloadOn(fresh, second));
      expect(await queueOn(t.app, second)).toEqual(await queueOn(fresh, second));
    } finally {
      await fresh.close();
    }
  });

  it("answers on a new day as an instance that kept nothing would, without any write in between", async () => {
    await queueOn(t.app, consultant);
    await caseloadOn(t.app, consultant, "minYearsOnBenefit=1&pageSize=200");
    clock.advance({ days: 200 });
    const again = await bearerFor(t.app, "consulent@demo.local");
    const fresh = await newInstance();
    try {
      expect(await queueOn(t.app, again)).toEqual(await queueOn(fresh, again));
      expect(await caseloadOn(t.app, again, "minYearsOnBenefit=1&pageSize=200")).toEqual(
        await caseloadOn(fresh, again, "minYearsOnBenefit=1&pageSize=200"),
      );
    } finally {
      await fresh.close();
    }
  });
});

describe("CaseworkCache", () => {
  it("computes a page once for requests that ask it together, and again only after casework changed", async () => {
    const cache = new CaseworkCache(t.db.kysely);
    let computed = 0;
    const compute = async () => {
      computed++;
      return [computed];
    };
    const answers = await Promise.all([1, 2, 3].map(() => cache.get("k", compute, (v) => v.length)));
    expect(answers).toEqual([[1], [1], [1]]);
    expect(await cache.get("k", compute, (v) => v.length)).toEqual([1]);
    await t.db.kysely.updateTable("clients").set({ updated_at: clock.now().toISOString() }).where("id", "=", clientId).execute();
    expect(await cache.get("k", compute, (v) => v.length)).toEqual([2]);
  });

  it("keeps no refusal, and holds no more rows than its bound, dropping the least recently used", async () => {
    const cache = new CaseworkCache(t.db.kysely, 10);
    await expect(
      cache.get(
        "refused",
        () => Promise.reject(new Error("no")),
        () => 1,
      ),
    ).rejects.toThrow("no");
    expect(cache.size.pages).toBe(0);
    const rows = (n: number) => async () => Array.from({ length: n }, (_, i) => i);
    await cache.get("a", rows(4), (v) => v.length);
    await cache.get("b", rows(4), (v) => v.length);
    await cache.get("a", rows(4), (v) => v.length);
    await cache.get("c", rows(4), (v) => v.length);
    // b was used least recently: it went, a and c stay within the bound (each page counts its rows and itself).
    expect(cache.size).toEqual({ pages: 2, weight: 10 });
    let recomputed = false;
    await cache.get(
      "a",
      async () => {
        recomputed = true;
        return [];
      },
      (v) => v.length,
    );
    expect(recomputed).toBe(false);
  });

  it("keys a page by the caller's scope, the day and the parameters", () => {
    const actor = {
      id: "u1",
      email: "",
      displayName: "",
      role: "consultant" as const,
      districts: ["Charlois"],
      organisationId: null,
      clientId: null,
      scopeDate: "2026-06-15",
    };
    const key = pageKey("caseload", actor, "2026-06-15", { page: 1 });
    expect(pageKey("caseload", actor, "2026-06-16", { page: 1 })).not.toBe(key);
    expect(pageKey("caseload", actor, "2026-06-15", { page: 2 })).not.toBe(key);
    expect(pageKey("caseload", { ...actor, districts: ["Overschie"] }, "2026-06-15", { page: 1 })).not.toBe(key);
    expect(pageKey("caseload", { ...actor, id: "u2" }, "2026-06-15", { page: 1 })).not.toBe(key);
    expect(pageKey("workQueue", actor, "2026-06-15", { page: 1 })).not.toBe(key);
    expect(pageKey("caseload", { ...actor }, "2026-06-15", { page: 1 })).toBe(key);
  });
});
