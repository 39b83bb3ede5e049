import { buildClient } from "@server/testing/factories.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
let consultant: { authorization: string };
let admin: { authorization: string };

async function clientIdIn(district: string): Promise<string> {
  const row = await t.db.kysely.selectFrom("clients").select("id").where("district", "=", district).limit(1).executeTakeFirstOrThrow();
  return row.id;
}

async function countRows(table: "clients" | "audit_events"): Promise<number> {
  const row = await t.db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestApp();
  consultant = await bearerFor(t.app, "consulent@demo.local");
  admin = await bearerFor(t.app, "admin@demo.local");
});
afterAll(() => t.close());

describe("GET /clients", () => {
  it("rejects the unauthenticated with 401 problem+json", async () => {
    const response = await t.app.inject({ url: "/api/v1/clients" });
    expect(response.statusCode).toBe(401);
    expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 401, code: "unauthenticated" });
  });

  it("lists only the consultant's own district", async () => {
    const response = await t.app.inject({ url: "/api/v1/clients?pageSize=200", headers: consultant });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const charlois = await t.db.kysely
      .selectFrom("clients")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("district", "=", "Charlois")
      .executeTakeFirstOrThrow();
    expect(body.total).toBe(Number(charlois.n));
    expect(body.items.length).toBeGreaterThan(0);
    expect(new Set(body.items.map((c: { district: string }) => c.district))).toEqual(new Set(["Charlois"]));
    expect(body.items[0]).not.toHaveProperty("bsn");
  });

  it("hides another district's record: an Overschie client answers 404", async () => {
    const response = await t.app.inject({ url: `/api/v1/clients/${await clientIdIn("Overschie")}`, headers: consultant });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe("notFound");
  });

  it("finds a client by name and by postcode", async () => {
    const row = await t.db.kysely.selectFrom("clients").selectAll().where("district", "=", "Charlois").limit(1).executeTakeFirstOrThrow();
    for (const q of [row.family_name.toUpperCase(), row.postcode, row.postcode.replace(" ", "").toLowerCase()]) {
      const response = await t.app.inject({ url: `/api/v1/clients?q=${encodeURIComponent(q)}&pageSize=200`, headers: consultant });
      expect(response.statusCode, q).toBe(200);
      expect(
        response.json().items.map((c: { id: string }) => c.id),
        q,
      ).toContain(row.id);
    }
  });

  it("refuses a search text that may hold a BSN, naming q, and writes nothing", async () => {
    const row = await t.db.kysely.selectFrom("clients").selectAll().where("district", "=", "Charlois").limit(1).executeTakeFirstOrThrow();
    const auditBefore = await countRows("audit_events");
    for (const q of [row.bsn, `${row.bsn.slice(0, 3)} ${row.bsn.slice(3, 6)} ${row.bsn.slice(6)}`, row.bsn.slice(1)]) {
      const response = await t.app.inject({ url: `/api/v1/clients?q=${encodeURIComponent(q)}`, headers: consultant });
      expect(response.statusCode, q).toBe(400);
      expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(response.json().invalidParams).toEqual([
        { name: "q", code: "bsnInUrl", reason: expect.stringContaining("POST /api/v1/clients/_search") },
      ]);
    }
    expect(await countRows("audit_events")).toBe(auditBefore);
  });
  it("pages without overlap and sorts by family name both ways", async () => {
    const first = (await t.app.inject({ url: "/api/v1/clients?page=1&pageSize=5", headers: consultant })).json();
    const second = (await t.app.inject({ url: "/api/v1/clients?page=2&pageSize=5", headers: consultant })).json();
    expect(first.items).toHaveLength(5);
    const ids = new Set(first.items.map((c: { id: string }) => c.id));
    expect(second.items.some((c: { id: string }) => ids.has(c.id))).toBe(false);
    const names = first.items.map((c: { familyName: string }) => c.familyName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }) || 0));
    const desc = (await t.app.inject({ url: "/api/v1/clients?sort=-familyName&pageSize=1", headers: consultant })).json();
    const asc = (await t.app.inject({ url: "/api/v1/clients?sort=familyName&pageSize=1", headers: consultant })).json();
    expect(desc.items[0].familyName >= asc.items[0].familyName).toBe(true);
  });

  it("rejects a bad query parameter naming it", async () => {
    const response = await t.app.inject({ url: "/api/v1/clients?pageSize=5000&sort=shoeSize", headers: consultant });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(["pageSize", "sort"]);
  });
});

describe("POST /clients/_search", () => {
  const search = (payload: object, headers = consultant) =>
    t.app.inject({ method: "POST", url: "/api/v1/clients/_search", headers, payload });

  it("finds a client in scope by BSN, however it is written, and audits the search without its text", async () => {
    const row = await t.db.kysely.selectFrom("clients").selectAll().where("district", "=", "Charlois").limit(1).executeTakeFirstOrThrow();
    for (const q of [row.bsn, `${row.bsn.slice(0, 4)}.${row.bsn.slice(4, 6)}.${row.bsn.slice(6)}`]) {
      const response = await search({ q });
      expect(response.statusCode, q).toBe(200);
      expect(response.json()).toMatchObject({ total: 1, page: 1, pageSize: 25, items: [{ id: row.id }] });
      expect(response.body).not.toContain(row.bsn);
    }
    const audit = (await t.app.inject({ url: "/api/v1/audit-events?action=client.list&pageSize=1", headers: admin })).json();
    expect(audit.items[0].details).toMatchObject({ searchKind: "bsn", returned: 1 });
    expect(JSON.stringify(audit.items[0])).not.toContain(row.bsn);
  });

  it("finds no client out of scope by BSN", async () => {
    const other = await t.db.kysely
      .selectFrom("clients")
      .selectAll()
      .where("district", "=", "Overschie")
      .limit(1)
      .executeTakeFirstOrThrow();
    const response = await search({ q: other.bsn });
    expect(response.json()).toMatchObject({ total: 0, items: [] });
  });

  it("answers as GET /clients does for the same filters and page", async () => {
    const filters = { longTermCohort: true, minYearsOnBenefit: 6, sort: "-benefitStartDate", page: 2, pageSize: 5 } as const;
    const posted = await search(filters);
    const got = await t.app.inject({
      url: "/api/v1/clients?longTermCohort=true&minYearsOnBenefit=6&sort=-benefitStartDate&page=2&pageSize=5",
      headers: consultant,
    });
    expect(posted.statusCode).toBe(200);
    expect(posted.json().items.length).toBeGreaterThan(0);
    expect(posted.json()).toEqual(got.json());
  });

  it("rejects bad filters naming them, and the roles without a caseload", async () => {
    const response = await search({ pageSize: 5000, longTermCohort: "yes" });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(["longTermCohort", "pageSize"]);
    expect((await search({}, await bearerFor(t.app, "onderzoeker@demo.local"))).statusCode).toBe(403);
  });
});

describe("POST /clients", () => {
  it("registers a client, derives district and long-term cohort, and audits the write", async () => {
    const body = buildClient({ postcode: "3085ab", benefitStartDate: "2019-01-01" });
    const response = await t.app.inject({ method: "POST", url: "/api/v1/clients", headers: consultant, payload: body });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ postcode: "3085 AB", district: "Charlois", longTermCohort: true, warnings: [] });
    const audit = await t.app.inject({ url: `/api/v1/audit-events?clientId=${created.id}`, headers: admin });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain("client.create");
  });

  it("answers 400 naming each invalid field and stores nothing", async () => {
    const [clientsBefore, auditBefore] = [await countRows("clients"), await countRows("audit_events")];
    const { familyName: _omitted, ...withoutFamilyName } = buildClient({ bsn: "123456781", postcode: "30845 AB" });
    const response = await t.app.inject({ method: "POST", url: "/api/v1/clients", headers: consultant, payload: withoutFamilyName });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
    const problem = response.json();
    expect(problem).toMatchObject({ status: 400, title: expect.any(String), detail: expect.any(String) });
    const byName = Object.fromEntries(problem.invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]));
    expect(byName).toEqual({ bsn: "invalidBsn", postcode: "invalidPostcode", familyName: "required" });
    expect(await countRows("clients")).toBe(clientsBefore);
    expect(await countRows("audit_events")).toBe(auditBefore);
  });

  it("never echoes the BSN in an error", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: consultant,
      payload: buildClient({ bsn: "123456781" }),
    });
    expect(response.body).not.toContain("123456781");
  });

  it("answers 409 duplicateBsn naming the field, and stores nothing", async () => {
    const body = buildClient();
    expect((await t.app.inject({ method: "POST", url: "/api/v1/clients", headers: consultant, payload: body })).statusCode).toBe(201);
    const before = await countRows("clients");
    const again = await t.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: consultant,
      payload: { ...body, givenName: "Ander" },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "duplicateBsn", invalidParams: [{ name: "bsn" }] });
    expect(await countRows("clients")).toBe(before);
  });

  it("refuses a benefit that starts before birth", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: consultant,
      payload: buildClient({ birthDate: "1990-01-01", benefitStartDate: "1989-01-01" }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams[0].name).toBe("benefitStartDate");
  });

  it("keeps an address outside the district table with district null and a warning, visible to its consultant", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: consultant,
      payload: buildClient({ postcode: "1011 AB" }),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ district: null, warnings: ["districtUnknown"] });
    const read = await t.app.inject({ url: `/api/v1/clients/${response.json().id}`, headers: consultant });
    expect(read.statusCode).toBe(200);
  });
});

describe("a BSN another client holds", () => {
  const register = (payload: object, headers = consultant) => t.app.inject({ method: "POST", url: "/api/v1/clients", headers, payload });
  /** A client of another district, not assigned to the consultant (so out of their scope). */
  const bsnIn = async (district: string) => {
    const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
    return t.db.kysely
      .selectFrom("clients")
      .select(["id", "bsn"])
      .where("district", "=", district)
      .where((eb) => eb.or([eb("consultant_id", "is", null), eb("consultant_id", "!=", me.id)]))
      .limit(1)
      .executeTakeFirstOrThrow();
  };
  const attempts = (holderId: string) =>
    t.db.kysely
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "client.duplicateBsnAttempt")
      .where("client_id", "=", holderId)
      .execute();
  /** The answer as the caller reads it, but for the request id that every answer has of its own. */
  const withoutRequestId = (body: string) => body.replace(/"requestId":"[^"]+"/, '"requestId":""');

  it("out of the caller's scope: a neutral 409, nothing stored, and the attempt in the audit log", async () => {
    const holder = await bsnIn("Overschie");
    const before = await countRows("clients");
    const response = await register(buildClient({ bsn: holder.bsn }));
    expect(response.statusCode).toBe(409);
    expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: "bsnNeedsReview", invalidParams: [{ name: "bsn", code: "bsnNeedsReview" }] });
    expect(response.body).not.toContain(holder.id);
    expect(response.body).not.toContain("Overschie");
    expect(await countRows("clients")).toBe(before);
    const [attempt, ...more] = await attempts(holder.id);
    expect(more).toEqual([]);
    expect(attempt).toMatchObject({ actor_email: "consulent@demo.local", category: "write", subject_id: holder.id });
    expect(JSON.parse(attempt?.details ?? "null")).toEqual({ operation: "create" });
    // The audit log is the administrator's: the consultant cannot read it.
    expect((await t.app.inject({ url: `/api/v1/audit-events?clientId=${holder.id}`, headers: consultant })).statusCode).toBe(403);
  });

  it("answers byte for byte the same whichever district, or none, the holder is in", async () => {
    const unplaced = (await register(buildClient({ postcode: "1011 AB" }), admin)).json();
    const holders = [await bsnIn("Overschie"), await bsnIn("Delfshaven"), { id: unplaced.id, bsn: unplaced.bsn }];
    const bodies = new Set<string>();
    for (const holder of holders) bodies.add(withoutRequestId((await register(buildClient({ bsn: holder.bsn }))).body));
    expect(bodies.size).toBe(1);
    const ownId = await clientIdIn("Charlois");
    const patched = new Set<string>();
    for (const holder of holders) {
      const response = await t.app.inject({
        method: "PATCH",
        url: `/api/v1/clients/${ownId}`,
        headers: consultant,
        payload: { bsn: holder.bsn },
      });
      patched.add(withoutRequestId(response.body));
    }
    expect(patched.size).toBe(1);
    expect(JSON.parse([...patched][0] ?? "{}").code).toBe("bsnNeedsReview");
  });

  it("in the caller's scope: 409 duplicateBsn, for a team lead over the holder's district too, and no attempt recorded", async () => {
    const holder = await bsnIn("Overschie");
    const lead = await bearerFor(t.app, "teamleider@demo.local");
    const before = (await attempts(holder.id)).length;
    const response = await register(buildClient({ bsn: holder.bsn }), lead);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: "duplicateBsn", invalidParams: [{ name: "bsn", code: "duplicateBsn" }] });
    expect(await attempts(holder.id)).toHaveLength(before);
  });

  it("PATCH: refuses a BSN held in scope or out of it the same way, leaves the record as it was, and records the attempt", async () => {
    const ownId = await clientIdIn("Charlois");
    const own = await t.db.kysely.selectFrom("clients").selectAll().where("id", "=", ownId).executeTakeFirstOrThrow();
    const neighbour = await t.db.kysely
      .selectFrom("clients")
      .select("bsn")
      .where("district", "=", "Charlois")
      .where("id", "!=", ownId)
      .limit(1)
      .executeTakeFirstOrThrow();
    const patch = (bsn: string) =>
      t.app.inject({ method: "PATCH", url: `/api/v1/clients/${ownId}`, headers: consultant, payload: { bsn } });
    expect((await patch(neighbour.bsn)).json()).toMatchObject({ status: 409, code: "duplicateBsn" });
    const holder = await bsnIn("Overschie");
    const before = (await attempts(holder.id)).length;
    expect((await patch(holder.bsn)).json()).toMatchObject({ status: 409, code: "bsnNeedsReview" });
    const recorded = await attempts(holder.id);
    expect(recorded).toHaveLength(before + 1);
    expect(JSON.parse(recorded.at(-1)?.details ?? "null")).toEqual({ operation: "update", updatedClientId: ownId });
    const after = await t.db.kysely.selectFrom("clients").selectAll().where("id", "=", ownId).executeTakeFirstOrThrow();
    expect(after).toEqual(own);
    // The client's own BSN is no conflict.
    expect((await patch(own.bsn)).statusCode).toBe(200);
  });

  it("holds under 20 registrations of one BSN at once from two districts: one client, every other answer a 409 by scope", async () => {
    const second = await bearerFor(t.app, "consulent2@demo.local");
    const bsn = buildClient().bsn;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0 ? register(buildClient({ bsn, postcode: "3084 AB" })) : register(buildClient({ bsn, postcode: "3042 AB" }), second),
      ),
    );
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const winner = responses.findIndex((r) => r.statusCode === 201);
    responses.forEach((response, i) => {
      if (i === winner) return;
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json().code, response.body).toBe(i % 2 === winner % 2 ? "duplicateBsn" : "bsnNeedsReview");
    });
    const holder = await t.db.kysely.selectFrom("clients").select("id").where("bsn", "=", bsn).execute();
    expect(holder).toHaveLength(1);
    const neutral = responses.filter((r) => r.statusCode === 409 && r.json().code === "bsnNeedsReview").length;
    expect(await attempts(holder[0]?.id ?? "")).toHaveLength(neutral);
  });
});

describe("GET and PATCH /clients/{id}", () => {
  it("reads a client in scope and records a sensitive read", async () => {
    const id = await clientIdIn("Charlois");
    const response = await t.app.inject({ url: `/api/v1/clients/${id}`, headers: consultant });
    expect(response.statusCode).toBe(200);
    expect(response.json().bsn).toMatch(/^\d{9}$/);
    const audit = (await t.app.inject({ url: `/api/v1/audit-events?clientId=${id}&category=read:sensitive`, headers: admin })).json();
    expect(audit.items[0]).toMatchObject({ action: "client.read", clientId: id, actorEmail: "consulent@demo.local" });
  });

  it("refuses an admin's read without a reason, naming accessReason and recording nothing; with one, records it", async () => {
    const id = await clientIdIn("Charlois");
    const reads = () =>
      t.db.kysely.selectFrom("audit_events").select(["details"]).where("action", "=", "client.read").where("client_id", "=", id).execute();
    const before = (await reads()).length;
    const refused = await t.app.inject({ url: `/api/v1/clients/${id}`, headers: admin });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.json().invalidParams).toEqual([expect.objectContaining({ name: "accessReason", code: "required" })]);
    const unknown = await t.app.inject({ url: `/api/v1/clients/${id}?accessReason=curiosity`, headers: admin });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().invalidParams[0].name).toBe("accessReason");
    expect((await reads()).length).toBe(before);
    const read = await t.app.inject({ url: `/api/v1/clients/${id}?accessReason=complaintOrObjection`, headers: admin });
    expect(read.statusCode).toBe(200);
    const after = await reads();
    expect(after.length).toBe(before + 1);
    expect(after.map((row) => row.details)).toContain(JSON.stringify({ accessReason: "complaintOrObjection" }));
    // A consultant reads in scope without giving a reason.
    expect((await t.app.inject({ url: `/api/v1/clients/${id}`, headers: consultant })).statusCode).toBe(200);
  });

  it("asks an admin's reason for every part of a client's record too, and writes it into that part's audit entry", async () => {
    const id = await clientIdIn("Charlois");
    const checkInReads = () =>
      t.db.kysely.selectFrom("audit_events").select(["details"]).where("action", "=", "checkIn.read").where("client_id", "=", id).execute();
    const before = (await checkInReads()).length;
    for (const part of ["check-ins", "sanctions", "letters", "plans", "data-export"]) {
      const refused = await t.app.inject({ url: `/api/v1/clients/${id}/${part}`, headers: admin });
      expect(refused.statusCode, part).toBe(400);
      expect(refused.json().invalidParams, part).toEqual([expect.objectContaining({ name: "accessReason", code: "required" })]);
    }
    expect((await checkInReads()).length).toBe(before);
    const read = await t.app.inject({ url: `/api/v1/clients/${id}/check-ins?accessReason=correction`, headers: admin });
    expect(read.statusCode).toBe(200);
    const after = await checkInReads();
    expect(after.length).toBe(before + 1);
    expect(after.map((row) => row.details)).toContain(JSON.stringify({ accessReason: "correction" }));
    // A consultant's reason, were one sent, is not theirs to give: nothing of it is recorded.
    await t.app.inject({ url: `/api/v1/clients/${id}/check-ins?accessReason=correction`, headers: consultant });
    const consultants = await checkInReads();
    expect(consultants.length).toBe(before + 2);
    expect(consultants.filter((row) => row.details?.includes("accessReason"))).toHaveLength(1);
  });

  it("changes fields, re-derives the district, and audits which fields changed without their values", async () => {
    const id = await clientIdIn("Charlois");
    const response = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/clients/${id}`,
      headers: consultant,
      payload: { phone: "0612345678", postcode: "3086 XY" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ phone: "0612345678", postcode: "3086 XY", district: "Charlois" });
    const audit = (await t.app.inject({ url: `/api/v1/audit-events?clientId=${id}&action=client.update`, headers: admin })).json();
    expect(audit.items[0].details).toEqual({ fields: ["phone", "postcode"] });
    expect(JSON.stringify(audit.items[0])).not.toContain("0612345678");
  });

  it("rejects an invalid change with 400 and leaves the record as it was", async () => {
    const id = await clientIdIn("Charlois");
    const before = (await t.app.inject({ url: `/api/v1/clients/${id}`, headers: consultant })).json();
    const response = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/clients/${id}`,
      headers: consultant,
      payload: { postcode: "nope", givenName: "Nieuw" },
    });
    expect(response.statusCode).toBe(400);
    const after = (await t.app.inject({ url: `/api/v1/clients/${id}`, headers: consultant })).json();
    expect(after.givenName).toBe(before.givenName);
    expect(after.updatedAt).toBe(before.updatedAt);
  });

  it("answers 404 when patching another district's client", async () => {
    const response = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/clients/${await clientIdIn("Overschie")}`,
      headers: consultant,
      payload: { phone: "0611111111" },
    });
    expect(response.statusCode).toBe(404);
  });

  it("answers 400 for an id that is not a UUID", async () => {
    const response = await t.app.inject({ url: "/api/v1/clients/42", headers: consultant });
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams[0].name).toBe("id");
  });
});

describe("roles without client access", () => {
  it("gives a host user 404 for any client, even one in their organisation's district", async () => {
    const host = await bearerFor(t.app, "organisatie@demo.local");
    expect((await t.app.inject({ url: `/api/v1/clients/${await clientIdIn("Charlois")}`, headers: host })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/api/v1/clients", headers: host })).statusCode).toBe(403);
  });

  it("gives a researcher 403 for client records and lists", async () => {
    const researcher = await bearerFor(t.app, "onderzoeker@demo.local");
    expect((await t.app.inject({ url: `/api/v1/clients/${await clientIdIn("Charlois")}`, headers: researcher })).statusCode).toBe(403);
    expect((await t.app.inject({ url: "/api/v1/clients", headers: researcher })).statusCode).toBe(403);
  });

  it("lets a client user read only their own record", async () => {
    const client = await bearerFor(t.app, "klant@demo.local");
    const me = (await t.app.inject({ url: "/api/v1/me", headers: client })).json();
    expect((await t.app.inject({ url: `/api/v1/clients/${me.clientId}`, headers: client })).statusCode).toBe(200);
    const other = await t.db.kysely.selectFrom("clients").select("id").where("id", "!=", me.clientId).limit(1).executeTakeFirstOrThrow();
    expect((await t.app.inject({ url: `/api/v1/clients/${other.id}`, headers: client })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: "PATCH", url: `/api/v1/clients/${me.clientId}`, headers: client, payload: { phone: "0600000000" } }))
        .statusCode,
    ).toBe(403);
  });
});

describe("the record's abilities", () => {
  it("open the decisions exactly when GET /clients/{id}/decisions answers", async () => {
    const client = await bearerFor(t.app, "klant@demo.local");
    const own = (await t.app.inject({ url: "/api/v1/me", headers: client })).json().clientId as string;
    const lead = await bearerFor(t.app, "teamleider@demo.local");
    for (const headers of [consultant, lead, admin, client]) {
      const id = headers === client ? own : await clientIdIn("Charlois");
      const reason = headers === admin ? "?accessReason=supportRequest" : "";
      const record = (await t.app.inject({ url: `/api/v1/clients/${id}${reason}`, headers })).json();
      const decisions = await t.app.inject({ url: `/api/v1/clients/${id}/decisions${reason}`, headers });
      expect(typeof record.abilities.viewDecisions).toBe("boolean");
      expect(record.abilities.viewDecisions, headers.authorization).toBe(decisions.statusCode === 200);
      if (!record.abilities.viewDecisions) expect(decisions.statusCode).toBe(403);
    }
  });
});
