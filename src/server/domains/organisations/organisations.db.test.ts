import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clients: 40 });
});
afterAll(() => t.close());

const body = { name: "Stadsboerderij De Kooi", kvkNumber: "87654321", postcode: "3071ab", houseNumber: 5, guidanceHoursPerWeek: 6 };

describe("organisations", () => {
  it("rejects the unauthenticated, and hosts, clients and researchers", async () => {
    expect((await t.app.inject({ url: "/api/v1/organisations" })).statusCode).toBe(401);
    for (const email of ["organisatie@demo.local", "klant@demo.local", "onderzoeker@demo.local"]) {
      expect((await t.app.inject({ url: "/api/v1/organisations", headers: await bearerFor(t.app, email) })).statusCode, email).toBe(403);
    }
  });

  it("lets a consultant register one, with district derived from the postcode", async () => {
    const headers = await bearerFor(t.app, "consulent@demo.local");
    const response = await t.app.inject({ method: "POST", url: "/api/v1/organisations", headers, payload: body });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ postcode: "3071 AB", district: "Feijenoord", kvkNumber: "87654321" });
    const found = (await t.app.inject({ url: "/api/v1/organisations?q=kooi", headers })).json();
    expect(found.items.map((o: { name: string }) => o.name)).toEqual(["Stadsboerderij De Kooi"]);
  });

  it("rejects a malformed KvK number and negative guidance hours, naming both", async () => {
    const headers = await bearerFor(t.app, "admin@demo.local");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers,
      payload: { ...body, kvkNumber: "1234", guidanceHoursPerWeek: -1 },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(["guidanceHoursPerWeek", "kvkNumber"]);
  });
});

describe("the host's own partner profile", () => {
  const patch = (id: string, payload: unknown, headers: { authorization: string }) =>
    t.app.inject({ method: "PATCH", url: `/api/v1/organisations/${id}/partner-profile`, headers, payload: payload as object });
  const text = "Hygiënecursus (HACCP) voor iedereen in de keuken.\nTraining omgaan met agressie, twee keer per jaar.";

  it("lets a host edit the training it offers, audited, and shows it to consultants and team leads", async () => {
    const host = await bearerFor(t.app, "organisatie@demo.local");
    const me = (await t.app.inject({ url: "/api/v1/me", headers: host })).json();
    const before = (await t.app.inject({ url: `/api/v1/organisations/${me.organisationId}`, headers: host })).json();
    expect(before.abilities).toEqual({ editPartnerProfile: true });
    const response = await patch(me.organisationId, { trainingOffered: `  ${text}  ` }, host);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: me.organisationId, trainingOffered: text, abilities: { editPartnerProfile: true } });
    for (const email of ["consulent@demo.local", "teamleider@demo.local"]) {
      const seen = (
        await t.app.inject({ url: `/api/v1/organisations/${me.organisationId}`, headers: await bearerFor(t.app, email) })
      ).json();
      expect(seen.trainingOffered, email).toBe(text);
      expect(seen.abilities, email).toEqual({ editPartnerProfile: false });
    }
    const audit = await t.db.kysely
      .selectFrom("audit_events")
      .select(["actor_role", "details"])
      .where("action", "=", "organisation.updatePartnerFields")
      .where("subject_id", "=", me.organisationId)
      .execute();
    expect(audit.map((a) => ({ role: a.actor_role, details: JSON.parse(String(a.details)) }))).toEqual([
      { role: "host", details: { fields: ["trainingOffered"], length: text.length } },
    ]);
    // Empty clears it.
    expect((await patch(me.organisationId, { trainingOffered: "  " }, host)).json().trainingOffered).toBeNull();
    expect((await patch(me.organisationId, { trainingOffered: text }, host)).statusCode).toBe(200);
  });

  it("refuses markup and too long a text naming the field, and writes nothing", async () => {
    const host = await bearerFor(t.app, "organisatie@demo.local");
    const me = (await t.app.inject({ url: "/api/v1/me", headers: host })).json();
    const audits = async () =>
      (await t.db.kysely.selectFrom("audit_events").select("id").where("action", "=", "organisation.updatePartnerFields").execute()).length;
    const count = await audits();
    for (const [bad, code] of [
      ['<a href="https://example.com">Cursus</a>', "notPlainText"],
      ["x".repeat(1001), "too_big"],
    ] as const) {
      const response = await patch(me.organisationId, { trainingOffered: bad }, host);
      expect(response.statusCode).toBe(400);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json().invalidParams[0]).toMatchObject({ name: "trainingOffered", code });
    }
    const row = await t.db.kysely
      .selectFrom("organisations")
      .select("training_offered")
      .where("id", "=", me.organisationId)
      .executeTakeFirstOrThrow();
    expect(row.training_offered).toBe(text);
    expect(await audits()).toBe(count);
  });

  it("hides another organisation from a host, and refuses every other role", async () => {
    const host = await bearerFor(t.app, "organisatie@demo.local");
    const me = (await t.app.inject({ url: "/api/v1/me", headers: host })).json();
    const other = await t.db.kysely.selectFrom("organisations").select("id").where("id", "!=", me.organisationId).executeTakeFirstOrThrow();
    expect((await patch(other.id, { trainingOffered: "Cursus" }, host)).statusCode).toBe(404);
    for (const email of ["consulent@demo.local", "teamleider@demo.local", "admin@demo.local", "klant@demo.local"]) {
      expect((await patch(me.organisationId, { trainingOffered: "Cursus" }, await bearerFor(t.app, email))).statusCode, email).toBe(403);
    }
    expect(
      (await t.app.inject({ method: "PATCH", url: `/api/v1/organisations/${other.id}/partner-profile`, payload: {} })).statusCode,
    ).toBe(401);
  });
});
