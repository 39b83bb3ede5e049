import { createApp } from "@server/app.js";
import { TestClock } from "@server/clock.js";
import { loadConfig } from "@server/config.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDailyJob } from "../scheduler/scheduler.service.js";

let t: TestApp;
const clock = new TestClock("2026-11-30");
/** Apps made by a test over the same database, closed after it (a closed one stands for a stopped instance). */
const extraApps: FastifyInstance[] = [];

beforeAll(async () => {
  t = await createTestApp({ clients: 20, clock });
});
afterAll(async () => {
  for (const app of extraApps) await app.close();
  await t?.close();
});

/** Another instance over the test's database, with its own process memory and this many login attempts per address. */
async function instance(attemptsPerAddress: number): Promise<FastifyInstance> {
  const app = await createApp({
    config: loadConfig({ NODE_ENV: "test", LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: String(attemptsPerAddress) }),
    db: t.db,
    logger: false,
    webRoot: null,
    clock,
  });
  await app.ready();
  extraApps.push(app);
  return app;
}

function login(app: FastifyInstance, email: string, password: string) {
  return app.inject({ method: "POST", url: "/api/v1/sessions", payload: { email, password } });
}

async function statuses(responses: Promise<{ statusCode: number }>[]): Promise<Record<number, number>> {
  const counts: Record<number, number> = {};
  for (const { statusCode } of await Promise.all(responses)) counts[statusCode] = (counts[statusCode] ?? 0) + 1;
  return counts;
}

describe("login attempts per client address", () => {
  it("answers 429 rateLimited with Retry-After past the limit, and lets the address in again when its first attempt is a minute old", async () => {
    clock.advance({ hours: 1 });
    const app = await instance(3);
    expect((await login(app, "a@b.c", "x")).statusCode).toBe(401);
    clock.advance({ seconds: 20 });
    for (let i = 0; i < 2; i++) expect((await login(app, "a@b.c", "x")).statusCode).toBe(401);
    const blocked = await login(app, "a@b.c", "x");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers["content-type"]).toMatch(/problem\+json/);
    expect(blocked.json().code).toBe("rateLimited");
    expect(blocked.headers["retry-after"]).toBe("40");
    clock.advance({ seconds: 40 });
    expect((await login(app, "a@b.c", "x")).statusCode).toBe(401);
  });

  it("keeps the count over a restart: a new app over the same database", async () => {
    clock.advance({ hours: 1 });
    const before = await instance(3);
    for (let i = 0; i < 2; i++) expect((await login(before, "a@b.c", "x")).statusCode).toBe(401);
    await before.close();
    const after = await instance(3);
    expect((await login(after, "a@b.c", "x")).statusCode).toBe(401);
    expect((await login(after, "a@b.c", "x")).statusCode).toBe(429);
  });

  it("shares the count between two apps over one database, also for parallel attempts: of 5 + 7, exactly 5 get through", async () => {
    clock.advance({ hours: 1 });
    const [a, b] = [await instance(5), await instance(5)];
    const attempts = Array.from({ length: 12 }, (_, i) => login(i % 2 === 0 ? a : b, `parallel-${i}@b.c`, "x"));
    expect(await statuses(attempts)).toEqual({ 401: 5, 429: 7 });
    expect((await login(a, "a@b.c", "x")).json().code).toBe("rateLimited");
    expect((await login(b, "a@b.c", "x")).json().code).toBe("rateLimited");
  });
});

describe("failed logins per account", () => {
  it("lets exactly ten of fourteen parallel wrong passwords be tried, and refuses the rest with tooManyAttempts", async () => {
    clock.advance({ hours: 1 });
    const attempts = Array.from({ length: 14 }, (_, i) => login(t.app, "consulent2@demo.local", `wrong-${i}`));
    expect(await statuses(attempts)).toEqual({ 401: 10, 429: 4 });
    const blocked = await login(t.app, "consulent2@demo.local", "demo");
    expect(blocked.json().code).toBe("tooManyAttempts");
    expect(blocked.headers["retry-after"]).toBe(String(15 * 60));
    // Another instance, after a restart, knows the same.
    expect((await login(await instance(1000), "consulent2@demo.local", "demo")).statusCode).toBe(429);
  });

  it("forgets an account's failures once it logs in", async () => {
    clock.advance({ hours: 1 });
    for (let i = 0; i < 9; i++) expect((await login(t.app, "onderzoeker@demo.local", "wrong")).statusCode).toBe(401);
    // The login itself is the tenth attempt; remembered, it would refuse the next.
    expect((await login(t.app, "onderzoeker@demo.local", "demo")).statusCode).toBe(201);
    expect((await login(t.app, "onderzoeker@demo.local", "wrong")).statusCode).toBe(401);
  });
});

describe("other limits", () => {
  it("takes exactly ten of thirteen parallel complaints from one address in a minute, on two apps", async () => {
    clock.advance({ hours: 1 });
    const role = await t.db.kysely.selectFrom("volunteer_roles").select("id").orderBy("id").executeTakeFirstOrThrow();
    const other = await instance(1000);
    const complaint = (app: FastifyInstance, i: number) =>
      app.inject({
        method: "POST",
        url: `/api/v1/roles/${role.id}/displacement-complaints`,
        payload: { filerKind: "resident", description: `Klacht nummer ${i}: dit werk deed een betaalde kracht.` },
      });
    expect(await statuses(Array.from({ length: 13 }, (_, i) => complaint(i % 2 === 0 ? t.app : other, i)))).toEqual({ 201: 10, 429: 3 });
    const stored = await t.db.kysely.selectFrom("displacement_complaints").select("id").where("role_id", "=", role.id).execute();
    expect(stored).toHaveLength(10);
    const refused = await complaint(other, 13);
    expect(refused.json().code).toBe("rateLimited");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("refuses an eleventh password change within a minute", async () => {
    clock.advance({ hours: 1 });
    const headers = await bearerFor(t.app, "klant@demo.local");
    const change = () =>
      t.app.inject({
        method: "PUT",
        url: "/api/v1/me/password",
        headers,
        payload: { currentPassword: "not-it", newPassword: "a-good-long-password" },
      });
    for (let i = 0; i < 10; i++) expect((await change()).statusCode).toBe(400);
    const refused = await change();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe("rateLimited");
  });
});

describe("the daily job", () => {
  it("removes attempts older than every window and sessions that ended, and keeps the rest", async () => {
    clock.advance({ hours: 1 });
    const old = await bearerFor(t.app, "teamleider@demo.local");
    await login(t.app, "old@b.c", "x");
    clock.advance({ minutes: 16 });
    const recent = await bearerFor(t.app, "teamleider@demo.local");
    await login(t.app, "recent@b.c", "x");
    const before = await t.db.kysely.selectFrom("throttle_events").select("at").execute();
    expect(before.some((e) => e.at < clock.now().toISOString())).toBe(true);
    clock.advance({ minutes: 16 });
    const admin = await bearerFor(t.app, "admin@demo.local");
    await runDailyJob(t.db.kysely, { clock, trigger: "manual" });
    const left = await t.db.kysely.selectFrom("throttle_events").select("at").execute();
    const cutoff = new Date(clock.now().getTime() - 15 * 60_000).toISOString();
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((e) => e.at > cutoff)).toBe(true);
    const sessions = await t.db.kysely.selectFrom("sessions").select("expires_at").execute();
    expect(sessions.every((s) => s.expires_at > clock.now().toISOString())).toBe(true);
    expect((await t.app.inject({ url: "/api/v1/me", headers: admin })).statusCode).toBe(200);
    expect((await t.app.inject({ url: "/api/v1/me", headers: recent })).statusCode).toBe(200);
    expect((await t.app.inject({ url: "/api/v1/me", headers: old })).statusCode).toBe(401);
  });
});
