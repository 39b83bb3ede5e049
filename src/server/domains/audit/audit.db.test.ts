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

  it("names the actor and the client beside their ids", async () => {
    const consultant = await bearerFor(t.app, "consulent@demo.local");
    const client = (await t.app.inject({ url: "/api/v1/clients?pageSize=1", headers: consultant })).json().items[0];
    await t.app.inject({ url: `/api/v1/clients/${client.id}`, headers: consultant });
    const body = (await t.app.inject({ url: `/api/v1/audit-events?clientId=${client.id}&action=client.read`, headers: admin })).json();
    expect(body.items[0]).toMatchObject({
      actorEmail: "consulent@demo.local",
      actorName: expect.stringMatching(/\S/),
      clientId: client.id,
      clientName: `${client.givenName} ${client.familyName}`,
    });
  });

  it("exports the filtered log as CSV, streamed in batches, newest first, and records the export", async () => {
    const url = "/api/v1/audit-event-exports?category=auth";
    expect((await t.app.inject({ url })).statusCode).toBe(401);
    expect((await t.app.inject({ url, headers: await bearerFor(t.app, "teamleider@demo.local") })).statusCode).toBe(403);
    const bad = await t.app.inject({ url: "/api/v1/audit-event-exports?actorId=nope", headers: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0].name).toBe("actorId");
    const listed = (await t.app.inject({ url: "/api/v1/audit-events?category=auth&pageSize=200", headers: admin })).json();
    const response = await t.app.inject({ url, headers: admin });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers["content-disposition"]).toMatch(/attachment; filename="auditlog-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = response.body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "occurredAt;actorName;actorEmail;actorRole;action;category;clientName;clientId;subjectType;subjectId;requestId;details",
    );
    expect(lines.length - 1).toBe(listed.total);
    expect(lines.slice(1).map((line) => line.split(";")[0])).toEqual(listed.items.map((e: { occurredAt: string }) => e.occurredAt));
    const exports = (await t.app.inject({ url: "/api/v1/audit-events?action=auditEvent.export", headers: admin })).json();
    expect(exports.items[0]).toMatchObject({ actorEmail: "admin@demo.local", category: "read:list", details: { filters: ["category"] } });
  });

  it("reads every row once across batches, ties in time included", async () => {
    const { eachAuditEvent } = await import("./audit.repo.js");
    const all = (await t.app.inject({ url: "/api/v1/audit-events?pageSize=200", headers: admin })).json();
    const ids: string[] = [];
    for await (const row of eachAuditEvent(t.db.kysely, {}, 7)) ids.push(row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(Math.min(all.total, 200));
    expect(ids.slice(0, all.items.length)).toEqual(all.items.map((e: { id: string }) => e.id));
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
