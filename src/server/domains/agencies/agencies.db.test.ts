import { TestClock } from "@server/clock.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Intermediary agencies: an admin registers one and its worker, a team lead gives it a client for a period, and the
 * worker then works that client, and only that client, only within the period, never seeing a sanction.
 */
const clock = new TestClock("2026-06-15");
let t: TestApp;
type Headers = { authorization: string };
let admin: Headers;
let teamLead: Headers;
let consultant: Headers;
let agencyId: string;
let worker: Headers;
let clientId: string;
let otherClientId: string;
const api = (method: "GET" | "POST", url: string, headers: Headers, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const contract = { intakeWithinDays: 28, placementWithinDays: 90, placementMinWeeks: 13 };

beforeAll(async () => {
  t = await createTestApp({ clients: 120, clock });
  admin = await bearerFor(t.app, "admin@demo.local");
  teamLead = await bearerFor(t.app, "teamleider@demo.local");
  consultant = await bearerFor(t.app, "consulent@demo.local");
  const charlois = await t.db.kysely
    .selectFrom("clients")
    .select("id")
    .where("district", "=", "Charlois")
    .where("id", "not in", t.db.kysely.selectFrom("agency_assignments").select("client_id"))
    .where("id", "not in", t.db.kysely.selectFrom("users").select("client_id").where("client_id", "is not", null))
    .orderBy("id")
    .limit(2)
    .execute();
  clientId = charlois[0]?.id ?? "";
  otherClientId = charlois[1]?.id ?? "";
}, 120_000);
afterAll(() => t.close());

describe("agencies", () => {
  it("are registered by an admin, with workers bound to one agency", async () => {
    const created = await api("POST", "/agencies", admin, { name: "Bureau Toets", kvkNumber: "90000035", district: "Charlois" });
    expect(created.statusCode, created.body).toBe(201);
    agencyId = created.json().id;
    const unbound = await api("POST", "/users", admin, {
      email: "toets.bureau@demo.local",
      displayName: "Toets Bureau",
      role: "agencyWorker",
      password: "een-lang-wachtwoord",
    });
    expect(unbound.statusCode).toBe(400);
    expect(unbound.json().invalidParams).toEqual([expect.objectContaining({ name: "agencyId", code: "required" })]);
    const user = await api("POST", "/users", admin, {
      email: "toets.bureau@demo.local",
      displayName: "Toets Bureau",
      role: "agencyWorker",
      agencyId,
      password: "een-lang-wachtwoord",
    });
    expect(user.statusCode, user.body).toBe(201);
    expect(user.json()).toMatchObject({ role: "agencyWorker", agencyId });
    worker = await bearerFor(t.app, "toets.bureau@demo.local", "een-lang-wachtwoord");
    expect((await api("POST", "/agencies", teamLead, { name: "Niet toegestaan" })).statusCode).toBe(403);
  });

  it("refuse bad input naming the field, and write nothing", async () => {
    const before = await t.db.kysely.selectFrom("agency_assignments").select("id").execute();
    const reversed = await api("POST", `/agencies/${agencyId}/assignments`, teamLead, {
      clientId,
      startDate: "2026-07-01",
      endDate: "2026-06-30",
      contract,
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.headers["content-type"]).toContain("application/problem+json");
    expect(reversed.json().invalidParams).toEqual([expect.objectContaining({ name: "endDate", code: "beforeStart" })]);
    const noContract = await api("POST", `/agencies/${agencyId}/assignments`, teamLead, {
      clientId,
      startDate: "2026-06-15",
      endDate: "2026-09-30",
    });
    expect(noContract.statusCode).toBe(400);
    expect(noContract.json().invalidParams).toEqual([expect.objectContaining({ name: "contract" })]);
    // A client outside the team lead's districts does not exist for them: named as the field, not assigned.
    const outsider = await t.db.kysely
      .selectFrom("clients")
      .select("id")
      .where("district", "not in", ["Charlois", "Overschie"])
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const outOfScope = await api("POST", `/agencies/${agencyId}/assignments`, teamLead, {
      clientId: outsider.id,
      startDate: "2026-06-15",
      endDate: "2026-09-30",
      contract,
    });
    expect(outOfScope.statusCode).toBe(400);
    expect(outOfScope.json().invalidParams).toEqual([expect.objectContaining({ name: "clientId", code: "unknownClient" })]);
    expect(await t.db.kysely.selectFrom("agency_assignments").select("id").execute()).toHaveLength(before.length);
  });

  it("give a worker nothing before a client is assigned", async () => {
    expect((await api("GET", `/clients/${clientId}`, worker)).statusCode).toBe(404);
    expect((await api("GET", "/clients", worker)).json().items).toEqual([]);
  });

  it("refuse all but one of overlapping assignments of one client sent at the same time (each holds 20 June)", async () => {
    const periods = [
      ["2026-06-15", "2026-09-30"],
      ["2026-06-01", "2026-07-31"],
      ["2026-06-20", "2026-12-31"],
      ["2026-06-20", "2026-06-30"],
    ];
    const answers = await Promise.all(
      periods.map(([startDate, endDate]) =>
        api("POST", `/agencies/${agencyId}/assignments`, teamLead, { clientId, startDate, endDate, contract }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.statusCode === 409)) expect(refused.json().code).toBe("assignmentOverlaps");
    const rows = await t.db.kysely.selectFrom("agency_assignments").selectAll().where("client_id", "=", clientId).execute();
    expect(rows).toHaveLength(1);
    // The one that won stands; later ones go after it.
    const row = rows[0];
    if (!row) throw new Error("no assignment");
    expect(row.start_date <= "2026-06-20" && row.end_date >= "2026-06-20").toBe(true);
  });

  it("let the worker see and work only the assigned client, with the consultant's view minus sanctions", async () => {
    const row = await t.db.kysely.selectFrom("agency_assignments").selectAll().where("client_id", "=", clientId).executeTakeFirstOrThrow();
    clock.set(row.start_date < "2026-06-15" ? "2026-06-15" : row.start_date);
    worker = await bearerFor(t.app, "toets.bureau@demo.local", "een-lang-wachtwoord");
    const list = await api("GET", "/clients", worker);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([clientId]);
    const read = await api("GET", `/clients/${clientId}`, worker);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ bsn: expect.any(String) });
    expect(read.json().abilities).toMatchObject({ viewSanctions: false, proposeSanction: false, recordCheckIn: true, recordIntake: true });
    expect((await api("GET", `/clients/${otherClientId}`, worker)).statusCode).toBe(404);
    expect((await api("GET", `/clients/${clientId}/sanctions`, worker)).statusCode).toBe(403);
    const propose = await api("POST", `/clients/${clientId}/sanctions`, worker, {
      ground: "insufficientEffort",
      factsDate: clock.today(),
      facts: "Niet gekomen.",
      culpability: "full",
      circumstances: "Geen.",
      urgentReasons: false,
    });
    expect(propose.statusCode).toBe(403);
    expect((await api("GET", `/clients/${clientId}/decisions`, worker)).statusCode).toBe(403);
    const fact = await api("POST", `/clients/${clientId}/check-ins`, worker, {
      heldOn: clock.today(),
      channel: "phone",
      who5: [3, 3, 3, 3, 3],
      readyForNextStep: false,
    });
    expect(fact.statusCode, fact.body).toBe(201);
    const audited = await t.db.kysely
      .selectFrom("audit_events")
      .select(["action", "category", "actor_role"])
      .where("client_id", "=", clientId)
      .where("actor_role", "=", "agencyWorker")
      .execute();
    expect(audited).toEqual(expect.arrayContaining([{ action: "client.read", category: "read:sensitive", actor_role: "agencyWorker" }]));
    // The client's access log names the agency, never the worker.
    const log = await api("GET", `/clients/${clientId}/access-log?pageSize=50`, consultant);
    const agencyRead = log
      .json()
      .items.find((e: { actorKind: string; action: string }) => e.actorKind === "agencyWorker" && e.action === "client.read");
    expect(agencyRead).toMatchObject({ organisationName: "Bureau Toets", actorName: null });
    const assignments = await api("GET", `/agencies/${agencyId}/assignments`, worker);
    expect(assignments.json()).toMatchObject({ total: 1, items: [{ clientId, current: true }] });
  });

  it("hide the client from the worker once the period ended, and from another agency's worker always", async () => {
    const other = await bearerFor(t.app, "bemiddelaar2@demo.local");
    expect((await api("GET", `/clients/${clientId}`, other)).statusCode).toBe(404);
    expect((await api("GET", `/agencies/${agencyId}`, other)).statusCode).toBe(404);
    const row = await t.db.kysely.selectFrom("agency_assignments").selectAll().where("client_id", "=", clientId).executeTakeFirstOrThrow();
    clock.set(row.end_date);
    worker = await bearerFor(t.app, "toets.bureau@demo.local", "een-lang-wachtwoord");
    expect((await api("GET", `/clients/${clientId}`, worker)).statusCode).toBe(200);
    clock.advance({ days: 1 });
    worker = await bearerFor(t.app, "toets.bureau@demo.local", "een-lang-wachtwoord");
    expect((await api("GET", `/clients/${clientId}`, worker)).statusCode).toBe(404);
    expect((await api("GET", `/clients/${clientId}/check-ins`, worker)).statusCode).toBe(404);
    expect((await api("GET", "/clients", worker)).json().items).toEqual([]);
    clock.set("2026-06-15");
  });

  it("show team leads each agency's targets against results and client outcomes; not consultants", async () => {
    const results = await api("GET", "/agency-results", teamLead);
    expect(results.statusCode, results.body).toBe(200);
    const mine = results.json().items.find((i: { agencyId: string }) => i.agencyId === agencyId);
    expect(mine).toMatchObject({ agencyName: "Bureau Toets", assignments: 1 });
    expect(results.json().items.map((i: { agencyName: string }) => i.agencyName)).toEqual(
      expect.arrayContaining(["Werkpad Charlois", "Stap Verder Bemiddeling"]),
    );
    expect(results.json().totals.assignments).toBeGreaterThanOrEqual(1);
    expect((await api("GET", "/agency-results", consultant)).statusCode).toBe(403);
    expect((await api("GET", "/agency-results", worker)).statusCode).toBe(403);
  });
});
