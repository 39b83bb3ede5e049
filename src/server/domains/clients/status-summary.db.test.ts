import { randomUUID } from "node:crypto";
import { TestClock } from "@server/clock.js";
import { buildClient } from "@server/testing/factories.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXEMPTION_IN_FORCE_STATUS } from "../vocabulary.js";
import { addressLinesOf } from "./status-summary.presenter.js";

let t: TestApp;
let consultant: { authorization: string };
let clientId: string;
const clock = new TestClock("2026-12-03");

const summary = (id: string, headers: { authorization: string } = consultant) =>
  t.app.inject({ url: `/api/v1/clients/${id}/status-summary`, headers });

beforeAll(async () => {
  t = await createTestApp({ clients: 60, clock });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  const created = await t.app.inject({
    method: "POST",
    url: "/api/v1/clients",
    headers: consultant,
    payload: buildClient({
      givenName: "Rosalia",
      familyName: "Martina",
      street: "Wolphaertsbocht",
      houseNumberAddition: "B",
      city: "Rotterdam",
    }),
  });
  expect(created.statusCode).toBe(201);
  clientId = created.json().id;
});
afterAll(() => t.close());

describe("GET /clients/{id}/status-summary", () => {
  it("rejects the unauthenticated, refuses a host and the client, and hides another district's record", async () => {
    expect((await t.app.inject({ url: `/api/v1/clients/${clientId}/status-summary` })).statusCode).toBe(401);
    for (const email of ["organisatie@demo.local", "klant@demo.local"]) {
      expect((await summary(clientId, await bearerFor(t.app, email))).statusCode, email).toBe(403);
    }
    const overschie = await t.db.kysely.selectFrom("clients").select("id").where("district", "=", "Overschie").executeTakeFirstOrThrow();
    expect((await summary(overschie.id)).statusCode).toBe(404);
  });

  it("names the consultant and gives the postal address, before any intake", async () => {
    const response = await summary(clientId);
    expect(response.statusCode, response.body).toBe(200);
    const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
    expect(response.json()).toEqual({
      clientId,
      consultant: { id: me.id, name: me.displayName, isCaller: true },
      addressLines: ["Wolphaertsbocht 12 B", "3084 AB Rotterdam"],
      ladder: null,
      steps: [],
      placements: [],
      exemptions: [],
      deadlines: [],
    });
    const teamLead = (await summary(clientId, await bearerFor(t.app, "teamleider@demo.local"))).json();
    expect(teamLead.consultant).toEqual({ id: me.id, name: me.displayName, isCaller: false });
  });

  it("shows the latest ladder rung and an exemption in force, and audits the read as sensitive", async () => {
    const intake = await t.app.inject({
      method: "POST",
      url: `/api/v1/clients/${clientId}/intakes`,
      headers: consultant,
      payload: {
        heldOn: "2026-12-02",
        scores: {
          incomeDebts: 2,
          dailyActivities: 3,
          housing: 4,
          physicalHealth: 3,
          mentalHealth: 2,
          addiction: 5,
          socialNetwork: 2,
          language: 3,
        },
        interests: [],
        skills: [],
        availability: ["tue-am"],
        travelRadiusKm: 5,
        capacityHoursPerWeek: 12,
        ladderRung: 2,
        growthRung: 3,
      },
    });
    expect(intake.statusCode, intake.body).toBe(201);
    const exemptionId = randomUUID();
    await t.db.kysely
      .withTables<{ exemptions: Record<string, string | number | null> }>()
      .insertInto("exemptions")
      .values({
        id: exemptionId,
        client_id: clientId,
        type: "caregiving",
        scope: "partial",
        max_hours_per_week: 4,
        start_date: "2026-11-01",
        end_date: "2027-05-01",
        review_date: null,
        reason: "Zorgt voor moeder.",
        status: EXEMPTION_IN_FORCE_STATUS,
        ordinance_version: 1,
        created_at: "2026-11-01T10:00:00.000Z",
        updated_at: "2026-11-01T10:00:00.000Z",
      })
      .execute();
    const body = (await summary(clientId)).json();
    expect(body.ladder).toEqual({ rung: 2, growthRung: 3, assessedOn: "2026-12-02" });
    expect(body.exemptions).toEqual([{ id: exemptionId, type: "caregiving", scope: "partial", endDate: "2027-05-01" }]);
    const audit = await t.db.kysely
      .selectFrom("audit_events")
      .select(["category"])
      .where("client_id", "=", clientId)
      .where("action", "=", "client.statusSummary")
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(new Set(audit.map((a) => a.category))).toEqual(new Set(["read:sensitive"]));
  });

  it("writes an address without street or city as far as it is known", () => {
    const base = { street: null, house_number: 7, house_number_addition: null, postcode: "3081 AA", city: null };
    expect(addressLinesOf(base)).toEqual(["7", "3081 AA"]);
    expect(addressLinesOf({ ...base, street: "Dorpsweg", house_number_addition: "", city: "Rotterdam" })).toEqual([
      "Dorpsweg 7",
      "3081 AA Rotterdam",
    ]);
  });
});
