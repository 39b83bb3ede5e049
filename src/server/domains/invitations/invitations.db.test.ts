import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
let consultant: { authorization: string };

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  startTime: "09:00",
  endTime: "17:00",
  slotMinutes: 45,
  location: "Wijkteam Charlois, Boergoensevliet 20, 3082 TA Rotterdam",
}));

async function charloisClientIds(count: number): Promise<string[]> {
  const rows = await t.db.kysely
    .selectFrom("clients")
    .select("id")
    .where("district", "=", "Charlois")
    .orderBy("family_name")
    .limit(count)
    .execute();
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  t = await createTestApp({ clients: 1500 });
  consultant = await bearerFor(t.app, "consulent@demo.local");
});
afterAll(() => t.close());

describe("POST /invitations", () => {
  it("rejects the unauthenticated, hosts and researchers", async () => {
    expect((await t.app.inject({ method: "POST", url: "/api/v1/invitations", payload: { clientIds: [] } })).statusCode).toBe(401);
    for (const email of ["organisatie@demo.local", "onderzoeker@demo.local", "klant@demo.local"]) {
      const headers = await bearerFor(t.app, email);
      expect(
        (await t.app.inject({ method: "POST", url: "/api/v1/invitations", headers, payload: { clientIds: await charloisClientIds(1) } }))
          .statusCode,
      ).toBe(403);
    }
  });

  it("refuses to invite while the consultant has no availability", async () => {
    await t.app.inject({ method: "PUT", url: "/api/v1/me/availability", headers: consultant, payload: { blocks: [] } });
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/invitations",
      headers: consultant,
      payload: { clientIds: await charloisClientIds(1) },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("noAvailability");
  });

  it("hides another district's client: inviting one answers 404 and creates nothing", async () => {
    await t.app.inject({ method: "PUT", url: "/api/v1/me/availability", headers: consultant, payload: { blocks: weekdays } });
    const overschie = await t.db.kysely.selectFrom("clients").select("id").where("district", "=", "Overschie").executeTakeFirstOrThrow();
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/invitations",
      headers: consultant,
      payload: { clientIds: [...(await charloisClientIds(1)), overschie.id] },
    });
    expect(response.statusCode).toBe(404);
    expect(await t.db.kysely.selectFrom("appointments").select("id").execute()).toHaveLength(0);
  });

  it("invites 200 clients: 200 appointments without a double booking and 200 letters with name, date and address", async () => {
    const ids = await charloisClientIds(200);
    expect(ids).toHaveLength(200);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/invitations",
      headers: consultant,
      payload: { clientIds: ids, earliestDate: "2027-01-04" },
    });
    expect(response.statusCode).toBe(201);
    const items = response.json().items as { clientId: string; letterId: string; appointment: { startsAt: string; location: string } }[];
    expect(items).toHaveLength(200);
    expect(new Set(items.map((i) => i.appointment.startsAt)).size).toBe(200);
    expect(items.every((i) => i.appointment.startsAt >= "2027-01-04")).toBe(true);

    const clients = new Map((await t.db.kysely.selectFrom("clients").selectAll().where("id", "in", ids).execute()).map((c) => [c.id, c]));
    for (const item of items) {
      const download = await t.app.inject({ url: `/api/v1/letters/${item.letterId}/pdf`, headers: consultant });
      expect(download.statusCode).toBe(200);
      expect(download.headers["content-type"]).toBe("application/pdf");
      const text = (await new PDFParse({ data: download.rawPayload }).getText()).text.replace(/\s+/g, " ");
      const client = expectDefined(clients.get(item.clientId), `client ${item.clientId}`);
      expect(text).toContain(`${client.given_name} ${client.family_name}`);
      expect(text).toContain(`${client.street} ${client.house_number}`);
      expect(text).toContain(client.postcode);
      expect(text).toContain("Boergoensevliet 20");
      const day = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Amsterdam" }).format(
        new Date(item.appointment.startsAt),
      );
      expect(text).toContain(day);
    }
  }, 120_000);

  it("filters the caseload into a cohort: invited or not, years on benefit", async () => {
    const invited = (await t.app.inject({ url: "/api/v1/clients?invited=true&pageSize=200", headers: consultant })).json();
    const notInvited = (await t.app.inject({ url: "/api/v1/clients?invited=false&pageSize=200", headers: consultant })).json();
    const all = (await t.app.inject({ url: "/api/v1/clients?pageSize=1", headers: consultant })).json();
    expect(invited.total).toBe(200);
    expect(invited.total + notInvited.total).toBe(all.total);
    const tenYears = (await t.app.inject({ url: "/api/v1/clients?minYearsOnBenefit=10&pageSize=200", headers: consultant })).json();
    expect(tenYears.total).toBeGreaterThan(0);
    expect(tenYears.items.every((c: { yearsOnBenefit: number }) => c.yearsOnBenefit >= 10)).toBe(true);
  });

  it("refuses to invite a client who already has a planned intake", async () => {
    const [id] = await charloisClientIds(1);
    const response = await t.app.inject({ method: "POST", url: "/api/v1/invitations", headers: consultant, payload: { clientIds: [id] } });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("alreadyInvited");
  });

  it("records registered-mail delivery with a tracking number and keeps the PDF unchanged", async () => {
    const [id] = await charloisClientIds(1);
    const letters = (await t.app.inject({ url: `/api/v1/clients/${id}/letters`, headers: consultant })).json().items;
    const letter = letters[0];
    expect(letter).toMatchObject({ kind: "invitation", registered: true, deliveryStatus: "sent" });
    const recorded = await t.app.inject({
      method: "POST",
      url: `/api/v1/letters/${letter.id}/deliveries`,
      headers: consultant,
      payload: { status: "returned", trackingNumber: "3SRTTN1234567" },
    });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ deliveryStatus: "returned", trackingNumber: "3SRTTN1234567", sha256: letter.sha256 });
    const bad = await t.app.inject({
      method: "POST",
      url: `/api/v1/letters/${letter.id}/deliveries`,
      headers: consultant,
      payload: { status: "lost" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0].name).toBe("status");
  });

  it("refuses to link an intake to an appointment that has not taken place", async () => {
    const [id] = await charloisClientIds(1);
    const [appointment] = (await t.app.inject({ url: `/api/v1/clients/${id}/appointments`, headers: consultant })).json().items;
    const response = await t.app.inject({
      method: "POST",
      url: `/api/v1/clients/${id}/intakes`,
      headers: consultant,
      payload: {
        heldOn: new Date().toISOString().slice(0, 10),
        appointmentId: appointment.id,
        travelRadiusKm: 5,
        capacityHoursPerWeek: 8,
        ladderRung: 2,
        growthRung: 2,
        scores: {
          incomeDebts: 3,
          dailyActivities: 3,
          housing: 3,
          physicalHealth: 3,
          mentalHealth: 3,
          addiction: 5,
          socialNetwork: 3,
          language: 3,
        },
      },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("appointmentInFuture");
  });

  it("refuses to record attendance of an appointment that has not started", async () => {
    const [id] = await charloisClientIds(1);
    const [appointment] = (await t.app.inject({ url: `/api/v1/clients/${id}/appointments`, headers: consultant })).json().items;
    const response = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/appointments/${appointment.id}`,
      headers: consultant,
      payload: { status: "missed" },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("appointmentInFuture");
  });
});
