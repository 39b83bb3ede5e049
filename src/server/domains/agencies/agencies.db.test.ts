import { TestClock } from "@server/clock.js";
import { ACCESS_PURPOSES } from "@server/domains/privacy/access-purposes.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays } from "@shared/dates.js";
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
const api = (method: "GET" | "POST" | "PATCH", url: string, headers: Headers, payload?: object) =>
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
  it("let an admin change an agency's registration, naming a bad field and writing nothing; nobody else", async () => {
    const before = await t.db.kysely.selectFrom("agencies").selectAll().where("id", "=", agencyId).executeTakeFirstOrThrow();
    const unknownDistrict = await api("PATCH", `/agencies/${agencyId}`, admin, { name: "Bureau Anders", district: "Atlantis" });
    expect(unknownDistrict.statusCode).toBe(400);
    expect(unknownDistrict.headers["content-type"]).toContain("application/problem+json");
    expect(unknownDistrict.json().invalidParams).toEqual([expect.objectContaining({ name: "district", code: "unknownDistrict" })]);
    expect((await api("PATCH", `/agencies/${agencyId}`, admin, {})).statusCode).toBe(400);
    expect((await api("PATCH", `/agencies/${agencyId}`, admin, { name: "" })).json().invalidParams).toEqual([
      expect.objectContaining({ name: "name" }),
    ]);
    expect(await t.db.kysely.selectFrom("agencies").selectAll().where("id", "=", agencyId).executeTakeFirstOrThrow()).toEqual(before);
    for (const other of [teamLead, consultant, worker]) {
      expect((await api("PATCH", `/agencies/${agencyId}`, other, { name: "Bureau Overgenomen" })).statusCode).toBe(403);
    }
    const changed = await api("PATCH", `/agencies/${agencyId}`, admin, { name: "Bureau Toets en Zo", district: "Overschie" });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: "Bureau Toets en Zo", district: "Overschie", kvkNumber: "90000035" });
    expect(changed.json().abilities).toMatchObject({ update: true });
    expect((await api("GET", `/agencies/${agencyId}`, teamLead)).json()).toMatchObject({
      name: "Bureau Toets en Zo",
      abilities: { update: false },
    });
    const audited = await t.db.kysely
      .selectFrom("audit_events")
      .select(["action", "details"])
      .where("subject_id", "=", agencyId)
      .where("action", "=", "agency.update")
      .execute();
    expect(audited).toHaveLength(1);
    const cleared = await api("PATCH", `/agencies/${agencyId}`, admin, { name: "Bureau Toets", district: null });
    expect(cleared.json()).toMatchObject({ name: "Bureau Toets", district: null });
  });

  it("name an agency worker's agency on GET /me, and none for anyone else", async () => {
    expect((await api("GET", "/me", worker)).json()).toMatchObject({ role: "agencyWorker", agencyId, agencyName: "Bureau Toets" });
    expect((await api("GET", "/me", teamLead)).json()).toMatchObject({ agencyId: null, agencyName: null });
  });

  it("let a team lead end an assignment early: once of two endings sent together, and the worker loses the client that day", async () => {
    clock.set("2026-06-15");
    const made = await api("POST", `/agencies/${agencyId}/assignments`, teamLead, {
      clientId: otherClientId,
      startDate: "2026-06-01",
      endDate: "2026-09-30",
      contract,
    });
    expect(made.statusCode, made.body).toBe(201);
    const id: string = made.json().id;
    expect(made.json()).toMatchObject({ status: "current", assignedByName: expect.any(String), abilities: { end: true } });
    worker = await bearerFor(t.app, "toets.bureau@demo.local", "een-lang-wachtwoord");
    expect((await api("GET", `/clients/${otherClientId}`, worker)).statusCode).toBe(200);
    const workerView = await api("GET", `/agencies/${agencyId}/assignments`, worker);
    expect(workerView.json().items).toEqual(expect.arrayContaining([expect.objectContaining({ id, abilities: { end: false } })]));

    // Bad input names the field and writes nothing; nobody but a team lead may end it.
    const row = () => t.db.kysely.selectFrom("agency_assignments").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const untouched = await row();
    const early = await api("POST", `/agency-assignments/${id}/end`, teamLead, { endedOn: "2026-05-31", reason: "workFound" });
    expect(early.statusCode).toBe(400);
    expect(early.headers["content-type"]).toContain("application/problem+json");
    expect(early.json().invalidParams).toEqual([expect.objectContaining({ name: "endedOn", code: "beforeStart" })]);
    const late = await api("POST", `/agency-assignments/${id}/end`, teamLead, { endedOn: "2026-10-01", reason: "workFound" });
    expect(late.json().invalidParams).toEqual([expect.objectContaining({ name: "endedOn", code: "afterPlannedEnd" })]);
    const noWords = await api("POST", `/agency-assignments/${id}/end`, teamLead, { reason: "other" });
    expect(noWords.json().invalidParams).toEqual([expect.objectContaining({ name: "note", code: "required" })]);
    const noReason = await api("POST", `/agency-assignments/${id}/end`, teamLead, { endedOn: "2026-06-15" });
    expect(noReason.json().invalidParams).toEqual([expect.objectContaining({ name: "reason" })]);
    for (const other of [worker, admin, consultant]) {
      expect((await api("POST", `/agency-assignments/${id}/end`, other, { reason: "workFound" })).statusCode).toBe(403);
    }
    expect(await row()).toEqual(untouched);

    // Two endings sent together: one ends it, the other is told it was ended already.
    const answers = await Promise.all([
      api("POST", `/agency-assignments/${id}/end`, teamLead, { reason: "agencyPerformance", note: "Geen contact in drie weken." }),
      api("POST", `/agency-assignments/${id}/end`, teamLead, { endedOn: "2026-07-01", reason: "workFound" }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.statusCode === 409);
    expect(refused?.headers["content-type"]).toContain("application/problem+json");
    expect(refused?.json().code).toBe("assignmentEnded");
    const won = answers.find((a) => a.statusCode === 200)?.json();
    const stored = await row();
    expect(stored).toMatchObject({
      ended_on: won.endedOn,
      end_date: won.endedOn === "2026-06-15" ? "2026-06-14" : "2026-06-30",
      planned_end_date: "2026-09-30",
      end_reason: won.endReason,
    });
    expect(
      await t.db.kysely
        .selectFrom("audit_events")
        .select("id")
        .where("subject_id", "=", id)
        .where("action", "=", "agencyAssignment.end")
        .execute(),
    ).toHaveLength(1);

    // The ending that came in without a date ended it today: the worker no longer sees the client at once.
    if (won.endedOn === "2026-07-01") {
      clock.set("2026-07-01");
      teamLead = await bearerFor(t.app, "teamleider@demo.local");
      consultant = await bearerFor(t.app, "consulent@demo.local");
    }
    worker = await bearerFor(t.app, "toets.bureau@demo.local", "een-lang-wachtwoord");
    expect((await api("GET", `/clients/${otherClientId}`, worker)).statusCode).toBe(404);
    expect((await api("GET", `/clients/${otherClientId}/check-ins`, worker)).statusCode).toBe(404);
    expect((await api("GET", "/clients", worker)).json().items.map((c: { id: string }) => c.id)).not.toContain(otherClientId);

    // The team lead sees it ended, why, by whom, and no more action on it.
    const list = await api("GET", `/agencies/${agencyId}/assignments`, teamLead);
    expect(list.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id,
          status: "endedEarly",
          startDate: "2026-06-01",
          plannedEndDate: "2026-09-30",
          endedOn: won.endedOn,
          endReason: won.endReason,
          endedByName: expect.any(String),
          assignedByName: expect.any(String),
          abilities: { end: false },
        }),
      ]),
    );

    // The client's access log explains the ending in plain words.
    const log = await api("GET", `/clients/${otherClientId}/access-log?pageSize=50`, consultant);
    const ending = log.json().items.find((e: { action: string }) => e.action === "agencyAssignment.end");
    expect(ending).toMatchObject({ kind: "change", actorKind: "teamLead", purpose: ACCESS_PURPOSES["agencyAssignment.end"] });

    // From the end date the client can go to another agency.
    const again = await api("POST", `/agencies/${agencyId}/assignments`, teamLead, {
      clientId: otherClientId,
      startDate: won.endedOn,
      endDate: "2026-12-31",
      contract,
    });
    expect(again.statusCode, again.body).toBe(201);
    clock.set("2026-06-15");
  });

  it("refuse to end an assignment whose period has passed", async () => {
    const row = await t.db.kysely.selectFrom("agency_assignments").selectAll().where("client_id", "=", clientId).executeTakeFirstOrThrow();
    clock.set(addDays(row.end_date, 1));
    teamLead = await bearerFor(t.app, "teamleider@demo.local");
    const over = await api("POST", `/agency-assignments/${row.id}/end`, teamLead, { endedOn: row.end_date, reason: "workFound" });
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe("assignmentOver");
    const listed = (await api("GET", `/agencies/${agencyId}/assignments`, teamLead)).json().items;
    expect(listed.find((a: { id: string }) => a.id === row.id)).toMatchObject({ status: "completed", abilities: { end: false } });
    clock.set("2026-06-15");
  });
});
