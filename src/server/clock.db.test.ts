import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "./clock.js";

// A date long before the machine's: whatever passes here passes because the app reads the test clock.
const clock = new TestClock("2026-03-10");
const IDLE_MINUTES = 30;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clients: 60, clock, env: { SESSION_IDLE_MINUTES: String(IDLE_MINUTES) } });
});
afterAll(() => t.close());

const call = (method: "GET" | "POST", url: string, headers: { authorization: string }, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

describe("an app on a test clock", () => {
  it("takes the clock's date as today: an ordinance version from that date is accepted and in force, the day before is refused", async () => {
    const admin = await bearerFor(t.app, "admin@demo.local");
    const {
      version: _v,
      effectiveFrom: _e,
      createdBy: _c,
      createdAt: _a,
      ...settings
    } = (await call("GET", "/ordinance", admin)).json().current;
    const before = await call("POST", "/ordinance/versions", admin, { ...settings, effectiveFrom: "2026-03-09", note: "Gisteren" });
    expect(before.statusCode).toBe(400);
    expect(before.json().invalidParams[0]).toMatchObject({ name: "effectiveFrom", code: "dateInPast" });
    const today = await call("POST", "/ordinance/versions", admin, { ...settings, effectiveFrom: "2026-03-10", note: "Vandaag" });
    expect(today.statusCode).toBe(201);
    expect(today.json().createdAt).toBe(clock.now().toISOString());
    expect((await call("GET", "/ordinance", admin)).json().current).toMatchObject({ effectiveFrom: "2026-03-10", note: "Vandaag" });
  });

  it("has an exemption in force until its end date, and the daily job on the next day ends it", async () => {
    clock.set("2026-03-10");
    const consultant = await bearerFor(t.app, "consulent@demo.local");
    const me = (await call("GET", "/me", consultant)).json();
    const client = await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).executeTakeFirstOrThrow();
    const created = await call("POST", `/clients/${client.id}/exemptions`, consultant, {
      type: "medical",
      scope: "partial",
      maxHoursPerWeek: 8,
      startDate: "2026-03-01",
      endDate: "2026-03-31",
      reason: "Advies bedrijfsarts: hoogstens acht uur per week tot april.",
    });
    expect(created.statusCode).toBe(201);
    const exemption = async (headers: { authorization: string }) =>
      (await call("GET", `/clients/${client.id}/exemptions`, headers)).json().items.find((e: { id: string }) => e.id === created.json().id);
    expect(await exemption(consultant)).toMatchObject({ status: "active", inForce: true });

    clock.set("2026-04-01");
    const later = await bearerFor(t.app, "consulent@demo.local");
    expect(await exemption(later)).toMatchObject({ status: "active", inForce: false });
    const admin = await bearerFor(t.app, "admin@demo.local");
    const run = await call("POST", "/scheduler/runs", admin, { job: "daily" });
    expect(run.statusCode).toBe(201);
    expect(run.json()).toMatchObject({ runDate: "2026-04-01", status: "succeeded", startedAt: clock.now().toISOString() });
    expect(await exemption(later)).toMatchObject({ status: "ended", endedOn: "2026-03-31", endReason: "expired" });
  });

  it("ends a session that was idle longer than allowed, and slides it while in use", async () => {
    const idle = IDLE_MINUTES;
    const session = await bearerFor(t.app, "consulent@demo.local");
    clock.advance({ minutes: idle - 1 });
    expect((await call("GET", "/me", session)).statusCode).toBe(200);
    clock.advance({ minutes: idle - 1 });
    expect((await call("GET", "/me", session)).statusCode).toBe(200);
    clock.advance({ minutes: idle + 1 });
    expect((await call("GET", "/me", session)).statusCode).toBe(401);
  });

  it("refuses logins after ten failures, and allows them again a quarter of an hour later", async () => {
    const attempt = (password: string) =>
      t.app.inject({ method: "POST", url: "/api/v1/sessions", payload: { email: "teamleider@demo.local", password } });
    for (let i = 0; i < 10; i++) expect((await attempt("wrong")).statusCode).toBe(401);
    expect((await attempt("demo")).json().code).toBe("tooManyAttempts");
    clock.advance({ minutes: 14 });
    expect((await attempt("demo")).statusCode).toBe(429);
    clock.advance({ minutes: 2 });
    expect((await attempt("demo")).statusCode).toBe(201);
  });
});
