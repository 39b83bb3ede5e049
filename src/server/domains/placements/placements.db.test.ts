import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays, todayInAmsterdam } from "@shared/dates.js";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
let consultant: { authorization: string };
let host: { authorization: string };
let admin: { authorization: string };
let lead: { authorization: string };
let hostOrgId: string;
let clientIds: string[];
const today = todayInAmsterdam();

const clean = {
  paidInLastThreeYears: false,
  doneByPaidStaffElsewhere: false,
  wouldOtherwiseBePaid: false,
  partOfPaidService: false,
  recentStaffCuts: false,
};
const roleBody = (overrides: Record<string, unknown> = {}) => ({
  organisationId: hostOrgId,
  title: "Gastvrouw of gastheer koffieochtend",
  description: "Koffie schenken, mensen welkom heten, tafels klaarzetten.",
  hoursPerWeek: 4,
  guidanceLevel: "intensive",
  places: 3,
  weekdayParts: ["tue-am"],
  displacementCheck: clean,
  ...overrides,
});
const agreement = (overrides: Record<string, unknown> = {}) => ({
  startDate: today,
  endDate: addDays(today, 180),
  hoursPerWeek: 4,
  tasks: "Koffie schenken en gasten ontvangen op dinsdagochtend.",
  contactPerson: "Fatima, coördinator vrijwilligers",
  guidanceArrangement: "Elke week een kort gesprek na afloop; de eerste maand loopt een vaste vrijwilliger mee.",
  ...overrides,
});

async function createRole(overrides: Record<string, unknown> = {}, headers = consultant) {
  const response = await t.app.inject({ method: "POST", url: "/api/v1/roles", headers, payload: roleBody(overrides) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; status: string; statusReason: string; mayTakePlacements: boolean };
}
const propose = (clientId: string, roleId: string, extra: Record<string, unknown> = {}) =>
  t.app.inject({ method: "POST", url: "/api/v1/placements", headers: consultant, payload: { clientId, roleId, ...extra } });

beforeAll(async () => {
  // Hosts answer referrals right after they are made: no hold for undoing.
  t = await createTestApp({ clients: 300, env: { NV_UNDO_HOLD_MINUTES: "0" } });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  host = await bearerFor(t.app, "organisatie@demo.local");
  admin = await bearerFor(t.app, "admin@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  hostOrgId = (await t.app.inject({ url: "/api/v1/me", headers: host })).json().organisationId;
  const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
  clientIds = (
    await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).orderBy("family_name").execute()
  ).map((r) => r.id);
  await t.db.kysely
    .updateTable("clients")
    .set({ capacity_hours_per_week: 12, guidance_need: "regular" })
    .where("id", "in", clientIds)
    .execute();
});
afterAll(() => t.close());

describe("roles and the displacement check", () => {
  it("rejects the unauthenticated, and clients and researchers", async () => {
    expect((await t.app.inject({ url: "/api/v1/roles" })).statusCode).toBe(401);
    for (const email of ["klant@demo.local", "onderzoeker@demo.local"]) {
      expect((await t.app.inject({ url: "/api/v1/roles", headers: await bearerFor(t.app, email) })).statusCode).toBe(403);
    }
  });

  it("does not approve work that was paid last year, and refuses placements on it", async () => {
    const role = await createRole({ displacementCheck: { ...clean, paidInLastThreeYears: true } });
    expect(role.status).toBe("rejected");
    expect(role.mayTakePlacements).toBe(false);
    const response = await propose(expectDefined(clientIds[0]), role.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("roleNotApproved");
  });

  it("sends a doubtful role to review; a team lead decides", async () => {
    const role = await createRole({ displacementCheck: { ...clean, recentStaffCuts: true } });
    expect(role.status).toBe("needsReview");
    expect((await propose(expectDefined(clientIds[0]), role.id)).json().code).toBe("roleNotApproved");
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: `/api/v1/roles/${role.id}/displacement-reviews`,
          headers: consultant,
          payload: { outcome: "approved", reason: "x" },
        })
      ).statusCode,
    ).toBe(403);
    const reviewed = await t.app.inject({
      method: "POST",
      url: `/api/v1/roles/${role.id}/displacement-reviews`,
      headers: lead,
      payload: { outcome: "approved", reason: "Bezuiniging raakte de keuken, niet deze taak." },
    });
    expect(reviewed.json()).toMatchObject({ status: "approved", mayTakePlacements: true });
  });

  it("lets anyone file a complaint that suspends new placements until a reviewer decides", async () => {
    const role = await createRole();
    const complaint = await t.app.inject({
      method: "POST",
      url: `/api/v1/roles/${role.id}/displacement-complaints`,
      payload: { filerKind: "union", filerName: "FNV Rotterdam", description: "Dit werk deed tot vorig jaar een betaalde gastvrouw." },
    });
    expect(complaint.statusCode).toBe(201);
    const suspended = (await t.app.inject({ url: `/api/v1/roles/${role.id}`, headers: consultant })).json();
    expect(suspended).toMatchObject({ status: "approved", suspended: true, mayTakePlacements: false });
    expect((await propose(expectDefined(clientIds[0]), role.id)).json().code).toBe("roleNotApproved");
    const listed = (await t.app.inject({ url: `/api/v1/roles/${role.id}/displacement-complaints`, headers: lead })).json().items;
    expect(listed.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([[complaint.json().id, "open"]]);
    expect(JSON.stringify(listed)).not.toContain("FNV");
    expect((await t.app.inject({ url: `/api/v1/roles/${role.id}/displacement-complaints`, headers: host })).statusCode).toBe(403);
    const decided = await t.app.inject({
      method: "POST",
      url: `/api/v1/displacement-complaints/${complaint.json().id}/decision`,
      headers: lead,
      payload: { outcome: "dismissed", reason: "De functie bestond niet als betaalde functie." },
    });
    expect(decided.json().status).toBe("dismissed");
    expect((await propose(expectDefined(clientIds[0]), role.id)).statusCode).toBe(201);
  });

  it("an upheld complaint rejects the role", async () => {
    const role = await createRole();
    const complaint = (
      await t.app.inject({
        method: "POST",
        url: `/api/v1/roles/${role.id}/displacement-complaints`,
        payload: { filerKind: "employee", description: "Mijn uren zijn gehalveerd sinds de vrijwilligers kwamen." },
      })
    ).json();
    await t.app.inject({
      method: "POST",
      url: `/api/v1/displacement-complaints/${complaint.id}/decision`,
      headers: lead,
      payload: { outcome: "upheld", reason: "Verdringing aangetoond." },
    });
    const after = (await t.app.inject({ url: `/api/v1/roles/${role.id}`, headers: consultant })).json();
    expect(after.status).toBe("rejected");
  });
});

describe("a host sees only the need-to-know profile", () => {
  it("gets first name, availability, hours, skills, languages, guidance need and work limits, and nothing else", async () => {
    const role = await createRole();
    await t.db.kysely
      .insertInto("intakes")
      .values({
        id: crypto.randomUUID(),
        client_id: expectDefined(clientIds[1]),
        appointment_id: null,
        consultant_id: (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json().id,
        held_on: today,
        income_debts: 1,
        daily_activities: 3,
        housing: 3,
        physical_health: 2,
        mental_health: 2,
        addiction: 2,
        social_network: 3,
        language: 3,
        caring_duties: null,
        education_history: null,
        work_history: null,
        interests: "[]",
        skills: JSON.stringify(["koken"]),
        availability: JSON.stringify(["tue-am"]),
        travel_radius_km: 5,
        capacity_hours_per_week: 12,
        ladder_rung: 2,
        growth_rung: 3,
        health_notes: "Depressieve klachten",
        notes: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    expect((await propose(expectDefined(clientIds[1]), role.id)).statusCode).toBe(201);
    const response = await t.app.inject({ url: `/api/v1/clients/${clientIds[1]}`, headers: host });
    expect(response.statusCode).toBe(200);
    const profile = response.json();
    expect(Object.keys(profile).sort()).toEqual([
      "availability",
      "givenName",
      "guidanceNeed",
      "hoursPerWeek",
      "id",
      "languages",
      "skills",
      "workLimits",
    ]);
    expect(profile.workLimits).toEqual({ hoursPerDay: null, daysPerWeek: null, functionalLimits: [] });
    for (const field of [
      "bsn",
      "birthDate",
      "familyName",
      "postcode",
      "street",
      "phone",
      "email",
      "benefitStartDate",
      "yearsOnBenefit",
      "longTermCohort",
      "capacityHoursPerWeek",
      "householdSituation",
      "scores",
      "healthNotes",
      "physicalHealth",
      "mentalHealth",
      "addiction",
      "incomeDebts",
      "exemptions",
      "sanctions",
    ]) {
      expect(profile, field).not.toHaveProperty(field);
    }
    expect(profile).toMatchObject({ availability: ["tue-am"], skills: ["koken"], hoursPerWeek: 4, guidanceNeed: "regular" });
    expect(response.body).not.toContain("Depressieve");
  });

  it("answers 404 for a client not referred to the host's organisation", async () => {
    expect((await t.app.inject({ url: `/api/v1/clients/${clientIds.at(-1)}`, headers: host })).statusCode).toBe(404);
  });
});

describe("guidance is finite", () => {
  it("refuses a placement beyond the organisation's guidance hours, unless overridden with a reason that is audited", async () => {
    const org = (
      await t.app.inject({
        method: "POST",
        url: "/api/v1/organisations",
        headers: consultant,
        payload: { name: "Kleine Moestuin", kvkNumber: "11223344", postcode: "3084 AA", houseNumber: 2, guidanceHoursPerWeek: 3 },
      })
    ).json();
    const role = await createRole({ organisationId: org.id, places: 5 });
    const first = await propose(expectDefined(clientIds[2]), role.id);
    expect(first.statusCode).toBe(201);
    const accepted = await t.app.inject({ method: "POST", url: `/api/v1/placements/${first.json().id}/accept`, headers: consultant });
    expect(accepted.json().status).toBe("accepted");
    const second = await propose(expectDefined(clientIds[3]), role.id);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe("guidanceExceeded");
    const reason = "Cliënt kent de coördinator al; tijdelijk extra begeleiding door de wijkcoach.";
    const overridden = await propose(expectDefined(clientIds[3]), role.id, { guidanceOverrideReason: reason });
    expect(overridden.statusCode).toBe(201);
    const audit = (
      await t.app.inject({ url: `/api/v1/audit-events?clientId=${clientIds[3]}&action=placement.propose`, headers: admin })
    ).json();
    expect(audit.items[0].details).toMatchObject({ guidanceOverride: true, guidanceOverrideReason: reason });
    // The proposal keeps the ordinance version whose guidance hours it was checked against.
    const stored = await t.db.kysely
      .selectFrom("placements")
      .select("ordinance_version")
      .where("id", "=", overridden.json().id)
      .executeTakeFirstOrThrow();
    expect(stored.ordinance_version).toBe(1);
  });

  it("refuses a role that offers less guidance than the client needs, a full role, and hours above capacity", async () => {
    const light = await createRole({ guidanceLevel: "light" });
    expect((await propose(expectDefined(clientIds[4]), light.id)).json().code).toBe("guidanceLevelTooLow");
    const single = await createRole({ places: 1 });
    expect((await propose(expectDefined(clientIds[4]), single.id)).statusCode).toBe(201);
    expect((await propose(expectDefined(clientIds[5]), single.id)).json().code).toBe("roleFull");
    // More hours than the ordinance approves on the host's word: a reviewer approved it first.
    const long = await createRole({ hoursPerWeek: 16, displacementCheck: clean });
    expect(long.status).toBe("needsReview");
    const reviewed = await t.app.inject({
      method: "POST",
      url: `/api/v1/roles/${long.id}/displacement-reviews`,
      headers: lead,
      payload: { outcome: "approved", reason: "Bekeken met de organisatie: de uren komen bovenop het betaalde werk." },
    });
    expect(reviewed.json().status).toBe("approved");
    const tooMuch = await propose(expectDefined(clientIds[5]), long.id);
    expect(tooMuch.json().code).toBe("capacityExceeded");
  });
});

describe("the placement agreement and its lifecycle", () => {
  it("host accepts, cannot sign without the terms, signs; a change makes a new version and leaves the signed PDF as it was", async () => {
    const role = await createRole();
    const placement = (await propose(expectDefined(clientIds[6]), role.id)).json();
    const hostView = (await t.app.inject({ url: `/api/v1/placements/${placement.id}`, headers: host })).json();
    expect(hostView).toMatchObject({ status: "proposed", clientGivenName: expect.any(String) });
    expect((await t.app.inject({ method: "POST", url: `/api/v1/placements/${placement.id}/accept`, headers: host })).json().status).toBe(
      "accepted",
    );

    const { startDate: _s, endDate: _e, hoursPerWeek: _h, ...incomplete } = agreement();
    const missing = await t.app.inject({
      method: "POST",
      url: `/api/v1/placements/${placement.id}/start`,
      headers: host,
      payload: { agreement: incomplete },
    });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(["agreement.endDate", "agreement.hoursPerWeek", "agreement.startDate"]);

    const started = await t.app.inject({
      method: "POST",
      url: `/api/v1/placements/${placement.id}/start`,
      headers: host,
      payload: { agreement: agreement() },
    });
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ status: "active", startedOn: today });
    const v1 = started.json().agreements[0];
    const letterBefore = (await t.app.inject({ url: `/api/v1/clients/${clientIds[6]}/letters`, headers: consultant }))
      .json()
      .items.find((l: { id: string }) => l.id === v1.letterId);
    const pdf = await t.app.inject({ url: `/api/v1/letters/${v1.letterId}/pdf`, headers: consultant });
    expect((await new PDFParse({ data: pdf.rawPayload }).getText()).text).toContain("Koffie schenken en gasten ontvangen");

    const changed = await t.app.inject({
      method: "POST",
      url: `/api/v1/placements/${placement.id}/agreements`,
      headers: consultant,
      payload: { agreement: agreement({ hoursPerWeek: 3 }) },
    });
    expect(changed.statusCode).toBe(201);
    expect(changed.json().agreements.map((a: { version: number; hoursPerWeek: number }) => [a.version, a.hoursPerWeek])).toEqual([
      [1, 4],
      [2, 3],
    ]);
    const letterAfter = (await t.app.inject({ url: `/api/v1/clients/${clientIds[6]}/letters`, headers: consultant }))
      .json()
      .items.find((l: { id: string }) => l.id === v1.letterId);
    expect(letterAfter.sha256).toBe(letterBefore.sha256);
  });

  it("records the ending with reason and account, and puts it on the consultant's work queue to hear the client", async () => {
    const role = await createRole();
    const placement = (await propose(expectDefined(clientIds[7]), role.id)).json();
    await t.app.inject({ method: "POST", url: `/api/v1/placements/${placement.id}/accept`, headers: host });
    await t.app.inject({
      method: "POST",
      url: `/api/v1/placements/${placement.id}/start`,
      headers: host,
      payload: { agreement: agreement() },
    });
    await t.app.inject({
      method: "POST",
      url: `/api/v1/placements/${placement.id}/notes`,
      headers: host,
      payload: { note: "Twee keer niet gekomen zonder bericht." },
    });
    const bad = await t.app.inject({
      method: "POST",
      url: `/api/v1/placements/${placement.id}/end`,
      headers: host,
      payload: { reason: "boredom", attributableTo: "client" },
    });
    expect(bad.statusCode).toBe(400);
    const ended = await t.app.inject({
      method: "POST",
      url: `/api/v1/placements/${placement.id}/end`,
      headers: host,
      payload: { reason: "organisationStopped", attributableTo: "organisation", note: "Koffieochtend stopt" },
    });
    // The host's view is kept, but the attribution waits for the consultant, and the host does not see it.
    expect(ended.json()).toMatchObject({
      status: "ended",
      endReason: "organisationStopped",
      attributableTo: null,
      hostAccount: "Koffieochtend stopt",
      endedOn: today,
    });
    expect((await t.app.inject({ url: `/api/v1/placements/${placement.id}`, headers: consultant })).json().attributableTo).toBe(
      "undetermined",
    );
    expect(ended.json().notes[0].note).toContain("niet gekomen");
    const queue = (await t.app.inject({ url: "/api/v1/work-queue?pageSize=200", headers: consultant })).json();
    const item = queue.items.find((i: { clientId: string }) => i.clientId === clientIds[7]);
    expect(item.reasons.map((r: { code: string }) => r.code)).toContain("attributionPending");
  });

  it("lists placements and roles in scope with their totals", async () => {
    const hostList = (await t.app.inject({ url: "/api/v1/placements?pageSize=2", headers: host })).json();
    expect(hostList.items.length).toBeLessThanOrEqual(2);
    expect(hostList.total).toBeGreaterThan(2);
    expect(hostList.items.every((p: { organisationId: string }) => p.organisationId === hostOrgId)).toBe(true);
    const roles = (await t.app.inject({ url: "/api/v1/roles?status=rejected&pageSize=1", headers: consultant })).json();
    expect(roles.total).toBeGreaterThanOrEqual(2);
    expect(roles.items[0].status).toBe("rejected");
  });

  it("keeps a host away from another organisation's referrals", async () => {
    const org = (
      await t.app.inject({
        method: "POST",
        url: "/api/v1/organisations",
        headers: consultant,
        payload: { name: "Andere Stichting", kvkNumber: "55667788", postcode: "3085 AA", houseNumber: 9, guidanceHoursPerWeek: 20 },
      })
    ).json();
    const role = await createRole({ organisationId: org.id });
    const placement = (await propose(expectDefined(clientIds[8]), role.id)).json();
    expect((await t.app.inject({ url: `/api/v1/placements/${placement.id}`, headers: host })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "POST", url: `/api/v1/placements/${placement.id}/accept`, headers: host })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: "POST", url: "/api/v1/roles", headers: host, payload: roleBody({ organisationId: org.id }) }))
        .statusCode,
    ).toBe(403);
  });
});

describe("the organisation's guidance: demand against supply", () => {
  it("counts accepted and active placements by guidance need, and open referrals apart", async () => {
    const org = (
      await t.app.inject({
        method: "POST",
        url: "/api/v1/organisations",
        headers: consultant,
        payload: { name: "Buurthuis Telling", kvkNumber: "99887766", postcode: "3086 AA", houseNumber: 1, guidanceHoursPerWeek: 10 },
      })
    ).json();
    const role = await createRole({ organisationId: org.id, places: 5 });
    const accepted = (await propose(expectDefined(clientIds[9]), role.id)).json();
    await t.app.inject({ method: "POST", url: `/api/v1/placements/${accepted.id}/accept`, headers: consultant });
    await propose(expectDefined(clientIds[10]), role.id);
    const overview = (await t.app.inject({ url: `/api/v1/organisations/${org.id}/guidance`, headers: consultant })).json();
    expect(overview).toEqual({ organisationId: org.id, supplyHoursPerWeek: 10, demandHoursPerWeek: 2, proposedHoursPerWeek: 2 });
    expect((await t.app.inject({ url: `/api/v1/organisations/${org.id}/guidance`, headers: host })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/organisations/${hostOrgId}`, headers: host })).json().id).toBe(hostOrgId);
  });
});

describe("abilities say what the server allows", () => {
  type Abilities = Record<string, boolean>;
  const read = async (url: string, headers: { authorization: string }) =>
    (await t.app.inject({ url: `/api/v1${url}`, headers })).json() as { abilities: Abilities; status: string };
  const act = (url: string, headers: { authorization: string }, payload: object = {}) =>
    t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload });

  it("a placement: each ability true is allowed, each false refused, for the host and the admin, as the status moves", async () => {
    const role = await createRole({ places: 2 });
    const placement = (await propose(clientIds[10] ?? "", role.id)).json() as { id: string; abilities: Abilities };
    expect(placement.abilities).toMatchObject({ accept: true, decline: true, start: false, signAgreement: false, end: true });

    // The admin may read but not act: every ability false, and the server refuses.
    const asAdmin = await read(`/placements/${placement.id}`, admin);
    expect(Object.values(asAdmin.abilities).every((may) => !may)).toBe(true);
    expect((await act(`/placements/${placement.id}/accept`, admin)).statusCode).toBe(403);

    // Proposed: start is false and refused; accept is true and allowed.
    const asHost = await read(`/placements/${placement.id}`, host);
    expect(asHost.abilities).toMatchObject({ accept: true, start: false, viewClientProfile: true });
    expect((await act(`/placements/${placement.id}/start`, host, { agreement: agreement() })).json().code).toBe("placementState");
    expect((await act(`/placements/${placement.id}/accept`, host)).statusCode).toBe(200);

    // Accepted: accept is now false and refused; start is true and allowed.
    const accepted = await read(`/placements/${placement.id}`, host);
    expect(accepted.abilities).toMatchObject({ accept: false, decline: false, start: true, signAgreement: false });
    expect((await act(`/placements/${placement.id}/accept`, host)).json().code).toBe("placementState");
    expect((await act(`/placements/${placement.id}/start`, host, { agreement: agreement() })).statusCode).toBe(200);
    expect((await read(`/placements/${placement.id}`, host)).abilities).toMatchObject({ start: false, signAgreement: true, end: true });
  });

  it("a role: review only while it needs review, by a team lead; referring only while it takes placements", async () => {
    const doubtful = await createRole({ displacementCheck: { ...clean, recentStaffCuts: true } });
    expect((await read(`/roles/${doubtful.id}`, consultant)).abilities).toMatchObject({ review: false, refer: false });
    const review = { outcome: "approved", reason: "Aanvullend werk, geen verdringing." };
    expect((await act(`/roles/${doubtful.id}/displacement-reviews`, consultant, review)).statusCode).toBe(403);
    expect((await read(`/roles/${doubtful.id}`, lead)).abilities.review).toBe(true);
    expect((await act(`/roles/${doubtful.id}/displacement-reviews`, lead, review)).statusCode).toBe(201);
    expect((await read(`/roles/${doubtful.id}`, lead)).abilities.review).toBe(false);
    expect((await act(`/roles/${doubtful.id}/displacement-reviews`, lead, review)).json().code).toBe("roleNotUnderReview");
    expect((await read(`/roles/${doubtful.id}`, consultant)).abilities.refer).toBe(true);
    expect((await propose(clientIds[11] ?? "", doubtful.id)).statusCode).toBe(201);
  });

  it("GET /me opens the menu from the routes' policies", async () => {
    const menu = async (headers: { authorization: string }) =>
      ((await t.app.inject({ url: "/api/v1/me", headers })).json() as { abilities: Abilities }).abilities;
    const [asHost, asConsultant, asAdmin] = [await menu(host), await menu(consultant), await menu(admin)];
    expect(asHost).toMatchObject({ answerReferrals: true, viewCaseload: false, manageUsers: false });
    expect((await t.app.inject({ url: "/api/v1/clients", headers: host })).statusCode).toBe(403);
    expect(asConsultant).toMatchObject({ viewCaseload: true, viewScheduler: false, runMatchPlans: false });
    expect((await t.app.inject({ url: "/api/v1/scheduler/runs", headers: consultant })).statusCode).toBe(403);
    expect(asAdmin).toMatchObject({ manageUsers: true, viewScheduler: true, answerReferrals: false });
    expect((await t.app.inject({ url: "/api/v1/scheduler/runs", headers: admin })).statusCode).toBe(200);
  });
});
