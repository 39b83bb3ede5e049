import { TestClock } from "@server/clock.js";
import { type AuthorizationFixtures, buildAuthorizationFixtures } from "@server/testing/authorization-fixtures.js";
import { MATRIX_TODAY } from "@server/testing/authorization-matrix.js";
import { applicationTables } from "@server/testing/row-counts.js";
import { createTestApp, type TestApp } from "@server/testing/test-app.js";
import { LIFE_DOMAINS } from "@shared/schemas/intakes.js";
import type { AccessLogEntry, DataExportOutput } from "@shared/schemas/privacy.js";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_SOURCES, NOT_EXPORTED_AS_ROWS } from "./data-export.sources.js";

let t: TestApp;
const clock = new TestClock(MATRIX_TODAY);
let f: AuthorizationFixtures;
let clientId: string;
let otherClientId: string;
const HEALTH_NOTE = "Rugklachten, kan niet lang staan.";

const get = (url: string, headers: { authorization: string }) => t.app.inject({ url: `/api/v1${url}`, headers });
const auditRows = async () =>
  Number(
    (
      await t.db.kysely
        .selectFrom("audit_events")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp({ clients: 80, seed: 7, historyShare: 0.5, clock });
  f = await buildAuthorizationFixtures(t);
  clientId = f.ids.inScope.clients;
  otherClientId = f.ids.outOfScope.clients;
  const intake = {
    heldOn: MATRIX_TODAY,
    scores: Object.fromEntries(LIFE_DOMAINS.map((domain) => [domain, 3])),
    travelRadiusKm: 5,
    capacityHoursPerWeek: 8,
    ladderRung: 2,
    growthRung: 3,
    healthNotes: HEALTH_NOTE,
    notes: "Schulden bij de energiemaatschappij.",
  };
  const recorded = await t.app.inject({
    method: "POST",
    url: `/api/v1/clients/${clientId}/intakes`,
    headers: f.headers.consultant,
    payload: intake,
  });
  expect(recorded.statusCode).toBe(201);
  // A host reads the need-to-know profile, the consultant the full record.
  expect((await get(`/clients/${clientId}`, f.headers.host)).statusCode).toBe(200);
  expect((await get(`/clients/${clientId}`, f.headers.consultant)).statusCode).toBe(200);
  expect((await get(`/clients/${clientId}`, f.headers.client)).statusCode).toBe(200);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe("the data export covers every table", () => {
  it("exports every table that holds a client_id, or names why it does not", async () => {
    const tables = await t.db.kysely.introspection.getTables();
    const own = new Set(await applicationTables(t.db));
    const withClient = tables.filter((table) => own.has(table.name) && table.columns.some((column) => column.name === "client_id"));
    expect(withClient.length).toBeGreaterThan(15);
    const covered = new Set([...EXPORT_SOURCES.map((source) => source.table), ...Object.keys(NOT_EXPORTED_AS_ROWS)]);
    expect(withClient.map((table) => table.name).filter((name) => !covered.has(name))).toEqual([]);
    // Every source reads a table that exists, and every column it leaves out exists too (no stale reasons).
    for (const source of EXPORT_SOURCES) {
      const table = tables.find((candidate) => candidate.name === source.table && own.has(candidate.name));
      expect(table, source.table).toBeDefined();
      for (const column of Object.keys(source.omit ?? {}))
        expect(
          table?.columns.map((c) => c.name),
          source.key,
        ).toContain(column);
    }
  });
});

describe("the data export covers every side of a client", () => {
  /** Columns that name a client: `client_id`, and a client on another side of a record, as `buddy_client_id`. */
  const namesClient = (column: string) => column === "client_id" || column.endsWith("_client_id");

  it("exports each table by every column that names a client, or names why it does not", async () => {
    const own = new Set(await applicationTables(t.db));
    const tables = (await t.db.kysely.introspection.getTables()).filter((table) => own.has(table.name));
    const sides = tables.flatMap((table) => table.columns.filter((c) => namesClient(c.name)).map((c) => `${table.name}.${c.name}`));
    expect(sides).toContain("buddy_pairings.buddy_client_id");
    const exportedBy = new Set(
      EXPORT_SOURCES.filter((source) => !("parent" in source.belongs)).map((source) => `${source.table}.${source.belongs.column}`),
    );
    const named = new Set(Object.keys(NOT_EXPORTED_AS_ROWS).map((table) => `${table}.client_id`));
    expect(sides.filter((side) => !exportedBy.has(side) && !named.has(side))).toEqual([]);
  });

  it("exports a child table for every side of its parent: a buddy's meetings as the buddy, not only as the one supported", async () => {
    const own = new Set(await applicationTables(t.db));
    const tables = (await t.db.kysely.introspection.getTables()).filter((table) => own.has(table.name));
    const missing: string[] = [];
    for (const source of EXPORT_SOURCES) {
      if (!("parent" in source.belongs)) continue;
      const parent = source.belongs.parent;
      const parentSides = tables.find((table) => table.name === parent)?.columns.filter((c) => namesClient(c.name)) ?? [];
      for (const side of parentSides) {
        const covered = EXPORT_SOURCES.some(
          (other) =>
            other.table === source.table &&
            "parent" in other.belongs &&
            other.belongs.parent === parent &&
            (other.belongs.parentColumn ?? "client_id") === side.name,
        );
        if (!covered) missing.push(`${source.table} by ${parent}.${side.name}`);
      }
    }
    expect(missing).toEqual([]);
    expect(EXPORT_SOURCES.map((source) => source.key)).toContain("buddyMeetingsAsBuddy");
  });
});

describe("GET /clients/{id}/data-export", () => {
  it("gives the client everything held on them, the consultant's notes on health and debts included", async () => {
    const response = await get(`/clients/${clientId}/data-export`, f.headers.client);
    expect(response.statusCode).toBe(200);
    const body: DataExportOutput = response.json();
    expect(body.clientId).toBe(clientId);
    const section = (key: string) => body.sections.find((s) => s.key === key)?.rows ?? [];
    const ids = (key: string) => section(key).map((row) => row.id);
    expect(section("client")[0]?.bsn).toMatch(/^\d{9}$/);
    expect(section("intakes").map((row) => row.healthNotes)).toContain(HEALTH_NOTE);
    expect(section("intakes").map((row) => row.notes)).toContain("Schulden bij de energiemaatschappij.");
    const scope = f.ids.inScope;
    expect(ids("letters")).toContain(scope.letters);
    expect(ids("appointments")).toContain(scope.appointments);
    expect(ids("plans")).toContain(scope.plans);
    expect(ids("planSteps")).toContain(scope["plan-steps"]);
    expect(ids("placements")).toContain(scope.placements);
    expect(ids("exemptions")).toContain(scope.exemptions);
    expect(ids("caregiving")).toContain(scope.caregiving);
    expect(ids("accountability")).toContain(scope["accountability-requests"]);
    expect(ids("documents")).toContain(scope.documents);
    expect(ids("sanctions")).toContain(scope.sanctions);
    expect(ids("decisions")).toContain(scope.decisions);
    expect(ids("objections")).toContain(scope.objections);
    expect(section("placementAgreements").length).toBeGreaterThan(0);
    expect(section("account")[0]?.email).toBe("klant@demo.local");
    // Files and secrets stay out: the letters and evidence as metadata, no password hash.
    const text = JSON.stringify(body);
    for (const key of ['"pdf"', '"content"', '"passwordHash"', '"searchName"']) expect(text).not.toContain(key);
    expect(section("letters")[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Nothing of another client.
    expect(text).not.toContain(otherClientId);
  });

  it("gives a buddy their agreement, the pairings and the meetings they had as a buddy, without the other's contact details", async () => {
    const body: DataExportOutput = (await get(`/clients/${clientId}/data-export`, f.headers.client)).json();
    const section = (key: string) => body.sections.find((s) => s.key === key)?.rows ?? [];
    expect(section("buddies").map((row) => row.id)).toEqual([f.ids.inScope.buddies]);
    const asBuddy = section("buddyPairingsAsBuddy");
    expect(asBuddy.map((row) => row.id)).toContain(f.ids.inScope["buddy-pairings"]);
    const meetings = section("buddyMeetingsAsBuddy");
    expect(meetings.length).toBeGreaterThan(0);
    expect(meetings.every((row) => row.pairingId === f.ids.inScope["buddy-pairings"])).toBe(true);
    expect(meetings[0]).toMatchObject({ hours: 1.5, recordedBySide: "buddy" });
    // The person supported's identity and contact details are theirs, not the buddy's.
    for (const row of asBuddy) for (const key of ["clientId", "contactPhone", "contactEmail"]) expect(row).not.toHaveProperty(key);
    // As the one supported this client has no buddy, so nothing shows there.
    expect(section("buddyMeetings")).toEqual([]);
  });

  it("includes the access log", async () => {
    const body: DataExportOutput = (await get(`/clients/${clientId}/data-export`, f.headers.client)).json();
    expect(body.accessLog.some((entry) => entry.actorKind === "host" && entry.action === "client.readProfile")).toBe(true);
  });

  it("answers 404 to a client asking for another client's data, and to staff outside their districts", async () => {
    expect((await get(`/clients/${otherClientId}/data-export`, f.headers.client)).statusCode).toBe(404);
    expect((await get(`/clients/${otherClientId}/data-export?format=pdf`, f.headers.client)).statusCode).toBe(404);
    expect((await get(`/clients/${otherClientId}/data-export`, f.headers.consultant)).statusCode).toBe(404);
    expect((await get(`/clients/${clientId}/data-export`, f.headers.host)).statusCode).toBe(403);
    expect((await get(`/clients/${clientId}/data-export`, f.headers.researcher)).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/clients/${clientId}/data-export` })).statusCode).toBe(401);
  });

  it("refuses an unknown format naming the field, and records nothing", async () => {
    const before = await auditRows();
    const response = await get(`/clients/${clientId}/data-export?format=xml`, f.headers.consultant);
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().invalidParams.map((p: { name: string }) => p.name)).toContain("format");
    expect(await auditRows()).toBe(before);
  });

  it("records a staff member's export in the audit log, and shows it to the client with the staff member's name", async () => {
    expect((await get(`/clients/${clientId}/data-export`, f.headers.teamLead)).statusCode).toBe(200);
    const row = await t.db.kysely
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "client.dataExport")
      .where("actor_email", "=", "teamleider@demo.local")
      .executeTakeFirst();
    expect(row?.client_id).toBe(clientId);
    const log: AccessLogEntry[] = (await get(`/clients/${clientId}/access-log?pageSize=200`, f.headers.client)).json().items;
    const entry = log.find((e) => e.action === "client.dataExport");
    const teamLead = await t.db.kysely
      .selectFrom("users")
      .select("display_name")
      .where("email", "=", "teamleider@demo.local")
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actorKind: "teamLead", actorName: teamLead.display_name, organisationName: null });
    expect(entry?.purpose.nl).toBe("Alle gegevens over u zijn opgevraagd.");
  });

  it("gives a readable PDF that reads back as text", async () => {
    const response = await get(`/clients/${clientId}/data-export?format=pdf`, f.headers.client);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toContain("mijn-gegevens-2026-06-15.pdf");
    const text = (await new PDFParse({ data: response.rawPayload }).getText()).text.replace(/\s+/g, " ");
    const client = await t.db.kysely.selectFrom("clients").selectAll().where("id", "=", clientId).executeTakeFirstOrThrow();
    for (const expected of [
      "Uw gegevens bij de gemeente",
      `${client.given_name} ${client.family_name}`,
      "15 juni 2026",
      "AVG, artikel 15",
      "Eerste gesprekken (met de notities van de consulent)",
      HEALTH_NOTE,
      "Wie heeft uw dossier bekeken of veranderd?",
      "De organisatie waar u vrijwilligerswerk doet, heeft bekeken wat zij moet weten",
      "Niet in dit overzicht:",
    ]) {
      expect(text).toContain(expected);
    }
  });
});

describe("GET /clients/{id}/access-log", () => {
  it("names the host organisation but not its member, and the municipal staff member by name, with the purpose", async () => {
    const body = (await get(`/clients/${clientId}/access-log?pageSize=200`, f.headers.client)).json();
    const items: AccessLogEntry[] = body.items;
    const organisation = await t.db.kysely
      .selectFrom("organisations")
      .select("name")
      .where("id", "=", f.ids.inScope.organisations)
      .executeTakeFirstOrThrow();
    const hostUser = await t.db.kysely
      .selectFrom("users")
      .select("display_name")
      .where("email", "=", "organisatie@demo.local")
      .executeTakeFirstOrThrow();
    const consultant = await t.db.kysely
      .selectFrom("users")
      .select("display_name")
      .where("email", "=", "consulent@demo.local")
      .executeTakeFirstOrThrow();
    const hostRead = items.find((e) => e.action === "client.readProfile");
    expect(hostRead).toMatchObject({ kind: "read", actorKind: "host", organisationName: organisation.name, actorName: null });
    expect(JSON.stringify(items)).not.toContain(hostUser.display_name);
    const consultantRead = items.find((e) => e.action === "client.read" && e.actorKind === "consultant");
    expect(consultantRead?.actorName).toBe(consultant.display_name);
    expect(consultantRead?.purpose).toEqual({
      nl: "Uw gegevens zijn bekeken om u te helpen.",
      en: "Your details were viewed to help you.",
    });
    const intake = items.find((e) => e.action === "intake.create");
    expect(intake?.kind).toBe("change");
    const times = items.map((e) => e.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("leaves out logins and the client's own reads, and is not itself recorded when the client reads it", async () => {
    const before = await auditRows();
    const items: AccessLogEntry[] = (await get(`/clients/${clientId}/access-log?pageSize=200`, f.headers.client)).json().items;
    expect(await auditRows()).toBe(before);
    expect(items.some((e) => e.actorKind === "self" && e.kind === "read")).toBe(false);
    expect(items.some((e) => e.action.startsWith("session."))).toBe(false);
    const ownReads = await t.db.kysely
      .selectFrom("audit_events")
      .select("id")
      .where("client_id", "=", clientId)
      .where("actor_role", "=", "client")
      .where("action", "=", "client.read")
      .execute();
    expect(ownReads.length).toBeGreaterThan(0);
  });

  it("records a staff member reading it, which the client then sees", async () => {
    clock.advance({ minutes: 1 });
    const before = await auditRows();
    expect((await get(`/clients/${clientId}/access-log`, f.headers.consultant)).statusCode).toBe(200);
    expect(await auditRows()).toBe(before + 1);
    const items: AccessLogEntry[] = (await get(`/clients/${clientId}/access-log`, f.headers.client)).json().items;
    expect(items[0]).toMatchObject({ action: "client.accessLog", actorKind: "consultant" });
  });

  it("pages newest first", async () => {
    const first = (await get(`/clients/${clientId}/access-log?pageSize=2&accessReason=dataRequest`, f.headers.admin)).json();
    const second = (await get(`/clients/${clientId}/access-log?pageSize=2&page=2&accessReason=dataRequest`, f.headers.admin)).json();
    expect(first.items).toHaveLength(2);
    expect(first.total).toBeGreaterThan(4);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(first.items[1].occurredAt >= second.items[0].occurredAt).toBe(true);
  });

  it("answers 404 for another client's log, to the client and to staff outside their districts; hosts are refused", async () => {
    expect((await get(`/clients/${otherClientId}/access-log`, f.headers.client)).statusCode).toBe(404);
    expect((await get(`/clients/${otherClientId}/access-log`, f.headers.consultant)).statusCode).toBe(404);
    expect((await get(`/clients/${otherClientId}/access-log?accessReason=dataRequest`, f.headers.admin)).statusCode).toBe(200);
    expect((await get(`/clients/${clientId}/access-log`, f.headers.host)).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/clients/${clientId}/access-log` })).statusCode).toBe(401);
  });
});
