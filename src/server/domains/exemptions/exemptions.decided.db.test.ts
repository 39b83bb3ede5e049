import { randomUUID } from "node:crypto";
import { TestClock } from "@server/clock.js";
import { confirmedPlanStep } from "@server/testing/sanction-facts.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Headers = { authorization: string };

const clock = new TestClock("2026-03-10T09:00:00+01:00");
let t: TestApp;
let consultant: Headers;
let otherConsultant: Headers;
let lead: Headers;
let clientUser: Headers;
let ownClientId: string;
let clientIds: string[];

beforeAll(async () => {
  t = await createTestApp({ clients: 120, clock });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  otherConsultant = await bearerFor(t.app, "consulent2@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  clientUser = await bearerFor(t.app, "klant@demo.local");
  ownClientId = (await t.app.inject({ url: "/api/v1/me", headers: clientUser })).json().clientId;
  const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
  const rows = await t.db.kysely
    .selectFrom("clients")
    .select("id")
    .where("consultant_id", "=", me.id)
    .where("id", "!=", ownClientId)
    .where("id", "not in", t.db.kysely.selectFrom("exemptions").select("client_id"))
    .orderBy("id")
    .limit(6)
    .execute();
  clientIds = rows.map((r) => r.id);
  await t.db.kysely.updateTable("clients").set({ capacity_hours_per_week: 20 }).where("id", "in", clientIds).execute();
});
afterAll(() => t.close());

function clientAt(index: number): string {
  const id = clientIds[index];
  if (!id) throw new Error(`No client ${index}: the seeded population is too small`);
  return id;
}

const post = (url: string, payload: unknown, headers: Headers = consultant) =>
  t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload: payload as object });
const get = (url: string, headers: Headers = consultant) => t.app.inject({ url: `/api/v1${url}`, headers });

const advice = (overrides: Record<string, unknown> = {}) => ({
  advisorKind: "occupationalPhysician",
  advisorName: "M. de Vries, bedrijfsarts",
  advisedOn: "2026-03-09",
  conclusion: "Kan hoogstens vier uur per dag werken, in korte blokken, zonder zwaar tillen. Over drie maanden opnieuw bekijken.",
  ...overrides,
});

/** An insufficientEffort proposal about a step of the client's confirmed plan. */
const proposalFor = async (client: string) => ({
  ground: "insufficientEffort",
  factsDate: "2026-03-02",
  facts: "Kwam drie keer niet naar het vrijwilligerswerk.",
  planStepId: (await confirmedPlanStep(t.db, client, "2026-01-05")).planStepId,
  notDone: "Drie keer niet gekomen, zonder afmelding.",
  culpability: "full",
  circumstances: "Geen bijzondere omstandigheden bekend.",
  urgentReasons: false,
});

describe("which obligations an exemption covers", () => {
  it("reads a row written without them, as every exemption before, as one from the tegenprestatie only", async () => {
    const id = randomUUID();
    // The columns as they were before the obligations were recorded: the database's defaults fill in the rest.
    await t.db.kysely
      .withTables<{ exemptions: Record<string, string | number | null> }>()
      .insertInto("exemptions")
      .values({
        id,
        client_id: clientAt(5),
        type: "crisis",
        scope: "partial",
        max_hours_per_week: 4,
        start_date: "2026-01-01",
        end_date: "2026-02-01",
        review_date: null,
        reason: "Vastgelegd vóór de plichten.",
        status: "ended",
        requested_by: null,
        decided_by: null,
        decided_at: null,
        decision_note: null,
        co_signed_by: null,
        co_signed_at: null,
        ended_on: "2026-02-01",
        end_reason: null,
        ordinance_version: 1,
        created_at: "2026-01-01T10:00:00.000Z",
        updated_at: "2026-01-01T10:00:00.000Z",
      })
      .execute();
    const listed = (await get(`/clients/${clientAt(5)}/exemptions`)).json().items;
    expect(listed.find((e: { id: string }) => e.id === id)).toMatchObject({ obligations: ["tegenprestatie"], childBirthDate: null });
  });
});

describe("a single parent with a child under five (art. 9a)", () => {
  it("asks with the child's birth date: without it 400, with a child of five 409, and nothing is written", async () => {
    const missing = await post(
      `/clients/${ownClientId}/exemption-requests`,
      { type: "singleParentYoungChildren", reason: "Alleen met mijn kind." },
      clientUser,
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().invalidParams).toEqual([expect.objectContaining({ name: "childBirthDate", code: "required" })]);
    const five = await post(
      `/clients/${ownClientId}/exemption-requests`,
      { type: "singleParentYoungChildren", reason: "Alleen met mijn kind.", childBirthDate: "2021-03-10" },
      clientUser,
    );
    expect(five.statusCode).toBe(409);
    expect(five.json()).toMatchObject({ code: "childNotUnderFive", invalidParams: [{ name: "childBirthDate" }] });
    const notSingle = await post(
      `/clients/${ownClientId}/exemption-requests`,
      { type: "caregiving", reason: "Zorg voor mijn moeder.", childBirthDate: "2024-01-01" },
      clientUser,
    );
    expect(notSingle.json().invalidParams).toEqual([expect.objectContaining({ name: "childBirthDate", code: "notAllowed" })]);
    expect(await t.db.kysely.selectFrom("exemptions").select("id").where("client_id", "=", ownClientId).execute()).toEqual([]);
  });

  it("is granted as a right from the work obligations until the day before the fifth birthday, without a co-signature", async () => {
    const requested = await post(
      `/clients/${ownClientId}/exemption-requests`,
      { type: "singleParentYoungChildren", reason: "Ik zorg alleen voor mijn dochter van één.", childBirthDate: "2025-01-15" },
      clientUser,
    );
    expect(requested.statusCode).toBe(201);
    expect(requested.json()).toMatchObject({ status: "requested", obligations: ["workObligations"], childBirthDate: "2025-01-15" });
    // A right is not refused by weighing: only an unmet condition refuses it.
    const weighed = await post(`/exemptions/${requested.json().id}/decisions`, { outcome: "refused", note: "Er is opvang." });
    expect(weighed.statusCode).toBe(409);
    expect(weighed.json()).toMatchObject({ code: "exemptionIsARight", invalidParams: [{ name: "unmetCondition" }] });
    // Not past the day before the fifth birthday.
    const tooLong = await post(`/exemptions/${requested.json().id}/decisions`, {
      outcome: "granted",
      scope: "full",
      startDate: "2026-03-10",
      endDate: "2030-01-15",
    });
    expect(tooLong.json()).toMatchObject({ code: "childNotUnderFive", invalidParams: [{ name: "endDate" }] });
    const granted = await post(`/exemptions/${requested.json().id}/decisions`, {
      outcome: "granted",
      scope: "full",
      startDate: "2026-03-10",
      reviewDate: "2027-03-10",
    });
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({
      status: "active",
      needsCoSign: false,
      inForce: true,
      obligations: ["workObligations"],
      endDate: "2030-01-14",
    });
  });

  it("is refused only for an unmet condition, which the record names beside the reason", async () => {
    const client = clientAt(2);
    const requested = (
      await post(`/clients/${client}/exemption-requests`, {
        type: "singleParentYoungChildren",
        reason: "Ik zorg voor mijn zoon van drie.",
        childBirthDate: "2023-01-20",
      })
    ).json();
    const refused = await post(`/exemptions/${requested.id}/decisions`, {
      outcome: "refused",
      note: "Volgens de BRP woont de vader van het kind bij u.",
      unmetCondition: "notSingleParent",
    });
    expect(refused.json()).toMatchObject({
      status: "refused",
      unmetCondition: "notSingleParent",
      decisionNote: "Volgens de BRP woont de vader van het kind bij u.",
    });
  });

  it("leaves the tegenprestatie alone: invitations and capacity still apply, sanctions are not blocked by it", async () => {
    const client = clientAt(0);
    const recorded = await post(`/clients/${client}/exemptions`, {
      type: "singleParentYoungChildren",
      scope: "full",
      startDate: "2026-03-10",
      childBirthDate: "2023-06-30",
      reason: "Alleenstaande vader met een zoon van twee.",
    });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ obligations: ["workObligations"], endDate: "2028-06-29", status: "active" });
    const step = await post(`/clients/${client}/plan-steps`, {
      type: "languageCourse",
      title: "Taalles",
      hoursPerWeek: 4,
      startDate: "2026-03-10",
    });
    expect(step.statusCode).toBe(201);
    expect((await post(`/clients/${client}/sanctions`, await proposalFor(client))).json().code).not.toBe("activeExemption");
  });

  it("covers the tegenprestatie too when the consultant records it so, and then binds as before", async () => {
    const client = clientAt(1);
    const recorded = await post(`/clients/${client}/exemptions`, {
      type: "singleParentYoungChildren",
      scope: "full",
      startDate: "2026-03-10",
      childBirthDate: "2025-09-01",
      obligations: ["workObligations", "tegenprestatie"],
      reason: "Alleenstaande moeder; de baby is vaak ziek.",
    });
    expect(recorded.json()).toMatchObject({ obligations: ["tegenprestatie", "workObligations"], endDate: "2030-08-31" });
    expect(recorded.json().status).toBe("awaitingCoSign");
    await post(`/exemptions/${recorded.json().id}/co-signatures`, undefined, lead);
    const refused = await post(`/clients/${client}/sanctions`, await proposalFor(client));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("activeExemption");
  });
});

describe("a request waits for a decision", () => {
  it("reaches the consultant's work queue the day it arrives, and the consultant lists it (no 403)", async () => {
    const client = clientAt(2);
    const requested = (await post(`/clients/${client}/exemption-requests`, { type: "crisis", reason: "Mijn huis is afgebrand." })).json();
    const queue = (await get("/work-queue?reason=exemptionRequested&pageSize=200")).json();
    const item = queue.items.find((i: { clientId: string }) => i.clientId === client);
    expect(item.reasons).toContainEqual({ code: "exemptionRequested", since: "2026-03-10", suggestedAction: "decideExemptionRequest" });
    const listed = await get("/exemptions?status=requested&pageSize=100");
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((e: { id: string }) => e.id)).toContain(requested.id);
    // Another district's consultant does not see it.
    const other = (await get("/exemptions?status=requested&pageSize=100", otherConsultant)).json();
    expect(other.items.map((e: { id: string }) => e.id)).not.toContain(requested.id);
    // Hosts and clients still may not list by status.
    expect((await get("/exemptions?status=requested", clientUser)).statusCode).toBe(403);
  });

  it("keeps one open request per kind when several arrive at once", async () => {
    const client = clientAt(5);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        post(`/clients/${client}/exemption-requests`, { type: "otherUrgentReasons", reason: "Mijn partner is overleden." }),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode === 409).map((a) => a.json().code)).toEqual(Array(7).fill("alreadyRequested"));
    const open = await t.db.kysely
      .selectFrom("exemptions")
      .select("id")
      .where("client_id", "=", client)
      .where("type", "=", "otherUrgentReasons")
      .where("status", "=", "requested")
      .execute();
    expect(open).toHaveLength(1);
  });

  it("refuses a sanction proposal with 409 exemptionPending until the request is decided", async () => {
    const client = clientAt(3);
    const requested = (await post(`/clients/${client}/exemption-requests`, { type: "education", reason: "Ik volg een opleiding." })).json();
    const pending = await post(`/clients/${client}/sanctions`, await proposalFor(client));
    expect(pending.statusCode).toBe(409);
    expect(pending.json().code).toBe("exemptionPending");
    expect(await t.db.kysely.selectFrom("sanctions").select("id").where("client_id", "=", client).execute()).toEqual([]);
    await post(`/exemptions/${requested.id}/decisions`, { outcome: "refused", note: "De opleiding laat ruimte." });
    expect((await post(`/clients/${client}/sanctions`, await proposalFor(client))).statusCode).toBe(201);
  });
});

describe("a medical request is decided on medical advice", () => {
  it("cannot be granted or refused without advice (409 medicalAdviceRequired); with advice it can", async () => {
    const client = clientAt(4);
    const requested = (
      await post(`/clients/${client}/exemption-requests`, { type: "medical", reason: "Ik heb veel pijn in mijn rug." })
    ).json();
    expect(requested.abilities).toMatchObject({ decide: false, addMedicalAdvice: true });
    for (const decision of [
      { outcome: "refused", note: "Er is ruimte." },
      { outcome: "granted", scope: "full", startDate: "2026-03-10", endDate: "2026-06-10" },
    ]) {
      const refused = await post(`/exemptions/${requested.id}/decisions`, decision);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe("medicalAdviceRequired");
    }
    const added = await post(`/exemptions/${requested.id}/medical-advice`, advice());
    expect(added.statusCode).toBe(201);
    expect(added.json().abilities).toMatchObject({ decide: true });
    expect(added.json().medicalAdvice).toEqual([
      expect.objectContaining({ advisorKind: "occupationalPhysician", advisorName: "M. de Vries, bedrijfsarts", advisedOn: "2026-03-09" }),
    ]);
    const granted = await post(`/exemptions/${requested.id}/decisions`, {
      outcome: "granted",
      scope: "partial",
      maxHoursPerWeek: 8,
      startDate: "2026-03-10",
      reviewDate: "2026-06-10",
    });
    expect(granted.json()).toMatchObject({ status: "active", obligations: ["tegenprestatie"] });
    // The advice is health data: the audit names the advisor's kind, never the conclusion.
    const audit = await t.db.kysely
      .selectFrom("audit_events")
      .select(["category", "details"])
      .where("action", "=", "exemption.medicalAdvice")
      .where("subject_id", "=", requested.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).toContain("occupationalPhysician");
    expect(JSON.stringify(audit[0])).not.toContain("tillen");
  });

  it("refuses bad advice with 400 naming the field, and advice on a non-medical exemption or by a client", async () => {
    const client = clientAt(5);
    const medical = (await post(`/clients/${client}/exemption-requests`, { type: "medical", reason: "Ik ben erg moe." })).json();
    const long = await post(`/exemptions/${medical.id}/medical-advice`, advice({ conclusion: "x".repeat(1001) }));
    expect(long.statusCode).toBe(400);
    expect(long.json().invalidParams).toEqual([expect.objectContaining({ name: "conclusion" })]);
    const who = await post(`/exemptions/${medical.id}/medical-advice`, advice({ advisorKind: "generalPractitioner" }));
    expect(who.json().invalidParams).toEqual([expect.objectContaining({ name: "advisorKind" })]);
    const future = await post(`/exemptions/${medical.id}/medical-advice`, advice({ advisedOn: "2026-03-11" }));
    expect(future.json().invalidParams).toEqual([expect.objectContaining({ name: "advisedOn", code: "dateInFuture" })]);
    expect(await t.db.kysely.selectFrom("medical_advice").select("id").where("exemption_id", "=", medical.id).execute()).toEqual([]);
    const care = (await post(`/clients/${client}/exemption-requests`, { type: "caregiving", reason: "Ik zorg voor mijn vader." })).json();
    expect((await post(`/exemptions/${care.id}/medical-advice`, advice())).json().code).toBe("exemptionState");
    expect((await post(`/exemptions/${medical.id}/medical-advice`, advice(), clientUser)).statusCode).toBe(403);
  });
});
