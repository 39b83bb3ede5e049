import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays, todayInAmsterdam } from "@shared/dates.js";
import type { LightMyRequestResponse } from "fastify";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { committedHours } from "../plans/capacity.js";

// A role that turns out to replace paid work stops its placements at once: the running ones and the referrals end
// (reason roleRejected, attributable to the organisation), each client gets a letter and each consultant a work-queue
// item to find another activity. And a role is not approved on its host's word alone when it asks many hours, is
// done at night, or is in care or cleaning.

let t: TestApp;
let consultant: { authorization: string };
let host: { authorization: string };
let lead: { authorization: string };
let organisationId: string;
let spareClients: string[];
const today = todayInAmsterdam();

const clean = {
  paidInLastThreeYears: false,
  doneByPaidStaffElsewhere: false,
  wouldOtherwiseBePaid: false,
  partOfPaidService: false,
  recentStaffCuts: false,
};
const post = (url: string, headers: { authorization: string }, payload: object = {}) =>
  t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload });
const get = async (url: string, headers: { authorization: string }) => {
  const response = await t.app.inject({ url: `/api/v1${url}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
function takeClients(count: number): string[] {
  if (spareClients.length < count) throw new Error(`only ${spareClients.length} test clients left`);
  return spareClients.splice(0, count);
}

async function createRole(overrides: Record<string, unknown> = {}) {
  const response = await post("/roles", consultant, {
    organisationId,
    title: "Gastvrouw of gastheer koffieochtend",
    description: "Koffie schenken, mensen welkom heten, tafels klaarzetten.",
    hoursPerWeek: 4,
    guidanceLevel: "intensive",
    places: 30,
    weekdayParts: ["tue-am"],
    displacementCheck: clean,
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; status: string; statusReasonCodes: string[]; sector: string; atNight: boolean };
}

async function refer(clientId: string, roleId: string): Promise<string> {
  const response = await post("/placements", consultant, { clientId, roleId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** A running placement: referred, accepted and started by the host with a signed agreement. */
async function running(clientId: string, roleId: string): Promise<string> {
  const id = await refer(clientId, roleId);
  expect((await post(`/placements/${id}/accept`, host)).statusCode).toBe(200);
  const started = await post(`/placements/${id}/start`, host, {
    agreement: {
      startDate: today,
      endDate: addDays(today, 180),
      hoursPerWeek: 4,
      tasks: "Koffie schenken en gasten ontvangen op dinsdagochtend.",
      contactPerson: "Fatima, coördinator vrijwilligers",
      guidanceArrangement: "Elke week een kort gesprek na afloop.",
    },
  });
  expect(started.statusCode, started.body).toBe(200);
  return id;
}

const placementsOf = (roleId: string) =>
  t.db.kysely
    .selectFrom("placements")
    .select(["id", "client_id", "status", "end_reason", "attributable_to", "ended_on"])
    .where("role_id", "=", roleId)
    .execute();

const displacementLetters = (clientIds: string[]) =>
  t.db.kysely
    .selectFrom("letters")
    .select(["client_id", "subject", "pdf"])
    .where("client_id", "in", clientIds)
    .where("kind", "=", "placementEnded")
    .execute();

async function queueReasons(clientId: string): Promise<{ code: string; suggestedAction: string | null }[]> {
  const queue = await get("/work-queue?pageSize=200", consultant);
  return queue.items.find((item: { clientId: string }) => item.clientId === clientId)?.reasons ?? [];
}

async function fileComplaint(roleId: string): Promise<string> {
  const response = await t.app.inject({
    method: "POST",
    url: `/api/v1/roles/${roleId}/displacement-complaints`,
    payload: { filerKind: "employee", description: "Sinds de vrijwilligers er zijn, zijn mijn uren gehalveerd." },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

beforeAll(async () => {
  // Hosts answer referrals right after they are made: no hold for undoing.
  t = await createTestApp({ clients: 200, env: { NV_UNDO_HOLD_MINUTES: "0" } });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  host = await bearerFor(t.app, "organisatie@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  organisationId = (await get("/me", host)).organisationId;
  // Room to spare: the placements here test displacement, not guidance hours.
  await t.db.kysely.updateTable("organisations").set({ guidance_hours_per_week: 400 }).where("id", "=", organisationId).execute();
  const me = await get("/me", consultant);
  spareClients = (
    await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).orderBy("family_name").execute()
  ).map((r) => r.id);
  await t.db.kysely
    .updateTable("clients")
    .set({ capacity_hours_per_week: 12, guidance_need: "regular" })
    .where("id", "in", spareClients)
    .execute();
}, 120_000);
afterAll(() => t.close());

describe("a role that replaces paid work stops its placements", () => {
  it("an upheld complaint ends the running placement and the referrals, with a letter to each client and a queue item", async () => {
    const role = await createRole();
    const [active, accepted, proposed] = takeClients(3) as [string, string, string];
    await running(active, role.id);
    const acceptedId = await refer(accepted, role.id);
    expect((await post(`/placements/${acceptedId}/accept`, host)).statusCode).toBe(200);
    await refer(proposed, role.id);
    const guidanceBefore = await get(`/organisations/${organisationId}/guidance`, consultant);
    expect(await committedHours(t.db.kysely, active)).toBe(4);

    const complaint = await fileComplaint(role.id);
    const decided = await post(`/displacement-complaints/${complaint}/decision`, lead, {
      outcome: "upheld",
      reason: "Verdringing aangetoond: het werk deed tot vorig jaar een betaalde kracht.",
    });
    expect(decided.statusCode, decided.body).toBe(201);

    const placements = await placementsOf(role.id);
    expect(placements).toHaveLength(3);
    for (const placement of placements) {
      expect(placement).toMatchObject({ status: "ended", end_reason: "roleRejected", attributable_to: "organisation", ended_on: today });
    }
    // The client's hours and the organisation's guidance hours are free again.
    expect(await committedHours(t.db.kysely, active)).toBe(0);
    const guidanceAfter = await get(`/organisations/${organisationId}/guidance`, consultant);
    expect(guidanceAfter.demandHoursPerWeek).toBe(guidanceBefore.demandHoursPerWeek - 4); // two agreed, regular: 2 h each
    expect(guidanceAfter.proposedHoursPerWeek).toBe(guidanceBefore.proposedHoursPerWeek - 2);

    const letters = await displacementLetters([active, accepted, proposed]);
    expect(letters.map((l) => l.client_id).sort()).toEqual([active, accepted, proposed].sort());
    const activeLetter = expectDefined(letters.find((l) => l.client_id === active));
    expect(activeLetter.subject).toMatch(/stopt$/);
    const text = (await new PDFParse({ data: activeLetter.pdf }).getText()).text.replace(/\s+/g, " ");
    for (const expected of [
      "Het werk bleek betaald werk te vervangen.",
      "Het is niet uw schuld.",
      "Het heeft geen gevolgen voor uw uitkering.",
      "neemt contact met u op. Samen zoekt u een andere activiteit",
    ]) {
      expect(text).toContain(expected);
    }
    expect(expectDefined(letters.find((l) => l.client_id === proposed)).subject).toMatch(/gaat niet door$/);

    for (const client of [active, accepted, proposed]) {
      const reasons = await queueReasons(client);
      expect(reasons).toContainEqual({ code: "placementEndedByDisplacement", since: today, suggestedAction: "findOtherActivity" });
      // Not a dropout: there is nothing to ask the client about what happened.
      expect(reasons.map((r) => r.code)).not.toContain("newDropout");
    }
    const only = await get("/work-queue?reason=placementEndedByDisplacement&pageSize=200", consultant);
    expect(only.items.map((i: { clientId: string }) => i.clientId)).toEqual(expect.arrayContaining([active, accepted, proposed]));

    const after = await get(`/roles/${role.id}`, consultant);
    expect(after).toMatchObject({ status: "rejected", placesTaken: 0, placementsEndedByRejection: 3 });
    // Attributable to the organisation: no sanction can rest on it.
    const audit = await t.db.kysely
      .selectFrom("audit_events")
      .select(["action", "details"])
      .where("client_id", "=", active)
      .where("action", "=", "placement.end")
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(expectDefined(audit[0]).details ?? "{}")).toMatchObject({ reason: "roleRejected", attributableTo: "organisation" });
  });

  it("a dismissed complaint ends nothing", async () => {
    const role = await createRole();
    const [client] = takeClients(1) as [string];
    await running(client, role.id);
    const complaint = await fileComplaint(role.id);
    expect(
      (await post(`/displacement-complaints/${complaint}/decision`, lead, { outcome: "dismissed", reason: "Geen verdringing." }))
        .statusCode,
    ).toBe(201);
    expect((await placementsOf(role.id)).map((p) => p.status)).toEqual(["active"]);
    expect(await displacementLetters([client])).toHaveLength(0);
  });

  it("a later review rejects an approved role and ends its placements likewise", async () => {
    const role = await createRole();
    const [active, proposed] = takeClients(2) as [string, string];
    await running(active, role.id);
    await refer(proposed, role.id);
    expect((await get(`/roles/${role.id}`, lead)).abilities).toMatchObject({ review: false, reject: true });
    expect((await get(`/roles/${role.id}`, consultant)).abilities).toMatchObject({ review: false, reject: false });
    // A later review cannot approve what is approved; a consultant does not review.
    expect(
      (await post(`/roles/${role.id}/displacement-reviews`, lead, { outcome: "approved", reason: "Nog steeds goed." })).json().code,
    ).toBe("roleNotUnderReview");
    expect((await post(`/roles/${role.id}/displacement-reviews`, consultant, { outcome: "rejected", reason: "x" })).statusCode).toBe(403);
    expect((await placementsOf(role.id)).filter((p) => p.status !== "ended")).toHaveLength(2);

    const reviewed = await post(`/roles/${role.id}/displacement-reviews`, lead, {
      outcome: "rejected",
      reason: "Bij een bezoek bleek dat vrijwilligers het werk van de schoonmakers doen.",
    });
    expect(reviewed.statusCode, reviewed.body).toBe(201);
    expect(reviewed.json()).toMatchObject({ status: "rejected", placesTaken: 0, placementsEndedByRejection: 2 });
    expect(reviewed.json().abilities).toMatchObject({ review: false, reject: false });
    for (const placement of await placementsOf(role.id)) {
      expect(placement).toMatchObject({ status: "ended", end_reason: "roleRejected", attributable_to: "organisation" });
    }
    expect(await committedHours(t.db.kysely, active)).toBe(0);
    expect((await displacementLetters([active, proposed])).map((l) => l.client_id).sort()).toEqual([active, proposed].sort());
    expect((await queueReasons(active)).map((r) => r.code)).toContain("placementEndedByDisplacement");
    expect((await post(`/roles/${role.id}/displacement-reviews`, lead, { outcome: "rejected", reason: "Nog eens." })).json().code).toBe(
      "roleNotUnderReview",
    );
    const checks = await t.db.kysely.selectFrom("displacement_checks").select(["kind", "outcome"]).where("role_id", "=", role.id).execute();
    expect(checks).toEqual(
      expect.arrayContaining([
        { kind: "questionnaire", outcome: "approved" },
        { kind: "review", outcome: "rejected" },
      ]),
    );
  });

  it("a referral racing the rejection does not survive it", async () => {
    const role = await createRole();
    const clients = takeClients(12);
    const requests: Promise<LightMyRequestResponse>[] = clients.map((clientId) =>
      post("/placements", consultant, { clientId, roleId: role.id }),
    );
    requests.splice(
      6,
      0,
      post(`/roles/${role.id}/displacement-reviews`, lead, {
        outcome: "rejected",
        reason: "Verdringing: het werk is van de betaalde gastvrouw.",
      }),
    );
    const responses = await Promise.all(requests);
    const rejection = expectDefined(responses[6]);
    expect(rejection.statusCode, rejection.body).toBe(201);
    const referrals = responses.filter((r) => r !== rejection);
    for (const response of referrals) {
      if (response.statusCode === 201) continue;
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json().code).toBe("roleNotApproved");
    }
    // Every referral made before the rejection was ended by it, with its letter; none is open.
    const placements = await placementsOf(role.id);
    expect(placements.length).toBe(referrals.filter((r) => r.statusCode === 201).length);
    expect(placements.filter((p) => p.status !== "ended")).toEqual([]);
    for (const placement of placements) expect(placement).toMatchObject({ end_reason: "roleRejected", attributable_to: "organisation" });
    expect((await displacementLetters(placements.map((p) => p.client_id))).length).toBe(placements.length);
    expect((await get(`/roles/${role.id}`, consultant)).placesTaken).toBe(0);
  });
});

describe("a role is not approved on its host's word alone", () => {
  it("when it asks more hours than the ordinance's limit, is done at night, or is care or cleaning", async () => {
    expect(await createRole({ hoursPerWeek: 8 })).toMatchObject({ status: "approved", sector: "other", atNight: false });
    expect(await createRole({ hoursPerWeek: 12 })).toMatchObject({ status: "needsReview", statusReasonCodes: ["aboveSelfDeclaredMax"] });
    expect(await createRole({ hoursPerWeek: 24 })).toMatchObject({ status: "needsReview", statusReasonCodes: ["aboveWeeklyNorm"] });
    expect(await createRole({ atNight: true })).toMatchObject({ status: "needsReview", statusReasonCodes: ["atNight"], atNight: true });
    expect(await createRole({ sector: "care" })).toMatchObject({
      status: "needsReview",
      statusReasonCodes: ["riskSector"],
      sector: "care",
    });
    expect(await createRole({ sector: "cleaning" })).toMatchObject({ status: "needsReview" });
    expect(await createRole({ sector: "greenery" })).toMatchObject({ status: "approved", sector: "greenery" });
    expect(await createRole({ displacementCheck: { ...clean, doneByPaidStaffElsewhere: true } })).toMatchObject({
      status: "needsReview",
      statusReasonCodes: ["doneByPaidStaffElsewhere"],
    });
  });

  it("refuses an unknown sector, naming the field, and writes nothing", async () => {
    const before = await t.db.kysely
      .selectFrom("volunteer_roles")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const response = await post("/roles", consultant, {
      organisationId,
      title: "Nachtportier",
      description: "De deur openen voor bewoners.",
      hoursPerWeek: 4,
      guidanceLevel: "light",
      places: 1,
      displacementCheck: clean,
      sector: "security",
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().invalidParams)).toContain("sector");
    const after = await t.db.kysely
      .selectFrom("volunteer_roles")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
