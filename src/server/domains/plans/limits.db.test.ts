import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays, addMonths, todayInAmsterdam } from "@shared/dates.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The limits of what may be asked (Participatiewet art. 9: limited in scope and duration): the ordinance's weekly
// norm (20 hours) and maximum duration (12 months), after capacity; care and debt help ask no hours.

let t: TestApp;
let consultant: { authorization: string };
let host: { authorization: string };
let hostOrgId: string;
let clientIds: string[];
const today = todayInAmsterdam();
const latest = addMonths(today, 12);

type Answer = Awaited<ReturnType<TestApp["app"]["inject"]>>;
const post = (url: string, payload: unknown, headers = consultant) =>
  t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload: payload as object });
const patch = (url: string, payload: unknown) =>
  t.app.inject({ method: "PATCH", url: `/api/v1${url}`, headers: consultant, payload: payload as object });
const step = (overrides: Record<string, unknown> = {}) => ({
  type: "languageCourse",
  title: "Taalles Nederlands",
  hoursPerWeek: 4,
  startDate: today,
  ...overrides,
});
const addStep = (clientId: string, overrides: Record<string, unknown> = {}) => post(`/clients/${clientId}/plan-steps`, step(overrides));
const client = (index: number) => expectDefined(clientIds[index], `client ${index}`);
const stepsOf = async (clientId: string) =>
  t.db.kysely.selectFrom("plan_steps").selectAll().where("client_id", "=", clientId).orderBy("position").execute();

/** The refusal's code and the fields it names. */
function refusal(answer: Answer) {
  const body = answer.json();
  return {
    status: answer.statusCode,
    code: body.code,
    fields: (body.invalidParams ?? []).map((p: { name: string; code: string }) => `${p.name}:${p.code}`),
  };
}

async function setCapacity(clientId: string, hours: number | null) {
  await t.db.kysely
    .updateTable("clients")
    .set({ capacity_hours_per_week: hours, guidance_need: "regular" })
    .where("id", "=", clientId)
    .execute();
}

beforeAll(async () => {
  // Hosts answer referrals right after they are made: no hold for undoing.
  t = await createTestApp({ clients: 150, env: { NV_UNDO_HOLD_MINUTES: "0" } });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  host = await bearerFor(t.app, "organisatie@demo.local");
  hostOrgId = (await t.app.inject({ url: "/api/v1/me", headers: host })).json().organisationId;
  const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
  clientIds = (
    await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).orderBy("family_name").limit(12).execute()
  ).map((r) => r.id);
  for (const id of clientIds) await setCapacity(id, 30);
});
afterAll(() => t.close());

describe("a plan asks no more than the ordinance's weekly norm, after capacity", () => {
  it("refuses a step that would ask more than the norm in all, naming the hours", async () => {
    expect((await addStep(client(0), { hoursPerWeek: 18 })).statusCode).toBe(201);
    const above = await addStep(client(0), { title: "Wandelgroep", type: "exercise", hoursPerWeek: 4 });
    expect(refusal(above)).toEqual({ status: 409, code: "aboveNorm", fields: ["hoursPerWeek:aboveNorm"] });
    expect(await stepsOf(client(0))).toHaveLength(1);
    expect((await addStep(client(0), { title: "Wandelgroep", type: "exercise", hoursPerWeek: 2 })).statusCode).toBe(201);
  });

  it("refuses for capacity first when both limits apply", async () => {
    await setCapacity(client(1), 10);
    const both = await addStep(client(1), { hoursPerWeek: 24, endDate: addDays(latest, 30) });
    expect(refusal(both).code).toBe("capacityExceeded");
  });

  it("refuses a change of a step's hours above the norm", async () => {
    const plan = (await addStep(client(2), { hoursPerWeek: 12 })).json();
    const stepId = plan.steps[0].id;
    expect(refusal(await patch(`/plan-steps/${stepId}`, { hoursPerWeek: 22 }))).toMatchObject({ status: 409, code: "aboveNorm" });
    expect((await patch(`/plan-steps/${stepId}`, { hoursPerWeek: 20 })).statusCode).toBe(200);
  });

  it("counts what is asked outside the plan too: a placement beside the plan stays within the norm", async () => {
    const role = await createRole();
    expect((await addStep(client(3), { hoursPerWeek: 18 })).statusCode).toBe(201);
    expect(refusal(await propose(client(3), role.id))).toEqual({ status: 409, code: "aboveNorm", fields: ["hoursPerWeek:aboveNorm"] });
    expect((await propose(client(3), role.id, { hoursPerWeek: 2 })).statusCode).toBe(201);
    // Capacity stays the first limit for a referral as well.
    await setCapacity(client(4), 4);
    expect((await addStep(client(4), { hoursPerWeek: 2 })).statusCode).toBe(201);
    expect(refusal(await propose(client(4), role.id)).code).toBe("capacityExceeded");
  });
});

describe("a plan step runs no longer than the ordinance's maximum", () => {
  it("refuses an end date more than 12 months after the start, naming the end date", async () => {
    const tooLong = await addStep(client(5), { endDate: addDays(latest, 1) });
    expect(refusal(tooLong)).toEqual({ status: 409, code: "tooLong", fields: ["endDate:tooLong"] });
    expect(await stepsOf(client(5))).toHaveLength(0);
    expect((await addStep(client(5), { endDate: latest })).statusCode).toBe(201);
  });

  it("ends a step that asks hours without an end date on the latest date the ordinance allows", async () => {
    const start = addDays(today, 14);
    const plan = (await addStep(client(6), { startDate: start })).json();
    expect(plan.steps[0]).toMatchObject({ startDate: start, endDate: addMonths(start, 12) });
    expect(plan).toMatchObject({ weeklyNormHours: 20, maxDurationMonths: 12 });
    // Changing it to run longer is refused; taking the end date away gives the latest again.
    const stepId = plan.steps[0].id;
    expect(refusal(await patch(`/plan-steps/${stepId}`, { endDate: addDays(addMonths(start, 12), 1) }))).toMatchObject({
      code: "tooLong",
    });
    expect((await patch(`/plan-steps/${stepId}`, { endDate: null })).json().steps[0].endDate).toBe(addMonths(start, 12));
  });

  it("refuses to confirm a plan with a step that asks hours and runs on without end, and says so in its abilities", async () => {
    const plan = (await addStep(client(7))).json();
    // A step stored before the rule, without an end date.
    await t.db.kysely.updateTable("plan_steps").set({ end_date: null }).where("plan_id", "=", plan.id).execute();
    const listed = (await t.app.inject({ url: `/api/v1/clients/${client(7)}/plans`, headers: consultant })).json();
    expect(listed).toMatchObject({ weeklyNormHours: 20, maxDurationMonths: 12 });
    expect(listed.items[0].abilities.confirm).toBe(false);
    const confirm = await post(`/plans/${plan.id}/confirmation`, { reportingFrequencyWeeks: 4 });
    expect(refusal(confirm)).toMatchObject({ status: 409, code: "tooLong" });
    expect((await t.db.kysely.selectFrom("plans").select("status").where("id", "=", plan.id).executeTakeFirstOrThrow()).status).toBe(
      "draft",
    );
  });
});

describe("care and debt help ask no hours and are never refused for the limits", () => {
  it("refuses hours on treatment or help for the client's own situation, writing nothing", async () => {
    for (const type of ["careReferral", "debtHelp", "ownSituation"]) {
      const answer = await addStep(client(8), { type, title: "Schuldhulpverlening Kredietbank", hoursPerWeek: 2 });
      expect(refusal(answer)).toEqual({ status: 400, code: "invalidInput", fields: ["hoursPerWeek:notAllowed"] });
    }
    expect(await stepsOf(client(8))).toHaveLength(0);
  });

  it("adds such a step whatever capacity, the norm and the duration say, and it fills no capacity", async () => {
    // Capacity taken in full, and a client whose capacity is not yet assessed.
    await setCapacity(client(9), 4);
    expect((await addStep(client(9), { hoursPerWeek: 4 })).statusCode).toBe(201);
    const debt = await addStep(client(9), { type: "debtHelp", title: "Schuldhulpverlening Kredietbank", hoursPerWeek: 0 });
    expect(debt.statusCode).toBe(201);
    expect(debt.json()).toMatchObject({ activeHoursPerWeek: 4 });
    expect(debt.json().steps[1]).toMatchObject({ type: "debtHelp", hoursPerWeek: 0, endDate: null });
    const care = (
      await addStep(client(9), { type: "careReferral", title: "GGZ-behandeling", hoursPerWeek: 0, endDate: addMonths(today, 30) })
    )
      .json()
      .steps.at(-1);
    expect(refusal(await patch(`/plan-steps/${care.id}`, { hoursPerWeek: 1 })).fields).toEqual(["hoursPerWeek:notAllowed"]);

    await setCapacity(client(10), null);
    const plan = (await addStep(client(10), { type: "ownSituation", title: "Werken aan de eigen situatie", hoursPerWeek: 0 })).json();
    expect(plan.steps).toHaveLength(1);
    const confirmed = await post(`/plans/${plan.id}/confirmation`, { reportingFrequencyWeeks: 6 });
    expect(confirmed.statusCode).toBe(201);
  });
});

describe("a placement agreement stays within the maximum duration and the norm", () => {
  it("refuses an agreement that runs too long or asks more than the norm, for the first version and later ones", async () => {
    const role = await createRole();
    const id = (await propose(client(11), role.id)).json().id;
    expect((await post(`/placements/${id}/accept`, {}, host)).statusCode).toBe(200);
    const tooLong = await post(`/placements/${id}/start`, { agreement: agreement({ endDate: addDays(latest, 1) }) }, host);
    expect(refusal(tooLong)).toEqual({ status: 409, code: "tooLong", fields: ["agreement.endDate:tooLong"] });
    expect((await post(`/placements/${id}/start`, { agreement: agreement({ endDate: latest }) }, host)).statusCode).toBe(200);

    // A later version is measured from the placement's start.
    const later = addMonths(today, 2);
    const longer = await post(`/placements/${id}/agreements`, {
      agreement: agreement({ startDate: later, endDate: addMonths(later, 12) }),
    });
    expect(refusal(longer).code).toBe("tooLong");

    // More hours than referred: capacity (30) first, then the norm over everything asked (a 14-hour step and this).
    expect((await addStep(client(11), { hoursPerWeek: 14 })).statusCode).toBe(201);
    const above = await post(`/placements/${id}/agreements`, { agreement: agreement({ hoursPerWeek: 8 }) });
    expect(refusal(above)).toEqual({ status: 409, code: "aboveNorm", fields: ["agreement.hoursPerWeek:aboveNorm"] });
    expect((await post(`/placements/${id}/agreements`, { agreement: agreement({ hoursPerWeek: 6 }) })).statusCode).toBe(201);
  });
});

const clean = {
  paidInLastThreeYears: false,
  doneByPaidStaffElsewhere: false,
  wouldOtherwiseBePaid: false,
  partOfPaidService: false,
  recentStaffCuts: false,
};

async function createRole() {
  const response = await post("/roles", {
    organisationId: hostOrgId,
    title: "Gastvrouw of gastheer koffieochtend",
    description: "Koffie schenken, mensen welkom heten, tafels klaarzetten.",
    hoursPerWeek: 4,
    guidanceLevel: "intensive",
    places: 5,
    weekdayParts: ["tue-am"],
    displacementCheck: clean,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
}

const propose = (clientId: string, roleId: string, extra: Record<string, unknown> = {}) =>
  post("/placements", { clientId, roleId, guidanceOverrideReason: "Met de organisatie afgesproken.", ...extra });

const agreement = (overrides: Record<string, unknown> = {}) => ({
  startDate: today,
  endDate: addDays(today, 180),
  hoursPerWeek: 4,
  tasks: "Koffie schenken en gasten ontvangen op dinsdagochtend.",
  contactPerson: "Fatima, coördinator vrijwilligers",
  guidanceArrangement: "Elke week een kort gesprek na afloop.",
  ...overrides,
});
