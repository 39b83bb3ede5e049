import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
let admin: { authorization: string };

beforeAll(async () => {
  t = await createTestApp({ clients: 60 });
  admin = await bearerFor(t.app, "admin@demo.local");
});
afterAll(() => t.close());

describe("audit log", () => {
  it("is readable by admins only", async () => {
    expect((await t.app.inject({ url: "/api/v1/audit-events" })).statusCode).toBe(401);
    for (const email of [
      "consulent@demo.local",
      "teamleider@demo.local",
      "onderzoeker@demo.local",
      "organisatie@demo.local",
      "klant@demo.local",
    ]) {
      const headers = await bearerFor(t.app, email);
      expect((await t.app.inject({ url: "/api/v1/audit-events", headers })).statusCode, email).toBe(403);
    }
    expect((await t.app.inject({ url: "/api/v1/audit-events", headers: admin })).statusCode).toBe(200);
  });

  it("records logins, including failed ones, without the attempted password", async () => {
    await t.app.inject({ method: "POST", url: "/api/v1/sessions", payload: { email: "consulent@demo.local", password: "geheim-fout" } });
    const body = (await t.app.inject({ url: "/api/v1/audit-events?category=auth&pageSize=200", headers: admin })).json();
    const actions = body.items.map((e: { action: string }) => e.action);
    expect(actions).toContain("session.create");
    expect(actions).toContain("session.loginFailed");
    expect(JSON.stringify(body)).not.toContain("geheim-fout");
  });

  it("filters by date range and pages newest first", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const body = (await t.app.inject({ url: `/api/v1/audit-events?fromDate=${today}&toDate=${today}&pageSize=3`, headers: admin })).json();
    expect(body.items.length).toBe(3);
    expect(body.total).toBeGreaterThanOrEqual(3);
    const times = body.items.map((e: { occurredAt: string }) => e.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    const none = (await t.app.inject({ url: "/api/v1/audit-events?toDate=2000-01-01", headers: admin })).json();
    expect(none.total).toBe(0);
  });

  it("offers no route that changes or deletes audit rows", async () => {
    const event = (await t.app.inject({ url: "/api/v1/audit-events?pageSize=1", headers: admin })).json().items[0];
    for (const method of ["PUT", "PATCH", "DELETE"] as const) {
      const response = await t.app.inject({ method, url: `/api/v1/audit-events/${event.id}`, headers: admin, payload: {} });
      expect(response.statusCode, method).toBe(404);
    }
    const document = (await t.app.inject({ url: "/api/v1/openapi.json" })).json();
    const auditPaths = Object.entries<Record<string, unknown>>(document.paths).filter(([path]) => path.startsWith("/audit-events"));
    expect(auditPaths.flatMap(([, item]) => Object.keys(item))).toEqual(["get"]);
  });

  it("is append-only in the database itself", async () => {
    const before = (await t.app.inject({ url: "/api/v1/audit-events?pageSize=1", headers: admin })).json();
    await expect(sql`UPDATE audit_events SET action = 'tampered'`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_events`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    const after = (await t.app.inject({ url: "/api/v1/audit-events?pageSize=1", headers: admin })).json();
    expect(after.total).toBeGreaterThanOrEqual(before.total);
    expect(after.items.some((e: { action: string }) => e.action === "tampered")).toBe(false);
  });
});
