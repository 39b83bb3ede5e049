import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays, todayInAmsterdam } from "@shared/dates.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Capacity beyond hours a week (issue 18): hours a day, days a week and functional limits, from the intake and from a
// physician's advice, enforced on referrals, at the start of a placement, on plan steps and in the suggestions; the
// host sees only what bears on the work.

let t: TestApp;
let consultant: { authorization: string };
let host: { authorization: string };
let lead: { authorization: string };
let hostOrgId: string;
let clientIds: string[];
let next = 0;
const today = todayInAmsterdam();

type Answer = Awaited<ReturnType<TestApp["app"]["inject"]>>;
const post = (url: string, payload: unknown, headers = consultant) =>
  t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload: payload as object });
const get = (url: string, headers = consultant) => t.app.inject({ url: `/api/v1${url}`, headers });
/** A client of the consultant's caseload not used by another test. */
const freshClient = () => expectDefined(clientIds[next++], "a client");

function refusal(answer: Answer) {
  const body = answer.json();
  return {
    status: answer.statusCode,
    code: body.code,
    fields: (body.invalidParams ?? []).map((p: { name: string; code: string }) => `${p.name}:${p.code}`),
  };
}

const clean = {
  paidInLastThreeYears: false,
  doneByPaidStaffElsewhere: false,
  wouldOtherwiseBePaid: false,
  partOfPaidService: false,
  recentStaffCuts: false,
};
async function createRole(overrides: Record<string, unknown> = {}) {
  const response = await post("/roles", {
    organisationId: hostOrgId,
    title: "Magazijnmedewerker voedselbank",
    description: "Kratten sjouwen, pallets stapelen, de bus uitladen.",
    hoursPerWeek: 8,
    guidanceLevel: "intensive",
    places: 30,
    displacementCheck: clean,
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  // Long weeks and night work wait for a reviewer; these tests are about the client's limits, so the role is approved.
  if (response.json().status === "needsReview") {
    const reviewed = await post(
      `/roles/${response.json().id}/displacement-reviews`,
      { outcome: "approved", reason: "Aanvullend werk." },
      lead,
    );
    expect(reviewed.statusCode, reviewed.body).toBe(201);
  }
  return response.json() as { id: string; longestDayHours: number; daysPerWeek: number; demands: string[]; atNight: boolean };
}

/** An intake that records the capacity of `clientId`, with limits beyond the week. */
async function intake(clientId: string, extra: Record<string, unknown> = {}) {
  const response = await post(`/clients/${clientId}/intakes`, {
    heldOn: today,
    scores: {
      incomeDebts: 3,
      dailyActivities: 3,
      housing: 4,
      physicalHealth: 2,
      mentalHealth: 3,
      addiction: 5,
      socialNetwork: 3,
      language: 4,
    },
    travelRadiusKm: 10,
    capacityHoursPerWeek: 16,
    ladderRung: 2,
    growthRung: 4,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
}

/** A physician's advice on a medical exemption request of `clientId`. */
async function medicalAdvice(clientId: string, limits: Record<string, unknown>) {
  const requested = await post(`/clients/${clientId}/exemption-requests`, { type: "medical", reason: "Ik heb veel pijn in mijn rug." });
  expect(requested.statusCode, requested.body).toBe(201);
  const added = await post(`/exemptions/${requested.json().id}/medical-advice`, {
    advisorKind: "occupationalPhysician",
    advisorName: "M. de Vries, bedrijfsarts",
    advisedOn: today,
    conclusion: "Kan licht werk doen, niet tillen boven 10 kilo, hoogstens 6 uur per dag.",
    ...limits,
  });
  expect(added.statusCode, added.body).toBe(201);
}

beforeAll(async () => {
  // Hosts answer referrals right after they are made: no hold for undoing.
  t = await createTestApp({ clients: 200, env: { NV_UNDO_HOLD_MINUTES: "0" } });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  host = await bearerFor(t.app, "organisatie@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  hostOrgId = (await get("/me", host)).json().organisationId;
  const me = (await get("/me")).json();
  clientIds = (
    await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).orderBy("family_name").execute()
  ).map((r) => r.id);
  // Placements and contributions of the seed would fill capacity; these tests start from none.
  await t.db.kysely.deleteFrom("placements").where("client_id", "in", clientIds).execute();
});
afterAll(() => t.close());

describe("a role declares its day, days, demands and education", () => {
  it("reads back what it asks, with night work as a demand of a role at night and a day of at most 8 hours by default", async () => {
    const night = await createRole({ atNight: true, hoursPerWeek: 16, demands: ["heavyLifting"], daysPerWeek: 3 });
    expect(night).toMatchObject({ atNight: true, demands: ["heavyLifting", "nightWork"], longestDayHours: 8, daysPerWeek: 3 });
    const declared = await createRole({ demands: ["nightWork"], hoursPerWeek: 10, longestDayHours: 10, educationLevel: "vocational" });
    expect(declared).toMatchObject({ atNight: true, longestDayHours: 10, educationLevel: "vocational" });
    const tooLong = await post("/roles", {
      ...{ organisationId: hostOrgId, title: "x", description: "x", hoursPerWeek: 4 },
      guidanceLevel: "light",
      places: 1,
      displacementCheck: clean,
      longestDayHours: 6,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().invalidParams[0]).toMatchObject({ name: "longestDayHours" });
  });
});

describe("a referral keeps the client's limits (409 per limit)", () => {
  it("refuses a role whose longest day is above the client's hours a day, and passes one within it", async () => {
    const client = freshClient();
    await intake(client, { capacityHoursPerDay: 6 });
    const long = await createRole({ hoursPerWeek: 10, longestDayHours: 10 });
    expect(refusal(await post("/placements", { clientId: client, roleId: long.id }))).toEqual({
      status: 409,
      code: "aboveDailyLimit",
      fields: ["roleId:aboveDailyLimit"],
    });
    const short = await createRole({ longestDayHours: 6 });
    expect((await post("/placements", { clientId: client, roleId: short.id })).statusCode).toBe(201);
  });

  it("refuses a role that asks more days a week than the client can work", async () => {
    const client = freshClient();
    await intake(client, { capacityDaysPerWeek: 2 });
    const three = await createRole({ longestDayHours: 4, daysPerWeek: 3 });
    expect(refusal(await post("/placements", { clientId: client, roleId: three.id })).code).toBe("aboveDaysLimit");
    const two = await createRole({ longestDayHours: 6, daysPerWeek: 2 });
    expect((await post("/placements", { clientId: client, roleId: two.id })).statusCode).toBe(201);
  });

  it("refuses a role whose demands a functional limit rules out, and passes one with other demands", async () => {
    const client = freshClient();
    await intake(client, { functionalLimits: ["heavyLifting", "nightWork"] });
    const lifting = await createRole({ longestDayHours: 4, demands: ["heavyLifting"] });
    expect(refusal(await post("/placements", { clientId: client, roleId: lifting.id }))).toEqual({
      status: 409,
      code: "functionalLimit",
      fields: ["roleId:functionalLimit"],
    });
    const night = await createRole({ longestDayHours: 4, atNight: true });
    expect(refusal(await post("/placements", { clientId: client, roleId: night.id })).code).toBe("functionalLimit");
    const standing = await createRole({ longestDayHours: 4, demands: ["standingLong"] });
    expect((await post("/placements", { clientId: client, roleId: standing.id })).statusCode).toBe(201);
  });

  it("caps the week at the days times the hours a day", async () => {
    const client = freshClient();
    await intake(client, { capacityHoursPerWeek: 16, capacityHoursPerDay: 4, capacityDaysPerWeek: 2 });
    const role = await createRole({ longestDayHours: 4, daysPerWeek: 2, hoursPerWeek: 12 });
    expect(refusal(await post("/placements", { clientId: client, roleId: role.id, hoursPerWeek: 9 })).code).toBe("capacityExceeded");
    expect((await post("/placements", { clientId: client, roleId: role.id, hoursPerWeek: 8 })).statusCode).toBe(201);
  });
});

describe("a physician's advice binds where it is stricter than the intake", () => {
  it("refuses a referral by the advice's hours a day and limits, and says nothing of the advice to the host", async () => {
    const client = freshClient();
    await intake(client, { capacityHoursPerDay: 8 });
    const eight = await createRole({ longestDayHours: 8 });
    expect((await post("/placements", { clientId: client, roleId: eight.id })).statusCode).toBe(201);
    await medicalAdvice(client, { hoursPerDay: 6, functionalLimits: ["heavyLifting"] });
    const another = await createRole({ longestDayHours: 8 });
    expect(refusal(await post("/placements", { clientId: client, roleId: another.id })).code).toBe("aboveDailyLimit");
    const lifting = await createRole({ longestDayHours: 6, demands: ["heavyLifting"] });
    expect(refusal(await post("/placements", { clientId: client, roleId: lifting.id })).code).toBe("functionalLimit");

    // The referral made before the advice is accepted, but cannot start: the day is above the advice now.
    const referral = expectDefined(
      await t.db.kysely
        .selectFrom("placements")
        .select("id")
        .where("client_id", "=", client)
        .where("role_id", "=", eight.id)
        .executeTakeFirst(),
      "the referral",
    );
    expect((await post(`/placements/${referral.id}/accept`, {}, host)).statusCode).toBe(200);
    const start = await post(
      `/placements/${referral.id}/start`,
      {
        agreement: {
          startDate: today,
          endDate: addDays(today, 90),
          hoursPerWeek: 8,
          tasks: "Kratten sorteren.",
          contactPerson: "Fatima",
          guidanceArrangement: "Elke week een kort gesprek.",
        },
      },
      host,
    );
    expect(refusal(start).code).toBe("aboveDailyLimit");
    expect(start.body).not.toMatch(/arts|physician|advice|advies|medic|rug/i);

    // The host sees the work-relevant limits of the referred client, never where they come from.
    const profile = await get(`/clients/${client}`, host);
    expect(profile.statusCode).toBe(200);
    expect(profile.json().workLimits).toEqual({ hoursPerDay: 6, daysPerWeek: null, functionalLimits: ["heavyLifting"] });
    expect(profile.body).not.toMatch(/arts|physician|advice|advies|medic|rug|exemption|conclusion|source/i);
    expect(Object.keys(profile.json()).sort()).toEqual(
      ["availability", "givenName", "guidanceNeed", "hoursPerWeek", "id", "languages", "skills", "workLimits"].sort(),
    );
  });
});

describe("plan steps keep the client's limits", () => {
  const step = (overrides: Record<string, unknown>) => ({
    type: "volunteerPlacement",
    title: "Vrijwilligerswerk in het magazijn",
    hoursPerWeek: 4,
    startDate: today,
    ...overrides,
  });

  it("refuses a step above the hours a day, the days, or against a limit, naming the field", async () => {
    const client = freshClient();
    await intake(client, { capacityHoursPerDay: 4, capacityDaysPerWeek: 2, functionalLimits: ["standingLong"] });
    const add = (overrides: Record<string, unknown>) => post(`/clients/${client}/plan-steps`, step(overrides));
    expect(refusal(await add({ hoursPerDay: 5 }))).toEqual({
      status: 409,
      code: "aboveDailyLimit",
      fields: ["hoursPerDay:aboveDailyLimit"],
    });
    expect(refusal(await add({ daysPerWeek: 3 }))).toEqual({ status: 409, code: "aboveDaysLimit", fields: ["daysPerWeek:aboveDaysLimit"] });
    expect(refusal(await add({ demands: ["standingLong"] }))).toEqual({
      status: 409,
      code: "functionalLimit",
      fields: ["demands:functionalLimit"],
    });
    expect(await t.db.kysely.selectFrom("plan_steps").select("id").where("client_id", "=", client).execute()).toEqual([]);
    const fits = await add({ hoursPerDay: 4, daysPerWeek: 1, demands: ["concentration"] });
    expect(fits.statusCode, fits.body).toBe(201);
    expect(fits.json().steps[0]).toMatchObject({ hoursPerDay: 4, daysPerWeek: 1, demands: ["concentration"] });
  });

  it("refuses to confirm a plan whose step a later advice rules out", async () => {
    const client = freshClient();
    await intake(client);
    const plan = (await post(`/clients/${client}/plan-steps`, step({ hoursPerDay: 6 }))).json();
    await medicalAdvice(client, { hoursPerDay: 5 });
    const confirmed = await post(`/plans/${plan.id}/confirmation`, { reportingFrequencyWeeks: 4 });
    expect(refusal(confirmed).code).toBe("aboveDailyLimit");
  });
});

describe("the guidance a client needs is set at the intake and on the record", () => {
  it("takes the intake's guidance need, and a consultant's change of it on the record", async () => {
    const client = freshClient();
    await intake(client, { guidanceNeed: "intensive" });
    expect((await get(`/clients/${client}`)).json()).toMatchObject({ guidanceNeed: "intensive" });
    const changed = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/clients/${client}`,
      headers: consultant,
      payload: { guidanceNeed: "light", capacityHoursPerDay: 5, functionalLimits: ["breaks"] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ guidanceNeed: "light", capacityHoursPerDay: 5, functionalLimits: ["breaks"] });
    // The guidance counted for a referral follows the need: a light role now fits.
    const light = await createRole({ guidanceLevel: "light", longestDayHours: 4 });
    const referred = await post("/placements", { clientId: client, roleId: light.id });
    expect(referred.statusCode, referred.body).toBe(201);
    expect(referred.json().guidanceLevel).toBe("light");
  });
});

describe("the suggestions leave out a role that breaks a limit, and say why", () => {
  it("lists the warehouse role as not offered with the limits it breaks, and ranks the others with reasons", async () => {
    const client = freshClient();
    await t.db.kysely.updateTable("clients").set({ education_level: "university" }).where("id", "=", client).execute();
    await intake(client, { capacityHoursPerDay: 6, functionalLimits: ["heavyLifting"], skills: ["administratie"] });
    const warehouse = await createRole({ title: "Magazijn sorteren", longestDayHours: 10, demands: ["heavyLifting"], hoursPerWeek: 10 });
    const office = await createRole({
      title: "Administratie buurthuis",
      description: "De kas bijhouden en post verwerken.",
      longestDayHours: 4,
      skills: ["administratie"],
      educationLevel: "higher",
      guidanceLevel: "intensive",
    });
    const answer = await get(`/clients/${client}/suggestions?limit=50`);
    expect(answer.statusCode, answer.body).toBe(200);
    const suggestions = answer.json();
    expect(suggestions.limits).toEqual({ hoursPerDay: 6, daysPerWeek: null, functionalLimits: ["heavyLifting"] });
    expect(suggestions.items.map((s: { roleId: string }) => s.roleId)).not.toContain(warehouse.id);
    expect(suggestions.notOffered).toContainEqual({
      roleId: warehouse.id,
      title: "Magazijn sorteren",
      organisationName: expect.any(String),
      aboveDailyLimit: { roleHours: 10, limit: 6 },
      aboveDaysLimit: null,
      functionalLimits: ["heavyLifting"],
    });
    const offered = suggestions.items.find((s: { roleId: string }) => s.roleId === office.id);
    expect(offered.reasons).toContainEqual({ code: "skill", skill: "administratie" });
    expect(offered.reasons).toContainEqual({ code: "education", level: "higher" });
    for (const item of suggestions.items.filter((s: { roleId: string }) => s.roleId !== office.id))
      expect(item.reasons.some((r: { code: string }) => r.code === "belowEducation")).toBe(true);
  });
});

describe("limits hold under parallel requests", () => {
  it("never leaves a referral that breaks the limit an intake records at the same time", async () => {
    const clients = [freshClient(), freshClient(), freshClient(), freshClient()];
    for (const client of clients) await intake(client);
    const long = await createRole({ longestDayHours: 10, hoursPerWeek: 10 });
    const answers = await Promise.all(
      clients.flatMap((client) => [
        post("/placements", { clientId: client, roleId: long.id }),
        intake(client, { capacityHoursPerDay: 6 }).then(() => null),
      ]),
    );
    expect(answers.filter((a) => a !== null).every((a) => a && [201, 409].includes(a.statusCode))).toBe(true);
    // Whatever the order, a referral that stands was made before the limit was recorded: the one read after it is refused.
    for (const client of clients) {
      const role = await createRole({ hoursPerWeek: 10, longestDayHours: 10 });
      const again = await post("/placements", { clientId: client, roleId: role.id, hoursPerWeek: 1 });
      expect(refusal(again).code).toBe("aboveDailyLimit");
    }
    const referrals = await t.db.kysely
      .selectFrom("placements")
      .innerJoin("audit_events", "audit_events.subject_id", "placements.id")
      .select(["placements.client_id", "audit_events.occurred_at"])
      .where("placements.role_id", "=", long.id)
      .execute();
    for (const referral of referrals) {
      const limited = await t.db.kysely
        .selectFrom("intakes")
        .select("created_at")
        .where("client_id", "=", referral.client_id)
        .where("capacity_hours_per_day", "=", 6)
        .executeTakeFirstOrThrow();
      expect(referral.occurred_at <= limited.created_at).toBe(true);
    }
  });
});
