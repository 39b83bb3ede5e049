import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { todayInAmsterdam } from "@shared/dates.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
let consultant: { authorization: string };
let clientId: string;
const body = (overrides: Record<string, unknown> = {}) => ({
  kind: "existingVolunteerWork",
  organisationName: "Moskee Mevlana, schoonmaakploeg",
  description: "Maakt twee ochtenden per week de gebedsruimte schoon",
  hoursPerWeek: 6,
  since: "2024-03-01",
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp({ clients: 60 });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
  clientId = (await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).executeTakeFirstOrThrow()).id;
  await t.db.kysely.updateTable("clients").set({ capacity_hours_per_week: 10 }).where("id", "=", clientId).execute();
});
afterAll(() => t.close());

describe("existing volunteers", () => {
  it("formalises volunteer work at an organisation that is not a registered host, with an agreement letter", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/clients/${clientId}/contributions`,
      headers: consultant,
      payload: body(),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ organisationId: null, organisationName: "Moskee Mevlana, schoonmaakploeg", status: "active" });
    const list = (await t.app.inject({ url: `/api/v1/clients/${clientId}/contributions`, headers: consultant })).json();
    expect(list.contributing).toBe(true);
    const letters = (await t.app.inject({ url: `/api/v1/clients/${clientId}/letters`, headers: consultant })).json().items;
    expect(letters.map((l: { kind: string }) => l.kind)).toContain("contributionAgreement");
  });

  it("counts its hours towards capacity, for new contributions and for plan steps alike", async () => {
    const over = await t.app.inject({
      method: "POST",
      url: `/api/v1/clients/${clientId}/contributions`,
      headers: consultant,
      payload: body({ hoursPerWeek: 5 }),
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe("capacityExceeded");
    const step = await t.app.inject({
      method: "POST",
      url: `/api/v1/clients/${clientId}/plan-steps`,
      headers: consultant,
      payload: { type: "languageCourse", title: "Taalles", hoursPerWeek: 5, startDate: todayInAmsterdam() },
    });
    expect(step.json().code).toBe("capacityExceeded");
  });

  it("needs the organisation named, and refuses hosts and researchers", async () => {
    const { organisationName: _n, ...unnamed } = body();
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/clients/${clientId}/contributions`,
      headers: consultant,
      payload: unnamed,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams[0].name).toBe("organisationName");
    for (const email of ["organisatie@demo.local", "onderzoeker@demo.local"]) {
      const headers = await bearerFor(t.app, email);
      expect(
        (await t.app.inject({ method: "POST", url: `/api/v1/clients/${clientId}/contributions`, headers, payload: body() })).statusCode,
      ).toBe(403);
    }
  });

  it("formalises an own initiative without an organisation, with a letter that says so", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/clients/${clientId}/contributions`,
      headers: consultant,
      payload: {
        kind: "ownInitiative",
        description: "Houdt met buren het speelveld aan de Wolphaertsbocht schoon",
        hoursPerWeek: 2,
        since: "2025-05-01",
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ kind: "ownInitiative", organisationName: "" });
    const letter = await t.db.kysely
      .selectFrom("letters")
      .select("subject")
      .where("id", "=", response.json().letterId)
      .executeTakeFirstOrThrow();
    expect(letter.subject).toBe("Wat u zelf doet telt als tegenprestatie");
  });
});
