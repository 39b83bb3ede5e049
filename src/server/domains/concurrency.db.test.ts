import { missedSecondIntake } from "@server/testing/sanction-facts.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays, todayInAmsterdam } from "@shared/dates.js";
import type { LightMyRequestResponse } from "fastify";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Each rule that counts what is already stored (capacity, places, guidance hours, slots, one draft, one sanction
// per fact) is hit by 20 requests at once. Afterwards the rule holds in the database, and every request either
// succeeded or was refused with 409 and the rule's code: never a 500.

const PARALLEL = 20;
const today = todayInAmsterdam();

let t: TestApp;
let consultant: { authorization: string };
let lead: { authorization: string };
let hostOrgId: string;
/** The consultant's clients, handed out so that no two tests share one. */
let spareClients: string[];

const inject = (method: "POST" | "PUT", url: string, payload: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: consultant, payload });
const atOnce = (count: number, request: (i: number) => Promise<LightMyRequestResponse>) =>
  Promise.all(Array.from({ length: count }, (_, i) => request(i)));

function takeClients(count: number): string[] {
  if (spareClients.length < count) throw new Error(`only ${spareClients.length} test clients left, ${count} wanted`);
  return spareClients.splice(0, count);
}

let placementClients: string[] | undefined;
/** The clients the placement tests refer: their roles differ, so they can share them. */
const clientsToPlace = () => {
  placementClients ??= takeClients(PARALLEL);
  return placementClients;
};

/** Every response is the success or a 409 with one of the codes; returns how many succeeded. */
function expectSuccessOrRefusal(responses: LightMyRequestResponse[], success: number, codes: string[]): number {
  for (const response of responses) {
    if (response.statusCode === success) continue;
    expect(response.statusCode, response.body).toBe(409);
    expect(codes, response.body).toContain(response.json().code);
  }
  return responses.filter((r) => r.statusCode === success).length;
}

const planStep = (hoursPerWeek: number, i: number) => ({
  type: "languageCourse",
  title: `Taalles ${i + 1}`,
  hoursPerWeek,
  startDate: today,
});

async function createRole(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await inject("POST", "/roles", {
    organisationId: hostOrgId,
    title: "Gastvrouw of gastheer koffieochtend",
    description: "Koffie schenken, mensen welkom heten, tafels klaarzetten.",
    hoursPerWeek: 2,
    guidanceLevel: "intensive",
    places: 30,
    weekdayParts: ["tue-am"],
    displacementCheck: {
      paidInLastThreeYears: false,
      doneByPaidStaffElsewhere: false,
      wouldOtherwiseBePaid: false,
      partOfPaidService: false,
      recentStaffCuts: false,
    },
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** Hours a week asked of a client who started without plan or placements: all plan steps and open placements. */
async function hoursAskedOf(clientId: string): Promise<number> {
  const steps = await t.db.kysely.selectFrom("plan_steps").select("hours_per_week").where("client_id", "=", clientId).execute();
  const placements = await t.db.kysely
    .selectFrom("placements")
    .select("hours_per_week")
    .where("client_id", "=", clientId)
    .where("status", "in", ["proposed", "accepted", "active"])
    .execute();
  return [...steps, ...placements].reduce((sum, row) => sum + row.hours_per_week, 0);
}

/** A client who missed an intake after a delivered invitation: the facts of a sanction proposal. */
async function missedIntake(): Promise<{ client: string; appointmentId: string; letterId: string }> {
  const [client] = takeClients(1) as [string];
  // The first missed intake is answered with a second invitation; the second one missed is a ground.
  return { client, ...(await missedSecondIntake(t.app, t.db, consultant, client)) };
}

const sanctionProposal = (appointmentId: string, letterId: string) => ({
  ground: "missedAppointments",
  factsDate: addDays(today, -3),
  facts: "Kwam niet naar de intake, na een aangetekende brief die is afgeleverd.",
  culpability: "full",
  circumstances: "Geen bijzondere omstandigheden bekend.",
  childrenInterests: null,
  urgentReasons: false,
  appointmentId,
  letterId,
});

beforeAll(async () => {
  t = await createTestApp({ clients: 400 });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  const host = await bearerFor(t.app, "organisatie@demo.local");
  hostOrgId = (await t.app.inject({ url: "/api/v1/me", headers: host })).json().organisationId;
  const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
  const visible = await t.db.kysely
    .selectFrom("clients")
    .select("id")
    .where((eb) => eb.or([eb("consultant_id", "=", me.id), eb("district", "=", "Charlois")]))
    .orderBy("id")
    .execute();
  spareClients = visible.map((r) => r.id);
  await t.db.kysely
    .updateTable("clients")
    .set({ capacity_hours_per_week: 40, guidance_need: "regular" })
    .where("id", "in", spareClients)
    .execute();
  const availability = await inject("PUT", "/me/availability", {
    blocks: [1, 2, 3, 4, 5].map((weekday) => ({
      weekday,
      startTime: "09:00",
      endTime: "16:00",
      slotMinutes: 30,
      location: "Wijkteam Charlois",
    })),
  });
  expect(availability.statusCode, availability.body).toBeLessThan(300);
}, 180_000);
afterAll(() => t?.close());

describe(`${PARALLEL} requests at once`, { timeout: 180_000 }, () => {
  it("store no more plan hours than the client's capacity", async () => {
    const [client] = takeClients(1) as [string];
    await t.db.kysely.updateTable("clients").set({ capacity_hours_per_week: 8 }).where("id", "=", client).execute();
    const responses = await atOnce(PARALLEL, (i) => inject("POST", `/clients/${client}/plan-steps`, planStep(2, i)));
    expect(expectSuccessOrRefusal(responses, 201, ["capacityExceeded"])).toBe(4);
    expect(await hoursAskedOf(client)).toBe(8);
  });

  it("keep plan steps and placements together within the client's capacity", async () => {
    const [client] = takeClients(1) as [string];
    await t.db.kysely.updateTable("clients").set({ capacity_hours_per_week: 8 }).where("id", "=", client).execute();
    const roles: string[] = [];
    for (let i = 0; i < PARALLEL / 2; i++) roles.push(await createRole());
    const responses = await atOnce(PARALLEL, (i) =>
      i % 2 === 0
        ? inject("POST", `/clients/${client}/plan-steps`, planStep(2, i))
        : inject("POST", "/placements", { clientId: client, roleId: roles[(i - 1) / 2] }),
    );
    expect(expectSuccessOrRefusal(responses, 201, ["capacityExceeded"])).toBe(4);
    expect(await hoursAskedOf(client)).toBe(8);
  });

  it("put no more placements in a role than it has places", async () => {
    const clients = clientsToPlace();
    const role = await createRole({ places: 1 });
    const responses = await atOnce(PARALLEL, (i) => inject("POST", "/placements", { clientId: clients[i], roleId: role }));
    expect(expectSuccessOrRefusal(responses, 201, ["roleFull"])).toBe(1);
    const held = await t.db.kysely
      .selectFrom("placements")
      .select("id")
      .where("role_id", "=", role)
      .where("status", "in", ["proposed", "accepted", "active"])
      .execute();
    expect(held).toHaveLength(1);
  });

  it("accept no more referrals than the organisation has guidance hours for", async () => {
    const organisation = await inject("POST", "/organisations", {
      name: "Buurthuis De Esch",
      kvkNumber: "12345678",
      postcode: "3084 AB",
      houseNumber: 3,
      guidanceHoursPerWeek: 6,
    });
    expect(organisation.statusCode, organisation.body).toBe(201);
    const organisationId: string = organisation.json().id;
    const role = await createRole({ organisationId });
    const placements: string[] = [];
    for (const clientId of clientsToPlace()) {
      const proposed = await inject("POST", "/placements", { clientId, roleId: role });
      expect(proposed.statusCode, proposed.body).toBe(201);
      placements.push(proposed.json().id);
    }
    const responses = await atOnce(PARALLEL, (i) => inject("POST", `/placements/${placements[i]}/accept`, {}));
    // A client who needs regular guidance asks the ordinance's 2 hours a week of it: 3 fit in 6.
    expect(expectSuccessOrRefusal(responses, 200, ["guidanceExceeded"])).toBe(3);
    const accepted = await t.db.kysely
      .selectFrom("placements")
      .select("guidance_level")
      .where("organisation_id", "=", organisationId)
      .where("status", "in", ["accepted", "active"])
      .execute();
    expect(accepted.map((p) => p.guidance_level)).toEqual(["regular", "regular", "regular"]);
  });

  it("give every invited client an intake slot of their own in the consultant's agenda", async () => {
    // Invitations do not look at placements, so the placed clients can be invited too.
    const clients = [...clientsToPlace(), ...takeClients(PARALLEL)];
    const responses = await atOnce(PARALLEL, (i) => inject("POST", "/invitations", { clientIds: [clients[2 * i], clients[2 * i + 1]] }));
    // All 20 requests compete for the same first free slots, and each takes the next free ones instead of failing.
    expect(expectSuccessOrRefusal(responses, 201, [])).toBe(PARALLEL);
    const answered = responses.flatMap((r) =>
      r.json().items.map((item: { appointment: { startsAt: string } }) => item.appointment.startsAt),
    );
    expect(new Set(answered).size).toBe(2 * PARALLEL);
    const live = await t.db.kysely
      .selectFrom("appointments")
      .select(["consultant_id", "starts_at"])
      .where("client_id", "in", clients)
      .where("status", "!=", "cancelled")
      .execute();
    expect(live).toHaveLength(2 * PARALLEL);
    expect(new Set(live.map((a) => `${a.consultant_id} ${a.starts_at}`)).size).toBe(live.length);
    expect(new Set(live.map((a) => a.starts_at))).toEqual(new Set(answered));
    // A request that lost its first slots got new letters: each letter names the slot its client got.
    const when = new Intl.DateTimeFormat("nl-NL", {
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Europe/Amsterdam",
    });
    for (const item of responses.flatMap((r) => r.json().items as { letterId: string; appointment: { startsAt: string } }[])) {
      const pdf = await t.app.inject({ url: `/api/v1/letters/${item.letterId}/pdf`, headers: consultant });
      const text = (await new PDFParse({ data: pdf.rawPayload }).getText()).text.replace(/\s+/g, " ");
      const parts = Object.fromEntries(when.formatToParts(new Date(item.appointment.startsAt)).map((p) => [p.type, p.value]));
      expect(text).toContain(`${parts.day} ${parts.month} ${parts.year}`);
      expect(text).toContain(`Tijd: ${parts.hour}:${parts.minute} uur`);
    }
  });

  it("give a client one planned intake", async () => {
    const [client] = takeClients(1) as [string];
    const responses = await atOnce(PARALLEL, () => inject("POST", "/invitations", { clientIds: [client] }));
    expect(expectSuccessOrRefusal(responses, 201, ["alreadyInvited"])).toBe(1);
    const planned = await t.db.kysely
      .selectFrom("appointments")
      .select("id")
      .where("client_id", "=", client)
      .where("kind", "=", "intake")
      .where("status", "=", "planned")
      .execute();
    expect(planned).toHaveLength(1);
  });

  it("open one plan draft for the client and put every step in it", async () => {
    const [client] = takeClients(1) as [string];
    const responses = await atOnce(PARALLEL, (i) => inject("POST", `/clients/${client}/plan-steps`, planStep(1, i)));
    expect(expectSuccessOrRefusal(responses, 201, [])).toBe(PARALLEL);
    const drafts = await t.db.kysely
      .selectFrom("plans")
      .select("id")
      .where("client_id", "=", client)
      .where("status", "=", "draft")
      .execute();
    expect(drafts).toHaveLength(1);
    const steps = await t.db.kysely
      .selectFrom("plan_steps")
      .select("position")
      .where("plan_id", "=", drafts[0]?.id ?? "")
      .execute();
    expect(steps.map((s) => s.position).sort((a, b) => a - b)).toEqual(Array.from({ length: PARALLEL }, (_, i) => i + 1));
  });

  it("propose one sanction for one missed appointment", async () => {
    const { client, appointmentId, letterId } = await missedIntake();
    const responses = await atOnce(PARALLEL, () =>
      inject("POST", `/clients/${client}/sanctions`, sanctionProposal(appointmentId, letterId)),
    );
    expect(expectSuccessOrRefusal(responses, 201, ["duplicateFact"])).toBe(1);
    const sanctions = await t.db.kysely.selectFrom("sanctions").select("id").where("appointment_id", "=", appointmentId).execute();
    expect(sanctions).toHaveLength(1);
  });

  it("send one hearing invitation for a sanction", async () => {
    const { client, appointmentId, letterId } = await missedIntake();
    const proposed = await inject("POST", `/clients/${client}/sanctions`, sanctionProposal(appointmentId, letterId));
    expect(proposed.statusCode, proposed.body).toBe(201);
    const id: string = proposed.json().id;
    const invitations = await atOnce(PARALLEL, () => inject("POST", `/sanctions/${id}/hearing-invitation`, {}));
    expect(expectSuccessOrRefusal(invitations, 200, ["hearingAlreadyInvited"])).toBe(1);
    const letters = await t.db.kysely
      .selectFrom("letters")
      .select("id")
      .where("client_id", "=", client)
      .where("kind", "=", "sanctionHearing")
      .execute();
    const sanction = await t.db.kysely.selectFrom("sanctions").select("hearing_letter_id").where("id", "=", id).executeTakeFirstOrThrow();
    expect(letters.map((l) => l.id)).toEqual([sanction.hearing_letter_id]);
  });

  it("record one hearing of a sanction, and one decision", async () => {
    const { client, appointmentId, letterId } = await missedIntake();
    const proposed = await inject("POST", `/clients/${client}/sanctions`, sanctionProposal(appointmentId, letterId));
    expect(proposed.statusCode, proposed.body).toBe(201);
    const id: string = proposed.json().id;

    const record = (i: number) => `Gesprek ${i + 1}: de cliënt legt uit waarom de intake werd gemist.`;
    const hearings = await atOnce(PARALLEL, (i) =>
      inject("POST", `/sanctions/${id}/hearing`, { heldOn: today, channel: "inPerson", record: record(i) }),
    );
    expect(expectSuccessOrRefusal(hearings, 200, ["alreadyHeard", "hearingChanged"])).toBe(1);
    const heardBy = hearings.findIndex((r) => r.statusCode === 200);
    const heard = await t.db.kysely.selectFrom("sanctions").select("hearing_record").where("id", "=", id).executeTakeFirstOrThrow();
    expect(heard.hearing_record).toBe(record(heardBy));

    const reasons = (i: number) => `Besluit ${i + 1}: de intake is zonder goede reden gemist.`;
    const decisions = await atOnce(PARALLEL, (i) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/sanctions/${id}/decision`,
        headers: lead,
        payload: { outcome: "imposed", reasons: reasons(i) },
      }),
    );
    expect(expectSuccessOrRefusal(decisions, 200, ["sanctionDecided"])).toBe(1);
    const decidedBy = decisions.findIndex((r) => r.statusCode === 200);
    const decided = await t.db.kysely
      .selectFrom("sanctions")
      .select(["status", "decision_reasons", "decision_letter_id"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(decided).toMatchObject({ status: "decided", decision_reasons: reasons(decidedBy) });
    const events = await t.db.kysely
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", id)
      .where("action", "in", ["sanction.hearing", "sanction.decide"])
      .execute();
    expect(events.map((e) => e.action).sort()).toEqual(["sanction.decide", "sanction.hearing"]);
    const letters = await t.db.kysely
      .selectFrom("letters")
      .select("id")
      .where("client_id", "=", client)
      .where("kind", "=", "sanctionDecision")
      .execute();
    expect(letters.map((l) => l.id)).toEqual([decided.decision_letter_id]);
  });
});
