import { TestClock } from "@server/clock.js";
import { objectionTermEndsOn } from "@server/domains/decisions/decisions.rules.js";
import { formatDutchDate } from "@server/letters/pdf.js";
import { confirmedPlanStep, missedIntake as firstMissedIntake, missedSecondIntake } from "@server/testing/sanction-facts.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays, addMonths } from "@shared/dates.js";
import type { Attribution, EndReason } from "@shared/schemas/placements.js";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
// Every session below is one of these two objects, logged in again in place when the clock moves.
const consultant = { authorization: "" };
const lead = { authorization: "" };
let clientIds: string[];
// The app reads this clock: a test that needs a term to have passed acts on an earlier date, then comes back to today.
const clock = new TestClock();
const today = clock.today();
const post = (url: string, payload: unknown, headers = consultant) =>
  t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload: payload as object });
const sanctionCount = async (clientId: string) =>
  (await t.db.kysely.selectFrom("sanctions").select("id").where("client_id", "=", clientId).execute()).length;

/** Logs the consultant and the team lead in: a session ends when the clock moves on past its idle time. */
async function logIn(): Promise<void> {
  Object.assign(consultant, await bearerFor(t.app, "consulent@demo.local"));
  Object.assign(lead, await bearerFor(t.app, "teamleider@demo.local"));
}

/** Does `act` on another date, then sets the clock back to today. */
async function onDate<T>(date: string, act: () => Promise<T>): Promise<T> {
  clock.set(date);
  await logIn();
  try {
    return await act();
  } finally {
    clock.set(today);
    await logIn();
  }
}

/** A date far enough back that a hearing invitation sent on it has had its term (two weeks) pass by today. */
const beforeHearingTerm = addDays(today, -15);

/** A second intake missed after a first, its letter delivered (or not): the facts of a missedAppointments proposal. */
const missedIntake = (clientId: string, delivery: "delivered" | "returned" = "delivered") =>
  missedSecondIntake(t.app, t.db, consultant, clientId, delivery);

/** A step of the client's confirmed plan and what was not done: the facts of an insufficientEffort proposal. */
const effort = async (clientId: string) => ({
  ground: "insufficientEffort",
  planStepId: (await confirmedPlanStep(t.db, clientId, addDays(today, -60))).planStepId,
  notDone: "Kwam drie weken niet naar de taalcursus en meldde zich niet af.",
});

const proposal = (overrides: Record<string, unknown> = {}) => ({
  ground: "missedAppointments",
  factsDate: addDays(clock.today(), -3),
  facts: "Kwam twee keer niet naar de intake, na een aangetekende brief die is afgeleverd.",
  culpability: "full",
  circumstances: "Geen bijzondere omstandigheden bekend; de cliënt reageerde niet op telefoontjes.",
  childrenInterests: null,
  urgentReasons: false,
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp({ clients: 120, clock });
  await logIn();
  const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
  clientIds = (await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).limit(24).execute()).map(
    (r) => r.id,
  );
  await t.app.inject({
    method: "PUT",
    url: "/api/v1/me/availability",
    headers: consultant,
    payload: {
      blocks: [1, 2, 3, 4, 5].map((weekday) => ({
        weekday,
        startTime: "09:00",
        endTime: "16:00",
        slotMinutes: 30,
        location: "Wijkteam Charlois",
      })),
    },
  });
});
afterAll(() => t.close());

/** The i-th client picked for these tests. */
function clientAt(index: number): string {
  const id = clientIds[index];
  if (!id) throw new Error(`No client ${index}: the seeded population is too small`);
  return id;
}

describe("a proposal is refused by rule, and stores nothing", () => {
  it("notCulpable: no sanction without culpability", async () => {
    const client = clientAt(0);
    const facts = await missedIntake(client);
    const response = await post(`/clients/${client}/sanctions`, proposal({ ...facts, culpability: "none" }));
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("notCulpable");
    expect(await sanctionCount(client)).toBe(0);
  });

  it("activeExemption: a full exemption covers the period", async () => {
    const client = clientAt(1);
    const facts = await missedIntake(client);
    await post(`/clients/${client}/exemptions`, {
      type: "medical",
      scope: "full",
      startDate: addDays(today, -10),
      reviewDate: addMonths(today, 3),
      reason: "Opname in het ziekenhuis.",
    });
    const response = await post(`/clients/${client}/sanctions`, proposal(facts));
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("activeExemption");
    expect(await sanctionCount(client)).toBe(0);
  });

  it("letterNotDelivered: the invitation came back", async () => {
    const client = clientAt(2);
    const facts = await missedIntake(client, "returned");
    const response = await post(`/clients/${client}/sanctions`, proposal(facts));
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("letterNotDelivered");
    expect(await sanctionCount(client)).toBe(0);
  });

  it("dropoutNotAttributable: the placement ended because of the organisation, health, caregiving or no one", async () => {
    const client = clientAt(3);
    const notTheClient: Attribution[] = ["organisation", "health", "caregiving", "none"];
    for (const attributableTo of notTheClient) {
      const id = await endedPlacement(client, attributableTo);
      const response = await post(`/clients/${client}/sanctions`, proposal({ ground: "stoppedPlacementWithoutReason", placementId: id }));
      expect(response.statusCode, attributableTo).toBe(409);
      expect(response.json().code).toBe("dropoutNotAttributable");
    }
    expect(await sanctionCount(client)).toBe(0);
    // Each refusal is counted for oversight, by its rule.
    const refusals = await t.db.kysely
      .selectFrom("audit_events")
      .select("details")
      .where("action", "=", "sanction.refused")
      .where("client_id", "=", client)
      .execute();
    expect(refusals.map((r) => JSON.parse(r.details ?? "{}").code)).toEqual([
      "dropoutNotAttributable",
      "dropoutNotAttributable",
      "dropoutNotAttributable",
      "dropoutNotAttributable",
    ]);
  });
});

/** A placement of the client that ended on a date, attributed as given (undetermined: waiting for the consultant). */
async function endedPlacement(
  client: string,
  attributableTo: Attribution | "undetermined",
  endedOn = addDays(today, -5),
  endReason: EndReason = "other",
): Promise<string> {
  const role = await t.db.kysely
    .selectFrom("volunteer_roles")
    .select(["id", "organisation_id"])
    .where("status", "=", "approved")
    .executeTakeFirstOrThrow();
  const id = crypto.randomUUID();
  const now = clock.now().toISOString();
  await t.db.kysely
    .insertInto("placements")
    .values({
      id,
      client_id: client,
      role_id: role.id,
      organisation_id: role.organisation_id,
      status: "ended",
      hours_per_week: 4,
      guidance_level: "light",
      guidance_override_reason: null,
      proposed_by: null,
      decision_reason: null,
      decided_by: null,
      started_on: addDays(endedOn, -60),
      ended_on: endedOn,
      end_reason: endReason,
      end_note: null,
      attributable_to: attributableTo as Attribution,
      ordinance_version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

describe("every ground needs its evidence, refused by rule", () => {
  const refusal = async (client: string, body: Record<string, unknown>) => {
    const response = await post(`/clients/${client}/sanctions`, proposal(body));
    expect(response.statusCode, response.body).toBe(409);
    return response.json().code as string;
  };

  it("attributionPending: the ending waits for the consultant to determine who ended it", async () => {
    const client = clientAt(11);
    const id = await endedPlacement(client, "undetermined");
    expect(await refusal(client, { ground: "stoppedPlacementWithoutReason", placementId: id })).toBe("attributionPending");
    // Nor as insufficient effort about the same weeks: no side door.
    expect(await refusal(client, await effort(client))).toBe("attributionPending");
    expect(await sanctionCount(client)).toBe(0);
  });

  it("dropoutNotAttributable: insufficientEffort is no side door around an ending attributed to the organisation", async () => {
    const client = clientAt(12);
    await endedPlacement(client, "organisation", addDays(today, -20));
    expect(await refusal(client, await effort(client))).toBe("dropoutNotAttributable");
    expect(await refusal(client, { ground: "refusedContribution", ...(await confirmedPlanStep(t.db, client, addDays(today, -60))) })).toBe(
      "dropoutNotAttributable",
    );
    expect(await sanctionCount(client)).toBe(0);
    // A missed second intake is a fact of its own, and an ending attributed to the client carries a sanction.
    expect((await post(`/clients/${client}/sanctions`, proposal(await missedIntake(client)))).statusCode).toBe(201);
    const byClient = await endedPlacement(clientAt(13), "client");
    const stopped = await post(
      `/clients/${clientAt(13)}/sanctions`,
      proposal({ ground: "stoppedPlacementWithoutReason", placementId: byClient }),
    );
    expect(stopped.statusCode, stopped.body).toBe(201);
  });

  it("secondInvitationFirst: the first missed intake is answered with a second invitation", async () => {
    const client = clientAt(14);
    const first = await firstMissedIntake(t.app, t.db, consultant, client);
    expect(await refusal(client, first)).toBe("secondInvitationFirst");
    const second = await firstMissedIntake(t.app, t.db, consultant, client);
    const proposed = await post(`/clients/${client}/sanctions`, proposal(second));
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.json()).toMatchObject({ appointmentId: second.appointmentId });
  });

  it("letterRequired: a refused contribution names the delivered letter or the confirmed plan that asked it", async () => {
    const client = clientAt(15);
    expect(await refusal(client, { ground: "refusedContribution" })).toBe("letterRequired");
    const draft = crypto.randomUUID();
    await t.db.kysely
      .insertInto("plans")
      .values({
        id: draft,
        client_id: client,
        version: 99,
        status: "draft",
        reporting_frequency_weeks: 4,
        confirmed_on: null,
        confirmed_by: null,
        letter_id: null,
        created_by: null,
        created_at: clock.now().toISOString(),
      })
      .execute();
    expect(await refusal(client, { ground: "refusedContribution", planId: draft })).toBe("letterRequired");
    const unknown = await post(`/clients/${client}/sanctions`, proposal({ ground: "refusedContribution", planId: crypto.randomUUID() }));
    expect(unknown.json().invalidParams[0]).toMatchObject({ name: "planId", code: "unknownPlan" });
    const { planId } = await confirmedPlanStep(t.db, client, addDays(today, -60));
    const proposed = await post(`/clients/${client}/sanctions`, proposal({ ground: "refusedContribution", planId }));
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.json().planId).toBe(planId);
  });

  it("noObligation: insufficient effort names the plan step or placement and what was not done", async () => {
    const client = clientAt(16);
    const { planStepId } = await confirmedPlanStep(t.db, client, addDays(today, -60));
    expect(await refusal(client, { ground: "insufficientEffort" })).toBe("noObligation");
    expect(await refusal(client, { ground: "insufficientEffort", planStepId })).toBe("noObligation");
    // A placement completed as agreed last week is no dropout: it leaves no side door to close.
    await endedPlacement(client, "none", addDays(today, -7), "completed");
    const proposed = await post(
      `/clients/${client}/sanctions`,
      proposal({ ground: "insufficientEffort", planStepId, notDone: "Niet gekomen." }),
    );
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.json()).toMatchObject({ planStepId, notDone: "Niet gekomen." });
  });

  it("duplicateFact: the same fact is sanctioned once, also when proposed at the same moment", async () => {
    const client = clientAt(13);
    const facts = await effort(client);
    expect((await post(`/clients/${client}/sanctions`, proposal(facts))).statusCode).toBe(201);
    expect(await refusal(client, { ...facts, notDone: "Anders verwoord, hetzelfde feit." })).toBe("duplicateFact");
    const parallel = await effort(client);
    const responses = await Promise.all(Array.from({ length: 4 }, () => post(`/clients/${client}/sanctions`, proposal(parallel))));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    expect(responses.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual([
      "duplicateFact",
      "duplicateFact",
      "duplicateFact",
    ]);
    const stored = await t.db.kysely.selectFrom("sanctions").select("id").where("plan_step_id", "=", parallel.planStepId).execute();
    expect(stored).toHaveLength(1);
  });

  it("factsTooOld: facts older than the ordinance's maximum age are no ground", async () => {
    const client = clientAt(14);
    const facts = await effort(client);
    expect(await refusal(client, { ...facts, factsDate: addDays(today, -91) })).toBe("factsTooOld");
    expect((await post(`/clients/${client}/sanctions`, proposal({ ...facts, factsDate: addDays(today, -90) }))).statusCode).toBe(201);
  });

  it("urgentReasons: imposing waits for a new weighing that they no longer apply, named in the letter; refraining is always possible", async () => {
    const client = clientAt(15);
    const urgent = { urgentReasons: true, urgentReasonsNote: "Dreigende huisuitzetting." };
    const proposed = (await post(`/clients/${client}/sanctions`, proposal({ ...(await effort(client)), ...urgent }))).json();
    await post(`/sanctions/${proposed.id}/hearing`, { heldOn: today, channel: "phone", record: "Geen reden." });
    const read = (await t.app.inject({ url: `/api/v1/sanctions/${proposed.id}`, headers: lead })).json();
    expect(read.abilities).toMatchObject({ decide: true, impose: false });
    for (const outcome of ["imposed", "imposedLower"]) {
      const refused = await post(
        `/sanctions/${proposed.id}/decision`,
        { outcome, reasons: "Verwijtbaar.", months: 1, percentage: 1 },
        lead,
      );
      expect(refused.statusCode, outcome).toBe(409);
      expect(refused.json().code).toBe("urgentReasons");
    }
    const decided = await post(
      `/sanctions/${proposed.id}/decision`,
      {
        outcome: "imposed",
        reasons: "Verwijtbaar.",
        urgentReasonsLapsed: { reasons: "De huurachterstand is inmiddels betaald; de uitzetting gaat niet door." },
      },
      lead,
    );
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().urgentReasonsLapsed).toMatchObject({
      reasons: "De huurachterstand is inmiddels betaald; de uitzetting gaat niet door.",
      by: expect.any(String),
    });
    const letter = await t.db.kysely
      .selectFrom("letters")
      .select("pdf")
      .where("id", "=", decided.json().decisionLetterId)
      .executeTakeFirstOrThrow();
    const text = (await new PDFParse({ data: Buffer.from(letter.pdf) }).getText()).text.replace(/\s+/g, " ");
    expect(text).toContain("De huurachterstand is inmiddels betaald");
    // Refraining needs no new weighing.
    const other = (await post(`/clients/${client}/sanctions`, proposal({ ...(await effort(client)), ...urgent }))).json();
    await post(`/sanctions/${other.id}/hearing`, { heldOn: today, channel: "phone", record: "Geen reden." });
    expect((await post(`/sanctions/${other.id}/decision`, { outcome: "refrained", reasons: "Dringende redenen." }, lead)).statusCode).toBe(
      200,
    );
  });
});

/** A second team lead over the demo districts, not involved in the first one's decisions. */
async function secondLead(): Promise<{ authorization: string }> {
  const email = "teamleider-bezwaar@demo.local";
  const admin = await bearerFor(t.app, "admin@demo.local");
  await post(
    "/users",
    { email, displayName: "Bo Bezwaar", role: "teamLead", districts: ["Charlois", "Overschie"], password: "bezwaar-bezwaar" },
    admin,
  );
  return bearerFor(t.app, email, "bezwaar-bezwaar");
}

describe("due process from proposal to objection", () => {
  let sanctionId: string;
  let client: string;

  it("refuses the proposer as decision-maker and a decision without a hearing", async () => {
    client = clientAt(4);
    // Proposed and invited to a hearing fifteen days ago.
    await onDate(beforeHearingTerm, async () => {
      const facts = await missedIntake(client);
      const proposed = await post(`/clients/${client}/sanctions`, proposal(facts));
      expect(proposed.statusCode).toBe(201);
      sanctionId = proposed.json().id;
      // missedAppointments starts at level 1 of the scale: 5 % for one month.
      expect(proposed.json()).toMatchObject({
        status: "proposed",
        recurrence: 1,
        proposedLevel: { level: 1, percentage: 5, months: 1, ordinanceVersion: 1 },
      });

      const byLead = (await post(`/clients/${clientIds[5]}/sanctions`, proposal(await missedIntake(clientAt(5))), lead)).json();
      const own = await post(`/sanctions/${byLead.id}/decision`, { outcome: "imposed", reasons: "Eigen voorstel." }, lead);
      expect(own.statusCode).toBe(403);
      expect(own.json().code).toBe("sameDecisionMaker");
      // The read says why the decide action is absent, by the same rule's code; the consultant's role never decides.
      const ownRead = (await t.app.inject({ url: `/api/v1/sanctions/${byLead.id}`, headers: lead })).json();
      expect(ownRead).toMatchObject({ abilities: { decide: false }, decideRefusal: "sameDecisionMaker" });
      expect((await t.app.inject({ url: `/api/v1/sanctions/${byLead.id}`, headers: consultant })).json().decideRefusal).toBeNull();

      const unheard = await post(`/sanctions/${sanctionId}/decision`, { outcome: "imposed", reasons: "Geen reden opgegeven." }, lead);
      expect(unheard.statusCode).toBe(409);
      expect(unheard.json().code).toBe("hearingRequired");
      // An invitation alone is not enough: it must be delivered and its term passed.
      const invited = (await post(`/sanctions/${sanctionId}/hearing-invitation`, {})).json();
      expect(invited.hearing).toMatchObject({ respondBy: addDays(beforeHearingTerm, 14), letterDelivery: "sent" });
      await post(`/letters/${invited.hearing.letterId}/deliveries`, { status: "delivered" });
      expect((await post(`/sanctions/${sanctionId}/decision`, { outcome: "imposed", reasons: "x" }, lead)).json().code).toBe(
        "hearingRequired",
      );
      // Still within the term on its last day.
      clock.set(addDays(beforeHearingTerm, 14));
      await logIn();
      expect((await post(`/sanctions/${sanctionId}/decision`, { outcome: "imposed", reasons: "x" }, lead)).json().code).toBe(
        "hearingRequired",
      );
    });
    const afterTerm = (await t.app.inject({ url: `/api/v1/sanctions/${sanctionId}`, headers: lead })).json();
    expect(afterTerm.status).toBe("proposed");
    // Here the hearing does take place after all, by phone.
    const heard = await post(`/sanctions/${sanctionId}/hearing`, {
      heldOn: today,
      channel: "phone",
      record: "De cliënt zegt dat hij de brief wel kreeg maar de datum vergat.",
    });
    expect(heard.json().hearing).toMatchObject({ channel: "phone", heldOn: today });
  });

  it("allows a decision without a hearing once a delivered invitation's term has passed", async () => {
    const other = clientAt(6);
    const proposed = await onDate(beforeHearingTerm, async () => {
      const sanction = (
        await post(`/clients/${other}/sanctions`, proposal({ ...(await missedIntake(other)), culpability: "reduced" }))
      ).json();
      const invited = (await post(`/sanctions/${sanction.id}/hearing-invitation`, {})).json();
      await post(`/letters/${invited.hearing.letterId}/deliveries`, { status: "delivered" });
      return sanction;
    });
    const decided = await post(
      `/sanctions/${proposed.id}/decision`,
      { outcome: "refrained", reasons: "Geen reactie, maar verminderd verwijtbaar en schulden: afzien." },
      lead,
    );
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      outcome: "refrained",
      percentage: null,
      reconsiderBy: null,
      decisionLetterId: expect.any(String),
    });
  });

  it("decides at the ordinance's level, with a reconsideration within three months and one decision letter", async () => {
    const decided = await post(
      `/sanctions/${sanctionId}/decision`,
      { outcome: "imposed", reasons: "Verwijtbaar: de brief is afgeleverd en er was geen bericht van verhindering." },
      lead,
    );
    expect(decided.statusCode, decided.body).toBe(200);
    const body = decided.json();
    expect(body).toMatchObject({
      status: "decided",
      outcome: "imposed",
      level: 1,
      percentage: 5,
      months: 1,
      ordinanceVersion: 1,
      reconsiderBy: addMonths(today, 3),
    });
    expect(body.reconsiderBy <= addMonths(today, 3)).toBe(true);

    const again = await post(`/sanctions/${sanctionId}/decision-letter`, {}, lead);
    expect(again.json().letterId).toBe(body.decisionLetterId);
    const letters = await t.db.kysely
      .selectFrom("letters")
      .select(["id", "sha256", "pdf"])
      .where("client_id", "=", client)
      .where("kind", "=", "sanctionDecision")
      .execute();
    expect(letters).toHaveLength(1);
    const text = (await new PDFParse({ data: Buffer.from(letters[0]?.pdf ?? []) }).getText()).text.replace(/\s+/g, " ");
    expect(text).toContain("Artikel 18, tweede lid, van de Participatiewet");
    expect(text).toContain("5 procent van de bijstandsnorm");
    expect(text).toContain("Dat moet binnen zes weken");
    expect(text).toContain(`tot en met ${formatDutchDate(objectionTermEndsOn(today))}`);
    expect(body.decisionId).toEqual(expect.any(String));
    const decision = (await t.app.inject({ url: `/api/v1/decisions/${body.decisionId}`, headers: lead })).json();
    expect(decision).toMatchObject({
      type: "sanctionImposed",
      letterId: body.decisionLetterId,
      objectionTermEndsOn: objectionTermEndsOn(today),
    });

    // Near its date the reconsideration reaches the work queue, and not before.
    const queued = async () =>
      (await t.app.inject({ url: "/api/v1/work-queue?reason=reconsiderationDue&pageSize=200", headers: consultant }))
        .json()
        .items.map((i: { clientId: string }) => i.clientId);
    expect(await queued()).not.toContain(client);
    expect(await onDate(addDays(body.reconsiderBy, -5), queued)).toContain(client);
  });

  it("an objection against the decision, well founded, revokes the sanction (to be repaid) and leaves the imposed totals", async () => {
    // The figures' sanctions table, its totals over the last year: imposed (and not revoked), revoked on objection.
    const statistics = async () => {
      const query = `from=${addMonths(today, -12)}&to=${today}&groupBy=year`;
      const table = (await t.app.inject({ url: `/api/v1/statistics/overview?${query}`, headers: lead }))
        .json()
        .tables.find((candidate: { id: string }) => candidate.id === "sanctions");
      const total = (key: string) => table.totals[table.measures.findIndex((m: { key: string }) => m.key === key)];
      return { imposed: total("imposed"), revoked: total("revokedOnObjection") };
    };
    const imposedBefore = (await statistics()).imposed;
    const sanction = (await t.app.inject({ url: `/api/v1/sanctions/${sanctionId}`, headers: lead })).json();
    const objected = await post(`/decisions/${sanction.decisionId}/objections`, {
      receivedOn: today,
      grounds: "Ik was die dag in het ziekenhuis; de brief van het ziekenhuis stuur ik mee.",
    });
    expect(objected.statusCode, objected.body).toBe(201);
    const objectionId = objected.json().id;
    const second = await secondLead();
    await post(`/objections/${objectionId}/hearing-waiver`, { reason: "fullyUpheld", note: "Ziekenhuisopname aangetoond." }, second);
    const upheld = await post(
      `/objections/${objectionId}/outcome`,
      { outcome: "wellFounded", reasons: "Ziekenhuisopname aangetoond: niet verwijtbaar." },
      second,
    );
    expect(upheld.statusCode, upheld.body).toBe(200);
    const after = (await t.app.inject({ url: `/api/v1/sanctions/${sanctionId}`, headers: lead })).json();
    expect(after.revoked).toBe(true);
    const onObjection = (await t.app.inject({ url: `/api/v1/decisions/${upheld.json().outcomeDecisionId}`, headers: lead })).json();
    expect(onObjection).toMatchObject({ type: "objectionDecision", replacesDecisionId: sanction.decisionId, objectionTermEndsOn: null });
    expect(onObjection.summary).toContain("betalen wij aan u terug");
    const figures = await statistics();
    expect(figures.imposed).toBe(imposedBefore - 1);
    expect(figures.revoked).toBe(1);
  });

  it("a partly well-founded objection lowers the sanction, refusing a sanction that is not milder", async () => {
    const other = clientAt(7);
    const proposed = (await post(`/clients/${other}/sanctions`, proposal(await missedIntake(other)))).json();
    await post(`/sanctions/${proposed.id}/hearing`, { heldOn: today, channel: "inPerson", record: "Vergeten door drukte thuis." });
    const decided = (await post(`/sanctions/${proposed.id}/decision`, { outcome: "imposed", reasons: "Verwijtbaar." }, lead)).json();
    const objected = (
      await post(`/decisions/${decided.decisionId}/objections`, { receivedOn: today, grounds: "Te zwaar voor een eerste keer." })
    ).json();
    expect(objected.onTime).toBe(true);
    const second = await secondLead();
    const objectionId = objected.id;
    await post(`/objections/${objectionId}/hearings`, { heldOn: today, record: "De cliënt legt uit: het was druk thuis." }, second);
    const higher = await post(`/objections/${objectionId}/outcome`, { outcome: "partlyWellFounded", reasons: "x", percentage: 50 }, second);
    expect(higher.json().invalidParams[0]).toMatchObject({ name: "percentage", code: "notLower" });
    const partly = await post(
      `/objections/${objectionId}/outcome`,
      { outcome: "partlyWellFounded", reasons: "Eerste keer: de helft.", percentage: 2.5 },
      second,
    );
    expect(partly.statusCode, partly.body).toBe(200);
    const after = (await t.app.inject({ url: `/api/v1/sanctions/${proposed.id}`, headers: lead })).json();
    expect(after).toMatchObject({ revoked: false, percentage: 2.5, months: 1 });
    // Reading sanctions is a sensitive read.
    await t.app.inject({ url: `/api/v1/clients/${other}/sanctions`, headers: consultant });
    const reads = await t.db.kysely
      .selectFrom("audit_events")
      .select("category")
      .where("action", "=", "sanction.list")
      .where("client_id", "=", other)
      .execute();
    expect(reads).toEqual([{ category: "read:sensitive" }]);
  });

  it("a reconsideration that ends the sanction stops it from today and issues a decision with a letter", async () => {
    const other = clientAt(9);
    const proposed = (await post(`/clients/${other}/sanctions`, proposal(await missedIntake(other)))).json();
    await post(`/sanctions/${proposed.id}/hearing`, { heldOn: today, channel: "phone", record: "Geen reden." });
    await post(`/sanctions/${proposed.id}/decision`, { outcome: "imposed", reasons: "Verwijtbaar." }, lead);
    const ended = await post(`/sanctions/${proposed.id}/reconsideration`, { outcome: "ended", note: "Werkt nu mee." }, lead);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endedOn: today, reconsiderationDecisionId: expect.any(String) });
    const decision = (await t.app.inject({ url: `/api/v1/decisions/${ended.json().reconsiderationDecisionId}`, headers: lead })).json();
    expect(decision).toMatchObject({ type: "reconsideration", takesEffectOn: today, objectionTermEndsOn: objectionTermEndsOn(today) });
    const letter = await t.db.kysely.selectFrom("letters").select("pdf").where("id", "=", decision.letterId).executeTakeFirstOrThrow();
    const text = (await new PDFParse({ data: Buffer.from(letter.pdf) }).getText()).text.replace(/\s+/g, " ");
    expect(text).toContain(`Wij stoppen uw maatregel vanaf ${formatDutchDate(today)}`);
    expect(text).toContain(`tot en met ${formatDutchDate(objectionTermEndsOn(today))}`);
  });

  it("keeps every version of a corrected hearing record, refusing a correction of an older version", async () => {
    const other = clientAt(10);
    const proposed = (await post(`/clients/${other}/sanctions`, proposal({ ...(await effort(other)), culpability: "reduced" }))).json();
    await post(`/sanctions/${proposed.id}/hearing`, { heldOn: today, channel: "phone", record: "Eerste verslag." });
    expect((await post(`/sanctions/${proposed.id}/hearing`, { heldOn: today, channel: "phone", record: "Nog eens." })).json().code).toBe(
      "alreadyHeard",
    );
    const corrected = await post(`/sanctions/${proposed.id}/hearing`, {
      heldOn: today,
      channel: "phone",
      record: "Verbeterd verslag.",
      correctionOf: 1,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().hearing.record).toBe("Verbeterd verslag.");
    expect(corrected.json().hearing.versions.map((v: { record: string }) => v.record)).toEqual(["Eerste verslag.", "Verbeterd verslag."]);
    const stale = await post(`/sanctions/${proposed.id}/hearing`, { heldOn: today, channel: "phone", record: "Oud.", correctionOf: 1 });
    expect(stale.json().code).toBe("hearingChanged");
  });

  it("shows researchers only figures, with small counts suppressed", async () => {
    const researcher = await bearerFor(t.app, "onderzoeker@demo.local");
    const query = `from=${addMonths(today, -12)}&to=${today}`;
    const figures = (await t.app.inject({ url: `/api/v1/statistics/overview?${query}`, headers: researcher })).json();
    expect(figures.suppressedBelow).toBe(5);
    const sanctions = figures.tables.find((table: { id: string }) => table.id === "sanctions");
    const counts = sanctions.rows.flatMap((row: { values: (number | null)[] }) => row.values);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((n: number | null) => n === null || n === 0 || n >= 5)).toBe(true);
    expect((await t.app.inject({ url: `/api/v1/clients/${client}/sanctions`, headers: researcher })).statusCode).toBe(403);
  });
});

describe("abilities say what the server allows", () => {
  type Headers = { authorization: string };
  type Sanction = { id: string; clientId: string; undoStep: string | null; abilities: Record<string, boolean> };
  const undoPath: Record<string, string> = {
    hearingInvitation: "hearing-invitation",
    decision: "decision",
    reconsideration: "reconsideration",
  };
  const read = async (id: string, headers: Headers): Promise<Sanction> =>
    (await t.app.inject({ url: `/api/v1/sanctions/${id}`, headers })).json();
  const tries: Record<string, (sanction: Sanction, headers: Headers) => Promise<number>> = {
    invite: async (s, h) => (await post(`/sanctions/${s.id}/hearing-invitation`, {}, h)).statusCode,
    hear: async (s, h) =>
      (await post(`/sanctions/${s.id}/hearing`, { heldOn: today, channel: "inPerson", record: "De cliënt legt uit waarom." }, h))
        .statusCode,
    decide: async (s, h) => (await post(`/sanctions/${s.id}/decision`, { outcome: "refrained", reasons: "Afzien." }, h)).statusCode,
    impose: async (s, h) => (await post(`/sanctions/${s.id}/decision`, { outcome: "imposed", reasons: "Verwijtbaar." }, h)).statusCode,
    reconsider: async (s, h) =>
      (await post(`/sanctions/${s.id}/reconsideration`, { outcome: "maintained", note: "Blijft." }, h)).statusCode,
    correctHearing: async (s, h) =>
      (await post(`/sanctions/${s.id}/hearing`, { heldOn: today, channel: "phone", record: "Verbeterd.", correctionOf: 1 }, h)).statusCode,
    undo: async (s, h) =>
      (
        await t.app.inject({
          method: "DELETE",
          url: `/api/v1/sanctions/${s.id}/${undoPath[s.undoStep ?? "hearingInvitation"]}`,
          headers: h,
        })
      ).statusCode,
  };

  /**
   * For a state built afresh each time: every action the caller's abilities allow succeeds (each on a sanction of
   * its own), and every action they do not allow is refused with a 4xx and changes nothing the others rely on.
   */
  async function expectAbilitiesHold(build: () => Promise<string>, headers: Headers) {
    const sanction = await read(await build(), headers);
    expect(Object.keys(sanction.abilities).sort()).toEqual(Object.keys(tries).sort());
    for (const [action, allowed] of Object.entries(sanction.abilities)) {
      const attempt = tries[action];
      if (!attempt) throw new Error(`No attempt for ${action}`);
      const status = await attempt(allowed ? await read(await build(), headers) : sanction, headers);
      if (allowed) expect(status, `${action} is allowed`).toBeLessThan(300);
      else expect([400, 403, 404, 409], `${action} is refused`).toContain(status);
    }
    return sanction.abilities;
  }

  const proposed = async (by: Headers = consultant, more: Record<string, unknown> = {}) =>
    (
      await post(`/clients/${clientAt(8)}/sanctions`, proposal({ ...(await effort(clientAt(8))), culpability: "reduced", ...more }), by)
    ).json().id as string;
  const heard = async () => {
    const id = await proposed();
    await post(`/sanctions/${id}/hearing`, { heldOn: today, channel: "phone", record: "De cliënt vergat het." });
    return id;
  };
  const termPassed = () =>
    onDate(beforeHearingTerm, async () => {
      const id = await proposed();
      const invited = (await post(`/sanctions/${id}/hearing-invitation`, {})).json();
      await post(`/letters/${invited.hearing.letterId}/deliveries`, { status: "delivered" });
      return id;
    });
  const decided = async () => {
    const id = await heard();
    await post(`/sanctions/${id}/decision`, { outcome: "imposed", reasons: "Verwijtbaar." }, lead);
    return id;
  };

  it("for the consultant: invite and hear a proposal, correct the record; never decide", async () => {
    expect(await expectAbilitiesHold(proposed, consultant)).toMatchObject({
      invite: true,
      hear: true,
      decide: false,
      correctHearing: false,
    });
    expect(await expectAbilitiesHold(heard, consultant)).toMatchObject({ invite: false, hear: false, decide: false, correctHearing: true });
    expect(await expectAbilitiesHold(decided, consultant)).toMatchObject({ reconsider: false, correctHearing: false });
  });

  it("for the team lead: decide another's proposal once heard or the term passed, not their own; then reconsider and handle the objection", async () => {
    expect(await expectAbilitiesHold(proposed, lead)).toMatchObject({ decide: false, invite: true });
    expect(await expectAbilitiesHold(() => proposed(lead), lead)).toMatchObject({ decide: false });
    expect(await expectAbilitiesHold(heard, lead)).toMatchObject({ decide: true });
    expect(await expectAbilitiesHold(termPassed, lead)).toMatchObject({ decide: true, hear: true });
    const urgent = async () => {
      const id = await proposed(consultant, { urgentReasons: true, urgentReasonsNote: "Schulden lopen op." });
      await post(`/sanctions/${id}/hearing`, { heldOn: today, channel: "phone", record: "De cliënt vergat het." });
      return id;
    };
    expect(await expectAbilitiesHold(urgent, lead)).toMatchObject({ decide: true, impose: false });
    expect(await expectAbilitiesHold(decided, lead)).toMatchObject({ reconsider: true, undo: true });
  });

  it("for the admin: nothing", async () => {
    const admin = await bearerFor(t.app, "admin@demo.local");
    expect(await expectAbilitiesHold(decided, admin)).toEqual({
      invite: false,
      hear: false,
      correctHearing: false,
      decide: false,
      impose: false,
      reconsider: false,
      undo: false,
    });
  });

  it("tells the caller whether they may propose", async () => {
    const list = async (headers: Headers, query = "") =>
      (await t.app.inject({ url: `/api/v1/clients/${clientAt(8)}/sanctions${query}`, headers })).json();
    expect((await list(consultant)).abilities).toEqual({ propose: true });
    const admin = await bearerFor(t.app, "admin@demo.local");
    expect((await list(admin, "?accessReason=complaintOrObjection")).abilities).toEqual({ propose: false });
    expect((await post(`/clients/${clientAt(8)}/sanctions`, proposal(await effort(clientAt(8))), admin)).statusCode).toBe(403);
  });
});
