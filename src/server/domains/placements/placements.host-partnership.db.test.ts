import { TestClock } from "@server/clock.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { startedPlacement } from "@server/testing/placements.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays } from "@shared/dates.js";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The host as partner: the introduction before the start, the placement running only from its start date, the check-in
// with the host after four weeks on the consultant's work queue, the host's copy of the agreement with the insurance,
// the client signing in the portal; what a volunteer is owed (the expense allowance within the year's tax-free limits);
// the municipality's bought guidance counting in the supply; and ratings next to endings for team leads.

const DAY = "2026-10-01";
const clock = new TestClock(DAY);
let t: TestApp;
type Headers = { authorization: string };
let client: Headers;
let consultant: Headers;
let host: Headers;
let lead: Headers;
let clientId: string;
let hostOrgId: string;
let familyName: string;
let givenName: string;

const post = (url: string, headers: Headers, payload: object = {}) =>
  t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload });
const get = (url: string, headers: Headers) => t.app.inject({ url: `/api/v1${url}`, headers });
const pdfText = async (body: Buffer) => (await new PDFParse({ data: body }).getText()).text.replace(/\s+/g, " ");
let roles = 0;

async function placement(startDate: string, hoursPerWeek = 2): Promise<string> {
  roles += 1;
  return startedPlacement(
    t.app,
    { consultant, host },
    {
      organisationId: hostOrgId,
      clientId,
      title: `Gastvrouw buurtkamer ${roles}`,
      hoursPerWeek,
      guidanceLevel: "light",
      startDate,
      endDate: addDays(startDate, 150),
    },
  );
}

beforeAll(async () => {
  // Hosts answer referrals right after they are made: no hold for undoing.
  t = await createTestApp({ clients: 120, clock, env: { NV_UNDO_HOLD_MINUTES: "0" } });
  client = await bearerFor(t.app, "klant@demo.local");
  consultant = await bearerFor(t.app, "consulent@demo.local");
  host = await bearerFor(t.app, "organisatie@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  clientId = expectDefined((await get("/me", client)).json().clientId, "the demo client's record");
  hostOrgId = expectDefined((await get("/me", host)).json().organisationId, "the demo host's organisation");
  await t.db.kysely
    .updateTable("clients")
    .set({ capacity_hours_per_week: 30, guidance_need: "light" })
    .where("id", "=", clientId)
    .execute();
  const row = await t.db.kysely
    .selectFrom("clients")
    .select(["given_name", "family_name"])
    .where("id", "=", clientId)
    .executeTakeFirstOrThrow();
  familyName = row.family_name;
  givenName = row.given_name;
});

afterAll(async () => {
  await t?.close();
});

describe("the introduction meeting", () => {
  it("is recorded by the host before the start, once, with the named contact person and both verdicts", async () => {
    const role = (
      await post("/roles", consultant, {
        organisationId: hostOrgId,
        title: "Gastheer kennismaking",
        description: "Koffie schenken en bezoekers ontvangen.",
        hoursPerWeek: 3,
        guidanceLevel: "light",
        places: 2,
        displacementCheck: {
          paidInLastThreeYears: false,
          doneByPaidStaffElsewhere: false,
          wouldOtherwiseBePaid: false,
          partOfPaidService: false,
          recentStaffCuts: false,
        },
      })
    ).json();
    const id = (await post("/placements", consultant, { clientId, roleId: role.id })).json().id;
    expect((await post(`/placements/${id}/accept`, host)).statusCode).toBe(200);
    const body = {
      heldOn: DAY,
      attendees: "Deelnemer, Fatima (coördinator), consulent",
      contactPerson: "Fatima, coördinator vrijwilligers",
      clientVerdict: "positive",
      hostVerdict: "doubtful",
      note: "Eerst twee ochtenden proberen.",
    };
    expect((await post(`/placements/${id}/introduction`, host, { ...body, heldOn: addDays(DAY, 1) })).json().invalidParams[0].name).toBe(
      "heldOn",
    );
    const recorded = await post(`/placements/${id}/introduction`, host, body);
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json().hostSteps).toMatchObject({
      contactPerson: "Fatima, coördinator vrijwilligers",
      introduction: { heldOn: DAY, clientVerdict: "positive", hostVerdict: "doubtful" },
    });
    expect(recorded.json().abilities.recordIntroduction).toBe(false);
    const again = await post(`/placements/${id}/introduction`, consultant, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("introductionRecorded");
  });
});

describe("the agreement", () => {
  it("gives the host its copy as a PDF, naming the client by first name only and the municipality's volunteer insurance", async () => {
    const id = await placement(addDays(DAY, 5));
    const response = await get(`/placements/${id}/agreement/document`, host);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/pdf");
    const text = await pdfText(response.rawPayload);
    expect(text).toContain("Plaatsingsovereenkomst");
    expect(text).toContain(givenName);
    expect(text).not.toContain(familyName);
    expect(text).toContain("VNG Vrijwilligersverzekering");
    const detail = (await get(`/placements/${id}`, consultant)).json();
    const letter = await get(`/letters/${detail.agreements[0].letterId}/pdf`, consultant);
    expect(await pdfText(letter.rawPayload)).toContain("Vrijwilligersverzekering");
  });

  it("lets the client sign the current agreement in the portal, once", async () => {
    const id = await placement(addDays(DAY, 5));
    const mine = (await get(`/clients/${clientId}/placements`, client)).json().items.find((p: { id: string }) => p.id === id);
    expect(mine.currentAgreement.abilities.signAsClient).toBe(true);
    expect(mine.hostSteps.begun).toBe(false);
    const signed = await post(`/placements/${id}/agreement/signatures`, client, { party: "client" });
    expect(signed.statusCode, signed.body).toBe(201);
    const after = (await get(`/clients/${clientId}/placements`, client)).json().items.find((p: { id: string }) => p.id === id);
    expect(after.currentAgreement.signatures.client.signedOn).toBe(DAY);
    expect(after.currentAgreement.abilities.signAsClient).toBe(false);
  });
});

describe("the expense allowance", () => {
  it("is recorded by the host within the year's tax-free limits, refused above them naming the amount, and paid once", async () => {
    const id = await placement(addDays(DAY, -20), 4);
    // 4 hours a week: at most € 5,60 × 4 × 52/12 = € 97,06 a month in 2026.
    const first = await post(`/placements/${id}/expenses`, host, {
      kind: "travel",
      period: "2026-10",
      amount: 60,
      description: "OV-kaart",
    });
    expect(first.statusCode, first.body).toBe(201);
    const above = await post(`/placements/${id}/expenses`, host, { kind: "other", period: "2026-10", amount: 40 });
    expect(above.statusCode).toBe(409);
    expect(above.headers["content-type"]).toContain("application/problem+json");
    expect(above.json()).toMatchObject({ code: "allowanceAboveLimit", invalidParams: [{ name: "amount", code: "aboveAllowanceLimit" }] });
    expect(above.json().detail).toContain("€ 97,06");
    const missing = await post(`/placements/${id}/expenses`, host, { kind: "travel", period: "2031-01", amount: 5 });
    expect(missing.json().code).toBe("allowanceLimitsMissing");
    const bad = await post(`/placements/${id}/expenses`, host, { kind: "travel", period: "2026-13", amount: 5 });
    expect(bad.statusCode).toBe(400);

    const list = (await get(`/placements/${id}/expenses`, host)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ amount: 60, paidOn: null, abilities: { markPaid: true } });
    expect(list.limits.find((l: { year: number }) => l.year === 2026)).toMatchObject({
      hourlyAmount: 5.6,
      monthlyAmount: 210,
      yearlyAmount: 2100,
    });
    const paid = await post(`/placements/${id}/expense-payments`, host, { expenseId: list.items[0].id, paidOn: DAY });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json().items[0].paidOn).toBe(DAY);
    expect((await post(`/placements/${id}/expense-payments`, host, { expenseId: list.items[0].id, paidOn: DAY })).json().code).toBe(
      "expensePaid",
    );
  });

  it("holds the limit when two allowances for the same volunteer arrive at once", async () => {
    const id = await placement(addDays(DAY, -20), 4);
    const answers = await Promise.all(
      [1, 2, 3].map(() => post(`/placements/${id}/expenses`, host, { kind: "travel", period: "2026-09", amount: 40 })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 201, 409]);
  });

  it("lets the municipality set a year's limits, naming the source", async () => {
    const admin = await bearerFor(t.app, "admin@demo.local");
    const set = await t.app.inject({
      method: "PUT",
      url: "/api/v1/volunteer-allowance-limits",
      headers: admin,
      payload: { year: 2027, hourlyAmount: 5.8, monthlyAmount: 220, yearlyAmount: 2200, source: "Belastingdienst 2027" },
    });
    expect(set.statusCode, set.body).toBe(200);
    const limits = (await get("/volunteer-allowance-limits", host)).json().items;
    expect(limits[0]).toMatchObject({ year: 2027, monthlyAmount: 220, source: "Belastingdienst 2027" });
  });
});

describe("the municipality's support to an organisation", () => {
  it("counts bought guidance hours in the organisation's supply while in force", async () => {
    const before = (await get(`/organisations/${hostOrgId}/guidance`, lead)).json().supplyHoursPerWeek;
    const recorded = await post(`/organisations/${hostOrgId}/municipal-support`, lead, {
      hoursPerWeek: 2.5,
      startsOn: DAY,
      endsOn: addDays(DAY, 90),
      description: "Vrijwilligerscoach van het welzijnswerk, ingekocht door de gemeente",
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ supportHoursPerWeek: 2.5, items: [{ current: true }] });
    expect((await get(`/organisations/${hostOrgId}/guidance`, lead)).json().supplyHoursPerWeek).toBe(before + 2.5);
    expect((await get(`/organisations/${hostOrgId}/municipal-support`, host)).json().abilities.record).toBe(false);
    const wrong = await post(`/organisations/${hostOrgId}/municipal-support`, lead, {
      hoursPerWeek: 1,
      startsOn: DAY,
      endsOn: addDays(DAY, -1),
      description: "Omgekeerd",
    });
    expect(wrong.statusCode).toBe(400);
  });
});

describe("ratings next to endings", () => {
  it("shows team leads, per organisation, the clients' ratings beside the endings by attribution", async () => {
    const id = await placement(addDays(DAY, -20));
    expect((await post(`/placements/${id}/feedback`, client, { rating: 2 })).statusCode).toBe(200);
    const ended = await post(`/placements/${id}/end`, consultant, { reason: "poorFit", attributableTo: "organisation" });
    expect(ended.statusCode, ended.body).toBe(200);
    const outcomes = await get("/organisation-outcomes", lead);
    expect(outcomes.statusCode).toBe(200);
    const mine = outcomes.json().items.find((o: { organisationId: string }) => o.organisationId === hostOrgId);
    expect(mine.endings.organisation).toBeGreaterThanOrEqual(1);
    expect(mine.feedbackCount).toBeGreaterThanOrEqual(1);
    expect(mine.lowRatings).toBeGreaterThanOrEqual(1);
    expect((await get("/organisation-outcomes", host)).statusCode).toBe(403);
  });
});

describe("a placement runs from its start date", () => {
  it("reads as not begun before its start, refuses the check-in until then, and puts the check-in on the queue after four weeks", async () => {
    const start = addDays(DAY, 10);
    const id = await placement(start);
    // The client's other placements had their check-ins: only this one may put the client on the queue.
    await t.db.kysely
      .updateTable("placements")
      .set({ host_check_in_held_on: DAY })
      .where("client_id", "=", clientId)
      .where("id", "!=", id)
      .execute();
    const before = (await get(`/placements/${id}`, host)).json();
    expect(before.status).toBe("active");
    expect(before.hostSteps.begun).toBe(false);
    expect(before.hostSteps.hostCheckIn.dueOn).toBe(addDays(start, 28));
    expect(before.abilities.recordHostCheckIn).toBe(false);
    const early = await post(`/placements/${id}/host-check-in`, host, { heldOn: DAY, note: "Nog niet begonnen." });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("placementNotBegun");

    // Sessions lapse while the clock jumps weeks ahead: log in again on each day.
    const on = async (day: string) => {
      clock.set(day);
      host = await bearerFor(t.app, "organisatie@demo.local");
      consultant = await bearerFor(t.app, "consulent@demo.local");
    };
    await on(start);
    expect((await get(`/placements/${id}`, host)).json().hostSteps.begun).toBe(true);

    const queued = async () =>
      ((await get("/work-queue?reason=hostCheckInDue&pageSize=100", consultant)).json().items as { clientId: string }[]).some(
        (item) => item.clientId === clientId,
      );
    await on(addDays(start, 27));
    expect(await queued()).toBe(false);
    await on(addDays(start, 28));
    expect(await queued()).toBe(true);
    const checkIn = await post(`/placements/${id}/host-check-in`, host, { heldOn: addDays(start, 28), note: "Gaat goed, komt op tijd." });
    expect(checkIn.statusCode, checkIn.body).toBe(201);
    expect(checkIn.json().hostSteps.hostCheckIn.heldOn).toBe(addDays(start, 28));
    expect(await queued()).toBe(false);
    expect((await post(`/placements/${id}/host-check-in`, consultant, { heldOn: addDays(start, 28), note: "Nog eens." })).json().code).toBe(
      "hostCheckInRecorded",
    );
    await on(DAY);
  });
});
