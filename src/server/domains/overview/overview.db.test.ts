import { TestClock } from "@server/clock.js";
import { DEMO_CONSULTANT_PHONES } from "@server/demo/portal.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays } from "@shared/dates.js";
import { LIFE_DOMAINS } from "@shared/schemas/intakes.js";
import type { ClientOverview, PlanSummary } from "@shared/schemas/overview.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The client's start page and plan page, and "ik kan niet". Thursday 3 December 2026: the demo client is invited (an
 * intake in the days after), has an intake with notes on health and debts, a confirmed plan and a placement at the
 * demo host, all made through the API as the consultant and the host would.
 */
const TODAY = "2026-12-03";
const clock = new TestClock(TODAY);
const HEALTH_NOTE = "Rugklachten sinds de val van vorig jaar";
const DEBT_NOTE = "Schuld bij de energieleverancier";
let t: TestApp;
type Headers = { authorization: string };
let consultant: Headers;
let host: Headers;
let client: Headers;
let klantId: string;
let otherClientId: string;
let otherAppointmentId: string;
let appointmentId: string;
let consultantName: string;

const send = (method: "GET" | "POST" | "PATCH", url: string, headers: Headers, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
async function ok<T>(method: "GET" | "POST" | "PATCH", url: string, headers: Headers, payload?: unknown): Promise<T> {
  const response = await send(method, url, headers, payload);
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.json() as T;
}
const openRequests = async () =>
  t.db.kysely
    .selectFrom("reschedule_requests")
    .selectAll()
    .where("appointment_id", "=", appointmentId)
    .where("status", "=", "open")
    .execute();

beforeAll(async () => {
  // Hosts answer referrals right after they are made: no hold for undoing.
  t = await createTestApp({ clients: 60, clock, env: { NV_UNDO_HOLD_MINUTES: "0" } });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  host = await bearerFor(t.app, "organisatie@demo.local");
  client = await bearerFor(t.app, "klant@demo.local");
  const k = t.db.kysely;
  klantId = expectDefined(
    (await k.selectFrom("users").select("client_id").where("email", "=", "klant@demo.local").executeTakeFirstOrThrow()).client_id,
  );
  const me = await ok<{ id: string }>("GET", "/me", consultant);
  consultantName = (await k.selectFrom("users").select("display_name").where("id", "=", me.id).executeTakeFirstOrThrow()).display_name;
  const other = await k
    .selectFrom("clients")
    .select("id")
    .where("consultant_id", "=", me.id)
    .where("id", "!=", klantId)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  otherClientId = other.id;

  // Invitations: each client gets an intake in the days to come (the demo client's next appointment).
  const invited = await ok<{ items: { clientId: string; appointment: { id: string } }[] }>("POST", "/invitations", consultant, {
    clientIds: [klantId, otherClientId],
  });
  appointmentId = expectDefined(invited.items.find((i) => i.clientId === klantId)).appointment.id;
  otherAppointmentId = expectDefined(invited.items.find((i) => i.clientId === otherClientId)).appointment.id;

  // An intake held by phone before it (not at the appointment, which stays planned), with notes the client never sees here.
  await ok("POST", `/clients/${klantId}/intakes`, consultant, {
    heldOn: TODAY,
    scores: Object.fromEntries(LIFE_DOMAINS.map((domain) => [domain, 2])),
    travelRadiusKm: 5,
    capacityHoursPerWeek: 12,
    ladderRung: 2,
    growthRung: 4,
    healthNotes: HEALTH_NOTE,
    notes: DEBT_NOTE,
    caringDuties: "Zorgt twee middagen voor haar moeder",
  });
  await ok("POST", `/clients/${klantId}/plan-steps`, consultant, {
    type: "languageCourse",
    title: "Taalles in de bibliotheek",
    hoursPerWeek: 4,
    startDate: addDays(TODAY, 7),
  });
  const draft = (await ok<{ items: { id: string }[] }>("GET", `/clients/${klantId}/plans`, consultant)).items[0];
  await ok("POST", `/plans/${expectDefined(draft).id}/confirmation`, consultant, { reportingFrequencyWeeks: 4 });

  const hostOrgId = (await ok<{ organisationId: string }>("GET", "/me", host)).organisationId;
  const role = await ok<{ id: string }>("POST", "/roles", consultant, {
    organisationId: hostOrgId,
    title: "Gastvrouw koffieochtend",
    description: "Koffie schenken en mensen welkom heten.",
    hoursPerWeek: 4,
    guidanceLevel: "regular",
    places: 3,
    weekdayParts: ["tue-am"],
    displacementCheck: {
      paidInLastThreeYears: false,
      doneByPaidStaffElsewhere: false,
      wouldOtherwiseBePaid: false,
      partOfPaidService: false,
      recentStaffCuts: false,
    },
  });
  const placement = await ok<{ id: string }>("POST", "/placements", consultant, { clientId: klantId, roleId: role.id });
  await ok("POST", `/placements/${placement.id}/accept`, host);
  await ok("POST", `/placements/${placement.id}/start`, host, {
    agreement: {
      startDate: TODAY,
      endDate: addDays(TODAY, 180),
      hoursPerWeek: 3,
      tasks: "Koffie schenken op dinsdagochtend.",
      contactPerson: "Fatima de Vries",
      guidanceArrangement: "Elke week een kort gesprek.",
    },
  });
}, 120_000);
afterAll(() => t.close());

describe("GET /clients/{id}/overview", () => {
  it("refuses the unauthenticated and every role but the client", async () => {
    expect((await t.app.inject({ url: `/api/v1/clients/${klantId}/overview` })).statusCode).toBe(401);
    expect((await send("GET", `/clients/${klantId}/overview`, consultant)).statusCode).toBe(403);
  });

  it("answers 404 for another client's id, on both client pages", async () => {
    for (const page of ["overview", "plan-summary"]) {
      const response = await send("GET", `/clients/${otherClientId}/${page}`, client);
      expect(response.statusCode, page).toBe(404);
      expect(response.json().code).toBe("notFound");
    }
  });

  it("shows the next appointment, the steps and placement asked now, what waits for an answer and the consultant", async () => {
    const overview = await ok<ClientOverview>("GET", `/clients/${klantId}/overview`, client);
    const appointment = await t.db.kysely.selectFrom("appointments").selectAll().where("id", "=", appointmentId).executeTakeFirstOrThrow();
    expect(overview.nextAppointment).toMatchObject({
      id: appointmentId,
      startsAt: appointment.starts_at,
      location: appointment.location,
      withName: consultantName,
      rescheduleRequest: null,
      abilities: { requestReschedule: true },
    });
    expect(Date.parse(expectDefined(overview.nextAppointment).startsAt)).toBeGreaterThan(clock.now().getTime());
    expect(overview.steps).toEqual([
      expect.objectContaining({ title: "Taalles in de bibliotheek", hoursPerWeek: 4, startDate: addDays(TODAY, 7), status: "planned" }),
    ]);
    const host = await t.db.kysely
      .selectFrom("organisations")
      .innerJoin("users", "users.organisation_id", "organisations.id")
      .select(["organisations.name", "organisations.postcode", "organisations.house_number"])
      .where("users.email", "=", "organisatie@demo.local")
      .executeTakeFirstOrThrow();
    expect(overview.placements).toEqual([
      expect.objectContaining({
        status: "active",
        roleTitle: "Gastvrouw koffieochtend",
        organisationName: host.name,
        postcode: host.postcode,
        houseNumber: host.house_number,
        weekdayParts: ["tue-am"],
        hoursPerWeek: 3,
        startDate: TODAY,
        endDate: addDays(TODAY, 180),
        contactPerson: "Fatima de Vries",
      }),
    ]);
    // The plan's assignment and the agreement's signature are decisions whose objection term now runs.
    const decisions = await t.db.kysely.selectFrom("decisions").selectAll().where("client_id", "=", klantId).execute();
    expect(decisions.length).toBeGreaterThan(0);
    expect(overview.waiting).toEqual(
      expect.arrayContaining(
        decisions.map((d) =>
          expect.objectContaining({ kind: "objectionTerm", id: d.id, respondBy: d.objection_term_ends_on, decisionType: d.type }),
        ),
      ),
    );
    expect(overview.consultant).toEqual({
      name: consultantName,
      email: "consulent@demo.local",
      phone: DEMO_CONSULTANT_PHONES["consulent@demo.local"],
    });
    expect(overview.teamPhone).toBe(municipality.phone);
  });

  it("shows the consultant's direct number an admin sets, refusing one that is no number", async () => {
    const admin = await bearerFor(t.app, "admin@demo.local");
    const me = await ok<{ id: string }>("GET", "/me", consultant);
    const refused = await send("PATCH", `/users/${me.id}`, admin, { phone: "bel maar" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(["phone"]);
    expect((await ok<{ phone: string | null }>("PATCH", `/users/${me.id}`, admin, { phone: "06-12345678" })).phone).toBe("06-12345678");
    expect((await ok<ClientOverview>("GET", `/clients/${klantId}/overview`, client)).consultant?.phone).toBe("06-12345678");
  });

  it("lists an open accountability request with the date to respond by, soonest first", async () => {
    const k = t.db.kysely;
    const letter = await k.selectFrom("letters").select("id").where("client_id", "=", klantId).executeTakeFirstOrThrow();
    await k
      .insertInto("accountability_requests")
      .values({
        id: "0b1f1d2e-0000-4000-8000-000000000001",
        client_id: klantId,
        subject_type: "caregiving",
        subject_id: "0b1f1d2e-0000-4000-8000-000000000002",
        requested_on: TODAY,
        ordinance_version: 1,
        letter_id: letter.id,
        reminded_on: null,
        reminder_letter_id: null,
        status: "open",
        responded_on: null,
        response: null,
        responded_by: null,
        created_at: clock.now().toISOString(),
      })
      .execute();
    const overview = await ok<ClientOverview>("GET", `/clients/${klantId}/overview`, client);
    const ordinance = await k
      .selectFrom("ordinance_versions")
      .select("accountability_overdue_days")
      .where("version", "=", 1)
      .executeTakeFirstOrThrow();
    expect(overview.waiting).toContainEqual({
      kind: "accountabilityRequest",
      id: "0b1f1d2e-0000-4000-8000-000000000001",
      respondBy: addDays(TODAY, ordinance.accountability_overdue_days),
      decisionType: null,
    });
    const dates = overview.waiting.map((w) => w.respondBy ?? "9999");
    expect(dates).toEqual([...dates].sort());
  });

  it("records the read in the audit log", async () => {
    const events = await t.db.kysely
      .selectFrom("audit_events")
      .select(["action", "category"])
      .where("client_id", "=", klantId)
      .where("action", "in", ["overview.read", "overview.plan"])
      .execute();
    expect(events.map((e) => e.action)).toContain("overview.read");
    expect(events.every((e) => e.category === "read:sensitive")).toBe(true);
  });
});

describe("GET /clients/{id}/plan-summary", () => {
  it("gives the confirmed plan, the placement with its agreement's letter and the intake's outcome in hours and rungs", async () => {
    const summary = await ok<PlanSummary>("GET", `/clients/${klantId}/plan-summary`, client);
    const plan = await t.db.kysely.selectFrom("plans").selectAll().where("client_id", "=", klantId).executeTakeFirstOrThrow();
    expect(summary.plan).toEqual({
      id: plan.id,
      version: plan.version,
      confirmedOn: TODAY,
      reportingFrequencyWeeks: 4,
      letterId: expectDefined(plan.letter_id),
    });
    expect(summary.steps.map((s) => s.title)).toEqual(["Taalles in de bibliotheek"]);
    const [placement] = summary.placements;
    expect(placement?.agreements).toEqual([
      expect.objectContaining({ version: 1, hoursPerWeek: 3, contactPerson: "Fatima de Vries", letterId: expect.any(String) }),
    ]);
    expect(summary.intake).toEqual({ heldOn: TODAY, ladderRung: 2, growthRung: 4, capacityHoursPerWeek: 12 });
  });

  it("holds none of the intake's sensitive fields: no scores, no notes on health, debts or care", async () => {
    const response = await send("GET", `/clients/${klantId}/plan-summary`, client);
    expect(response.statusCode).toBe(200);
    const intake = await t.db.kysely.selectFrom("intakes").selectAll().where("client_id", "=", klantId).executeTakeFirstOrThrow();
    const sensitive = [intake.health_notes, intake.notes, intake.caring_duties].map((v) => expectDefined(v));
    for (const value of sensitive) expect(response.body).not.toContain(value);
    const keys = JSON.stringify(Object.keys(expectDefined(response.json<PlanSummary>().intake)));
    for (const field of ["healthNotes", "notes", "caringDuties", "scores", ...LIFE_DOMAINS]) expect(keys).not.toContain(`"${field}"`);
  });
});

describe("POST /appointments/{id}/reschedule-requests", () => {
  const ask = (id: string, payload: unknown, headers = client) => send("POST", `/appointments/${id}/reschedule-requests`, headers, payload);

  it("refuses bad input naming the field, and writes nothing", async () => {
    for (const payload of [{ reason: "x".repeat(1001) }, { reason: 12 }]) {
      const response = await ask(appointmentId, payload);
      expect(response.statusCode).toBe(400);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(["reason"]);
    }
    expect(await openRequests()).toEqual([]);
  });

  it("answers 404 for another client's appointment, and 403 for staff", async () => {
    expect((await ask(otherAppointmentId, {})).statusCode).toBe(404);
    expect((await ask(appointmentId, {}, consultant)).statusCode).toBe(403);
  });

  it("a double submit makes one open request: one 201, the other 409 rescheduleRequested", async () => {
    const answers = await Promise.all([1, 2, 3].map(() => ask(appointmentId, { reason: "  Ik moet die dag naar het ziekenhuis.  " })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
    for (const refused of answers.filter((a) => a.statusCode === 409)) expect(refused.json().code).toBe("rescheduleRequested");
    const created = expectDefined(answers.find((a) => a.statusCode === 201)).json();
    expect(created).toMatchObject({ appointmentId, clientId: klantId, status: "open", reason: "Ik moet die dag naar het ziekenhuis." });
    expect(await openRequests()).toHaveLength(1);
  });

  it("reaches the consultant's work queue, and the start page says it was asked", async () => {
    const queue = await ok<{ items: { clientId: string; reasons: { code: string; since: string; suggestedAction: string }[] }[] }>(
      "GET",
      "/work-queue?reason=rescheduleRequested&pageSize=200",
      consultant,
    );
    const item = expectDefined(queue.items.find((i) => i.clientId === klantId));
    expect(item.reasons).toContainEqual({ code: "rescheduleRequested", since: TODAY, suggestedAction: "planNewAppointment" });
    const listed = await ok<{ items: { id: string; rescheduleRequest: { reason: string | null } | null }[] }>(
      "GET",
      `/clients/${klantId}/appointments`,
      consultant,
    );
    expect(listed.items.find((a) => a.id === appointmentId)?.rescheduleRequest).toMatchObject({
      reason: "Ik moet die dag naar het ziekenhuis.",
    });
    const overview = await ok<ClientOverview>("GET", `/clients/${klantId}/overview`, client);
    expect(overview.nextAppointment).toMatchObject({
      rescheduleRequest: { reason: "Ik moet die dag naar het ziekenhuis." },
      abilities: { requestReschedule: false },
    });
  });

  it("is closed when the consultant cancels the appointment, and leaves the work queue", async () => {
    await ok("PATCH", `/appointments/${appointmentId}`, consultant, { status: "cancelled" });
    expect(await openRequests()).toEqual([]);
    const queue = await ok<{ items: { clientId: string }[] }>("GET", "/work-queue?reason=rescheduleRequested&pageSize=200", consultant);
    expect(queue.items.map((i) => i.clientId)).not.toContain(klantId);
    const refused = await ask(appointmentId, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("appointmentNotPlanned");
  });
});
