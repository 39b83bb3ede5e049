import { expectDefined } from "@server/testing/expect-defined.js";
import { buildClient, uniqueBsn } from "@server/testing/factories.js";
import { multipartFile } from "@server/testing/multipart.js";
import { startedPlacement } from "@server/testing/placements.js";
import { applicationTables, countRows } from "@server/testing/row-counts.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays, addMonths, numericDutchDate, todayInAmsterdam } from "@shared/dates.js";
import { type ImportReport, REGISTRY_COLUMNS } from "@shared/schemas/registry.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { headerLine } from "./registry-csv.js";

let t: TestApp;
let consultant: Headers;
let consultant2: Headers;
let admin: Headers;
let host: Headers;
let hostOrgId: string;
let consultantId: string;
let spareClients: string[];
const today = todayInAmsterdam();
type Headers = { authorization: string };

const post = (url: string, headers: Headers, payload: object = {}) =>
  t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload });
const get = (url: string, headers: Headers) => t.app.inject({ url: `/api/v1${url}`, headers });
const takeClient = () => expectDefined(spareClients.shift(), "a spare client");

/** A registry file of these data rows under the right header. */
function registryFile(rows: string[][], header = headerLine()): Buffer {
  return Buffer.from(header + rows.map((cells) => `${cells.join(";")}\r\n`).join(""), "utf8");
}

/** A valid row of the registry format for a new person in Charlois; override cells by header. */
function row(overrides: Partial<Record<(typeof REGISTRY_COLUMNS)[number]["header"], string>> = {}): string[] {
  const cells: Record<string, string> = {
    BSN: uniqueBsn(),
    Voornamen: "Fatima",
    Achternaam: "El Idrissi",
    Geboortedatum: "12-04-1978",
    Straat: "Wolphaertsbocht",
    Huisnummer: "12",
    Huisnummertoevoeging: "",
    Postcode: "3084 AB",
    Woonplaats: "Rotterdam",
    Leefsituatie: "alleenstaand",
    Huishoudnummer: "",
    Telefoonnummer: "0612345678",
    "E-mailadres": "",
    "Ingangsdatum uitkering": "01-03-2015",
    "Einddatum uitkering": "",
    "Reden einde uitkering": "",
    ...overrides,
  };
  return REGISTRY_COLUMNS.map((c) => cells[c.header] ?? "");
}

async function upload(content: Buffer, headers: Headers = admin) {
  const { payload, headers: form } = multipartFile("file", "register.csv", "text/csv", content);
  return t.app.inject({ method: "POST", url: "/api/v1/client-imports", headers: { ...headers, ...form }, payload });
}

async function imported(content: Buffer): Promise<ImportReport> {
  const response = await upload(content);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ImportReport;
}

async function tableCounts() {
  return countRows(t.db.kysely, await applicationTables(t.db));
}

beforeAll(async () => {
  // Hosts answer referrals right after they are made: no hold for undoing.
  t = await createTestApp({ clients: 300, env: { NV_UNDO_HOLD_MINUTES: "0" } });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  consultant2 = await bearerFor(t.app, "consulent2@demo.local");
  admin = await bearerFor(t.app, "admin@demo.local");
  host = await bearerFor(t.app, "organisatie@demo.local");
  hostOrgId = (await get("/me", host)).json().organisationId;
  consultantId = (await get("/me", consultant)).json().id;
  const free = await t.db.kysely
    .selectFrom("clients")
    .select("id")
    .where("consultant_id", "=", consultantId)
    .where("id", "not in", t.db.kysely.selectFrom("placements").select("client_id"))
    .orderBy("family_name")
    .execute();
  spareClients = free.map((r) => r.id);
  await t.db.kysely
    .updateTable("clients")
    .set({ capacity_hours_per_week: 12, guidance_need: "regular" })
    .where("id", "in", spareClients)
    .execute();
});
afterAll(() => t.close());

describe("the age range of the registry", () => {
  it("refuses to register someone under 18, naming birthDate", async () => {
    const response = await post("/clients", consultant, buildClient({ birthDate: addDays(addMonths(today, -18 * 12), 1) }));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: "underMinimumAge", invalidParams: [{ name: "birthDate", code: "underMinimumAge" }] });
  });

  it("refuses someone at the state pension age by the municipality's table, and registers the day before", async () => {
    // Born in 1959: the table says 67 years.
    const refused = await post(
      "/clients",
      consultant,
      buildClient({ birthDate: addMonths(today, -67 * 12), benefitStartDate: "2000-01-01" }),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "statePensionAge", invalidParams: [{ name: "birthDate", code: "statePensionAge" }] });
    const birthDate = addDays(addMonths(today, -67 * 12), 1);
    const created = await post("/clients", consultant, buildClient({ birthDate, benefitStartDate: "2000-01-01" }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().statePensionDate).toBe(addMonths(birthDate, 67 * 12));
  });

  it("lets only the admin change the table, which must have no gap, and applies the new table at once", async () => {
    const current = (await get("/state-pension-ages", consultant)).json();
    expect(current.abilities.update).toBe(false);
    expect(current.items.at(-1)).toMatchObject({ bornFrom: "1961-01-01", bornUntil: null, years: 67, months: 3 });
    expect(
      (await t.app.inject({ method: "PUT", url: "/api/v1/state-pension-ages", headers: consultant, payload: current })).statusCode,
    ).toBe(403);

    const gap = {
      items: [
        { bornFrom: null, bornUntil: "1960-12-31", years: 67, months: 0 },
        { bornFrom: "1961-01-02", bornUntil: null, years: 67, months: 3 },
      ],
    };
    const refused = await t.app.inject({ method: "PUT", url: "/api/v1/state-pension-ages", headers: admin, payload: gap });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams).toContainEqual(expect.objectContaining({ name: "items.1", code: "notContiguous" }));

    // Everyone at 60: a client of 62 is at the state pension age and leaves the cohort; the old table comes back after.
    const low = { items: [{ bornFrom: null, bornUntil: null, years: 60, months: 0 }] };
    expect((await t.app.inject({ method: "PUT", url: "/api/v1/state-pension-ages", headers: admin, payload: low })).statusCode).toBe(200);
    const cohort = await post("/clients/_search", consultant, { longTermCohort: true, pageSize: 200 });
    const births = cohort.json().items.map((c: { birthDate: string }) => c.birthDate);
    expect(births.every((b: string) => b > addMonths(today, -60 * 12))).toBe(true);
    const restored = await t.app.inject({
      method: "PUT",
      url: "/api/v1/state-pension-ages",
      headers: admin,
      payload: { items: current.items },
    });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().items).toEqual(current.items);
  });

  it("leaves a client at the state pension age out of the cohort and refuses to invite them", async () => {
    const clientId = takeClient();
    await t.db.kysely
      .updateTable("clients")
      .set({ birth_date: addMonths(today, -67 * 12) })
      .where("id", "=", clientId)
      .execute();
    const cohort = await post("/clients/_search", consultant, { longTermCohort: true, pageSize: 200 });
    expect(cohort.json().items.map((c: { id: string }) => c.id)).not.toContain(clientId);
    const invited = await post("/invitations", consultant, { clientIds: [clientId] });
    expect(invited.statusCode).toBe(409);
    expect(invited.json()).toMatchObject({ code: "statePensionAge", invalidParams: [{ name: "clientIds[0]" }] });
    expect((await get(`/clients/${clientId}`, consultant)).json().longTermCohort).toBe(false);
  });
});

describe("the end of a benefit", () => {
  it("ends open placements and plan steps with a letter, keeps the file, leaves the cohort and refuses a second end", async () => {
    const clientId = takeClient();
    const placementId = await startedPlacement(
      t.app,
      { consultant, host },
      {
        organisationId: hostOrgId,
        clientId,
        title: "Tuinonderhoud buurttuin",
        hoursPerWeek: 4,
        guidanceLevel: "regular",
        startDate: addDays(today, -20),
        endDate: addDays(today, 150),
      },
    );
    const step = await post(`/clients/${clientId}/plan-steps`, consultant, {
      type: "careReferral",
      title: "Gesprek met de wijkteam",
      hoursPerWeek: 0,
      startDate: today,
    });
    expect(step.statusCode, step.body).toBe(201);
    const before = (await get(`/clients/${clientId}`, consultant)).json();
    expect(before.abilities.endBenefit).toBe(true);

    const ended = await post(`/clients/${clientId}/benefit-end`, consultant, { benefitEndDate: today, reason: "work" });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({
      benefitEndDate: today,
      benefitEndReason: "work",
      longTermCohort: false,
      abilities: { endBenefit: false },
    });
    const placement = (await get(`/placements/${placementId}`, consultant)).json();
    expect(placement).toMatchObject({ status: "ended", endReason: "movedToPaidWork", attributableTo: "none" });
    const steps = await t.db.kysely.selectFrom("plan_steps").select(["status", "stop_reason"]).where("client_id", "=", clientId).execute();
    expect(steps).toEqual([{ status: "stopped", stop_reason: "benefitEnded" }]);
    const letters = await t.db.kysely
      .selectFrom("letters")
      .select(["kind", "subject"])
      .where("client_id", "=", clientId)
      .where("kind", "=", "benefitEnded")
      .execute();
    expect(letters).toEqual([{ kind: "benefitEnded", subject: "Uw tegenprestatie stopt" }]);

    const invited = await post("/invitations", consultant, { clientIds: [clientId] });
    expect(invited.json().code).toBe("benefitEnded");
    const again = await post(`/clients/${clientId}/benefit-end`, consultant, { benefitEndDate: today, reason: "work" });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("benefitAlreadyEnded");
  });

  it("sends no letter after a death, and refuses an end in the future or before the benefit started", async () => {
    const clientId = takeClient();
    await post(`/clients/${clientId}/plan-steps`, consultant, {
      type: "careReferral",
      title: "Schuldhulp",
      hoursPerWeek: 0,
      startDate: today,
    });
    const future = await post(`/clients/${clientId}/benefit-end`, consultant, { benefitEndDate: addDays(today, 1), reason: "deceased" });
    expect(future.json().invalidParams).toEqual([expect.objectContaining({ name: "benefitEndDate", code: "dateInFuture" })]);
    const early = await post(`/clients/${clientId}/benefit-end`, consultant, { benefitEndDate: "1990-01-01", reason: "deceased" });
    expect(early.json().invalidParams).toEqual([expect.objectContaining({ name: "benefitEndDate", code: "beforeBenefitStart" })]);
    const ended = await post(`/clients/${clientId}/benefit-end`, consultant, { benefitEndDate: today, reason: "deceased" });
    expect(ended.statusCode).toBe(200);
    const letters = await t.db.kysely
      .selectFrom("letters")
      .select("id")
      .where("client_id", "=", clientId)
      .where("kind", "=", "benefitEnded")
      .execute();
    expect(letters).toEqual([]);
  });

  it("ends a benefit once under parallel requests: one letter, one audit event", async () => {
    const clientId = takeClient();
    await post(`/clients/${clientId}/plan-steps`, consultant, {
      type: "careReferral",
      title: "Schuldhulp",
      hoursPerWeek: 0,
      startDate: today,
    });
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        post(`/clients/${clientId}/benefit-end`, consultant, { benefitEndDate: today, reason: "otherIncome" }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const letters = await t.db.kysely
      .selectFrom("letters")
      .select("id")
      .where("client_id", "=", clientId)
      .where("kind", "=", "benefitEnded")
      .execute();
    expect(letters).toHaveLength(1);
  });
});

describe("partners in one household", () => {
  it("are in the demo population: two partners a household, at one address, each on the other's record", async () => {
    const members = await t.db.kysely
      .selectFrom("clients")
      .select(["id", "household_id", "postcode", "house_number", "district"])
      .where("household_id", "is not", null)
      .where("household_id", "like", "HH-0%")
      .orderBy("household_id")
      .execute();
    expect(members.length).toBeGreaterThan(10);
    const byHousehold = new Map<string | null, typeof members>();
    for (const m of members) byHousehold.set(m.household_id, [...(byHousehold.get(m.household_id) ?? []), m]);
    for (const pair of byHousehold.values()) {
      expect(pair).toHaveLength(2);
      expect(new Set(pair.map((m) => `${m.postcode} ${m.house_number} ${m.district}`)).size).toBe(1);
    }
    const charlois = expectDefined(
      [...byHousehold.values()].find((pair) => pair[0]?.district === "Charlois"),
      "a household in Charlois",
    );
    const [first, second] = charlois.map((m) => m.id);
    const record = (await get(`/clients/${first}`, consultant)).json();
    expect(record.householdPartners.map((p: { id: string }) => p.id)).toEqual([second]);
  });

  it("shows the consultant the partners in scope, and never one outside it", async () => {
    const [a, b] = [takeClient(), takeClient()];
    const other = await t.db.kysely
      .selectFrom("clients")
      .select("id")
      .where("district", "=", "Overschie")
      .limit(1)
      .executeTakeFirstOrThrow();
    await t.db.kysely.updateTable("clients").set({ household_id: "HH-4711" }).where("id", "in", [a, b, other.id]).execute();
    const record = (await get(`/clients/${a}`, consultant)).json();
    expect(record.householdId).toBe("HH-4711");
    expect(record.householdPartners.map((p: { id: string }) => p.id)).toEqual([b]);
    const asAdmin = (await get(`/clients/${a}?accessReason=dataRequest`, admin)).json();
    expect(asAdmin.householdPartners.map((p: { id: string }) => p.id).sort()).toEqual([b, other.id].sort());
  });
});

describe("import from the benefits administration", () => {
  it("refuses a file with a wrong header and writes nothing", async () => {
    const before = await tableCounts();
    const header = headerLine().replace("Geboortedatum", "Geb.datum");
    const response = await upload(registryFile([row()], header));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "importHeaderWrong", invalidParams: [{ name: "header[3]", code: "headerWrong" }] });
    expect(await tableCounts()).toEqual(before);
  });

  it("is for the admin only", async () => {
    expect((await upload(registryFile([row()]), consultant)).statusCode).toBe(403);
  });

  it("creates, refuses with the field and reason, and a second run changes nothing and says so", async () => {
    const young = row({ Geboortedatum: numericDutchDate(addDays(addMonths(today, -18 * 12), 1)) });
    const badPostcode = row({ Postcode: "ABCD 12" });
    const good = row();
    const twice = row();
    const file = registryFile([good, young, badPostcode, twice, [...twice]]);
    const first = await imported(file);
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0, refused: 3, encoding: "utf-8" });
    expect(first.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, "created"],
      [3, "refused"],
      [4, "refused"],
      [5, "created"],
      [6, "refused"],
    ]);
    expect(first.rows[1]?.refusals).toEqual([
      expect.objectContaining({ column: "Geboortedatum", field: "birthDate", code: "underMinimumAge" }),
    ]);
    expect(first.rows[2]?.refusals).toEqual([expect.objectContaining({ column: "Postcode", field: "postcode", code: "malformed" })]);
    expect(first.rows[4]?.refusals).toEqual([expect.objectContaining({ column: "BSN", code: "duplicateBsn" })]);
    const created = await t.db.kysely
      .selectFrom("clients")
      .selectAll()
      .where("bsn", "=", expectDefined(good[0], "bsn"))
      .executeTakeFirstOrThrow();
    expect(created).toMatchObject({ given_name: "Fatima", district: "Charlois", birth_date: "1978-04-12", household_situation: "single" });

    const before = await tableCounts();
    const second = await imported(file);
    expect(second).toMatchObject({ importId: null, created: 0, updated: 0, unchanged: 2, refused: 3 });
    expect(await tableCounts()).toEqual({ ...before, audit_events: (before.audit_events ?? 0) + 1 });
  });

  it("reads Windows-1252 and updates only the fields that changed", async () => {
    const original = row({ Voornamen: "Jose" });
    await imported(registryFile([original]));
    const changed = [...original];
    changed[1] = "José";
    changed[12] = "jose@voorbeeld.nl";
    const report = await imported(Buffer.from(`${headerLine()}${changed.join(";")}\r\n`, "latin1"));
    expect(report).toMatchObject({ encoding: "windows-1252", updated: 1 });
    expect(report.rows[0]?.fields).toEqual(["givenName", "email"]);
    const stored = await t.db.kysely
      .selectFrom("clients")
      .select(["given_name", "search_name"])
      .where("bsn", "=", expectDefined(original[0], "bsn"))
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ given_name: "José", search_name: "josé el idrissi" });
  });

  it("moves a client to another district's caseload and tells both consultants on their work queues", async () => {
    const clientId = takeClient();
    const client = await t.db.kysely.selectFrom("clients").selectAll().where("id", "=", clientId).executeTakeFirstOrThrow();
    const exported = (await get("/client-exports", admin)).body;
    const line = expectDefined(
      exported.split("\r\n").find((l) => l.startsWith(client.bsn)),
      "the client's line",
    );
    const cells = line.split(";");
    cells[7] = "3042 AB"; // Overschie
    const report = await imported(registryFile([cells]));
    expect(report).toMatchObject({ updated: 1, moved: 1 });
    expect(report.rows[0]?.fields).toEqual(["postcode"]);
    const queue = async (headers: Headers) =>
      (await get("/work-queue?reason=clientMoved&pageSize=200", headers)).json().items.map((i: { clientId: string }) => i.clientId);
    expect(await queue(consultant)).toContain(clientId);
    expect(await queue(consultant2)).toContain(clientId);
    expect((await get(`/clients/${clientId}`, consultant2)).json().district).toBe("Overschie");
  });

  it("ends the open work of a benefit the file ends, with its letter", async () => {
    const clientId = takeClient();
    await post(`/clients/${clientId}/plan-steps`, consultant, {
      type: "careReferral",
      title: "Schuldhulp",
      hoursPerWeek: 0,
      startDate: today,
    });
    const client = await t.db.kysely.selectFrom("clients").select("bsn").where("id", "=", clientId).executeTakeFirstOrThrow();
    const line = expectDefined(
      (await get("/client-exports", admin)).body.split("\r\n").find((l) => l.startsWith(client.bsn)),
      "line",
    );
    const cells = line.split(";");
    cells[14] = numericDutchDate(today);
    cells[15] = "verhuizing";
    expect((await imported(registryFile([cells]))).updated).toBe(1);
    const stored = await t.db.kysely
      .selectFrom("clients")
      .select(["benefit_end_date", "benefit_end_reason"])
      .where("id", "=", clientId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ benefit_end_date: today, benefit_end_reason: "moved" });
    const steps = await t.db.kysely.selectFrom("plan_steps").select("status").where("client_id", "=", clientId).execute();
    expect(steps.map((s) => s.status)).toEqual(["stopped"]);
    const letters = await t.db.kysely
      .selectFrom("letters")
      .select("id")
      .where("client_id", "=", clientId)
      .where("kind", "=", "benefitEnded")
      .execute();
    expect(letters).toHaveLength(1);
  });

  it("round-trips the registry's own export: every row unchanged, nothing written but the audit of the export and the import", async () => {
    const exported = await get("/client-exports", admin);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toMatch(/^text\/csv/);
    const before = await tableCounts();
    const report = await imported(Buffer.from(exported.body, "utf8"));
    expect(report.unchanged).toBe(before.clients);
    expect(report).toMatchObject({ created: 0, updated: 0, refused: 0, moved: 0, importId: null });
    expect(await tableCounts()).toEqual({ ...before, audit_events: (before.audit_events ?? 0) + 1 });
  });

  it("creates each client once when two imports of the same file run at once", async () => {
    const rows = Array.from({ length: 40 }, () => row());
    const file = registryFile(rows);
    const reports = await Promise.all([imported(file), imported(file), imported(file)]);
    expect(reports.map((r) => r.created).sort()).toEqual([0, 0, 40]);
    expect(reports.map((r) => r.unchanged).sort()).toEqual([0, 40, 40]);
    const stored = await t.db.kysely
      .selectFrom("clients")
      .select("bsn")
      .where(
        "bsn",
        "in",
        rows.map((r) => expectDefined(r[0], "bsn")),
      )
      .execute();
    expect(stored).toHaveLength(40);
  });
});
