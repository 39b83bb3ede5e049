import { expectDefined } from "@server/testing/expect-defined.js";
import { startedPlacement } from "@server/testing/placements.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays, todayInAmsterdam } from "@shared/dates.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Undoing the recorded end of a benefit while its letter is still inside: the benefit runs again, and what it stopped
// is open again as it was; refused once the letter has left or something it stopped has changed.

type Headers = { authorization: string };
const today = todayInAmsterdam();
let t: TestApp;
let consultant: Headers;
let lead: Headers;
let otherDistrict: Headers;
let host: Headers;
let hostOrgId: string;
let spare: string[];

const call = (method: "GET" | "POST" | "DELETE" | "PATCH", url: string, headers: Headers = consultant, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const take = () => expectDefined(spare.shift(), "a spare client");
const undo = (clientId: string, headers: Headers = consultant) => call("DELETE", `/clients/${clientId}/benefit-end`, headers);
const letterOf = (clientId: string) =>
  t.db.kysely
    .selectFrom("letters")
    .selectAll()
    .where("client_id", "=", clientId)
    .where("kind", "=", "benefitEnded")
    .executeTakeFirstOrThrow();

/** A client with a running placement and a planned and a running plan step, whose benefit is then ended. */
async function endedWithOpenWork() {
  const clientId = take();
  const placementId = await startedPlacement(
    t.app,
    { consultant, host },
    {
      organisationId: hostOrgId,
      clientId,
      title: "Tuinonderhoud buurttuin",
      hoursPerWeek: 4,
      guidanceLevel: "regular",
      startDate: addDays(today, -20),
      endDate: addDays(today, 150),
    },
  );
  for (const title of ["Taalles", "Sporten"]) {
    const step = await call("POST", `/clients/${clientId}/plan-steps`, consultant, {
      type: "languageCourse",
      title,
      hoursPerWeek: 1,
      startDate: today,
    });
    expect(step.statusCode, step.body).toBe(201);
  }
  const running = await t.db.kysely
    .selectFrom("plan_steps")
    .select("id")
    .where("client_id", "=", clientId)
    .where("title", "=", "Sporten")
    .executeTakeFirstOrThrow();
  await t.db.kysely.updateTable("plan_steps").set({ status: "active" }).where("id", "=", running.id).execute();
  const ended = await call("POST", `/clients/${clientId}/benefit-end`, consultant, { benefitEndDate: today, reason: "work" });
  expect(ended.statusCode, ended.body).toBe(200);
  return { clientId, placementId, ended: ended.json(), letter: await letterOf(clientId) };
}
const stepsOf = (clientId: string) =>
  t.db.kysely
    .selectFrom("plan_steps")
    .select(["title", "status", "stop_reason"])
    .where("client_id", "=", clientId)
    .orderBy("title")
    .execute();
const placementOf = (id: string) => t.db.kysely.selectFrom("placements").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestApp({ clients: 300, env: { NV_UNDO_HOLD_MINUTES: "0" } });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  otherDistrict = await bearerFor(t.app, "consulent2@demo.local");
  host = await bearerFor(t.app, "organisatie@demo.local");
  hostOrgId = (await call("GET", "/me", host)).json().organisationId;
  const consultantId = (await call("GET", "/me")).json().id;
  const free = await t.db.kysely
    .selectFrom("clients")
    .select("id")
    .where("consultant_id", "=", consultantId)
    .where("benefit_end_date", "is", null)
    .where("id", "not in", t.db.kysely.selectFrom("placements").select("client_id"))
    .orderBy("family_name")
    .execute();
  spare = free.map((r) => r.id);
  await t.db.kysely
    .updateTable("clients")
    .set({ capacity_hours_per_week: 12, guidance_need: "regular" })
    .where("id", "in", spare)
    .execute();
}, 120_000);
afterAll(() => t.close());

describe("undoing the end of a benefit", () => {
  it("lets the benefit run again, reopens what it stopped as it was, and withdraws its letter", async () => {
    const { clientId, placementId, ended, letter } = await endedWithOpenWork();
    expect(ended.abilities).toMatchObject({ endBenefit: false, undoBenefitEnd: true });
    expect(letter.held_until).not.toBeNull();

    const undone = await undo(clientId);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({
      benefitEndDate: null,
      benefitEndReason: null,
      abilities: { endBenefit: true, undoBenefitEnd: false },
    });
    expect(await stepsOf(clientId)).toEqual([
      { title: "Sporten", status: "active", stop_reason: null },
      { title: "Taalles", status: "planned", stop_reason: null },
    ]);
    expect(await placementOf(placementId)).toMatchObject({
      status: "active",
      ended_on: null,
      end_reason: null,
      attributable_to: null,
      attribution_determined_by: null,
    });
    expect((await letterOf(clientId)).withdrawn_at).not.toBeNull();
    const letters = (await call("GET", `/clients/${clientId}/letters`)).json();
    expect(letters.items.find((l: { id: string }) => l.id === letter.id)?.withdrawnAt).toBeTruthy();
    const audit = await t.db.kysely.selectFrom("audit_events").select("action").where("client_id", "=", clientId).execute();
    expect(audit.map((a) => a.action)).toContain("client.undoBenefitEnd");
    // Undone, there is nothing left to undo, and the end can be recorded again.
    const again = await undo(clientId);
    expect([again.statusCode, again.json().code]).toEqual([409, "benefitEndMovedOn"]);
    expect(
      (await call("POST", `/clients/${clientId}/benefit-end`, consultant, { benefitEndDate: today, reason: "moved" })).statusCode,
    ).toBe(200);
  }, 120_000);

  it("is refused once the letter left the building: printed, or delivered", async () => {
    const printed = await endedWithOpenWork();
    expect((await call("GET", `/letters/${printed.letter.id}/pdf`)).statusCode).toBe(200);
    const delivered = await endedWithOpenWork();
    const delivery = await call("POST", `/letters/${delivered.letter.id}/deliveries`, consultant, { status: "delivered" });
    expect(delivery.statusCode, delivery.body).toBe(201);
    for (const { clientId, placementId } of [printed, delivered]) {
      expect((await call("GET", `/clients/${clientId}`)).json().abilities.undoBenefitEnd).toBe(false);
      const refused = await undo(clientId);
      expect([refused.statusCode, refused.json().code]).toEqual([409, "letterLeftBuilding"]);
      expect((await placementOf(placementId)).status).toBe("ended");
    }
  }, 120_000);

  it("is refused when something it stopped has changed since", async () => {
    const { clientId } = await endedWithOpenWork();
    await t.db.kysely
      .updateTable("plan_steps")
      .set({ status: "completed", updated_at: new Date().toISOString() })
      .where("client_id", "=", clientId)
      .where("title", "=", "Taalles")
      .execute();
    expect((await call("GET", `/clients/${clientId}`)).json().abilities.undoBenefitEnd).toBe(false);
    const refused = await undo(clientId);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "benefitEndMovedOn"]);
    expect((await letterOf(clientId)).withdrawn_at).toBeNull();
  }, 120_000);

  it("is for whoever recorded it or a team lead, and hidden outside the district", async () => {
    const { clientId, letter } = await endedWithOpenWork();
    const someoneElse = await t.db.kysely
      .selectFrom("users")
      .select("id")
      .where("email", "=", "consulent2@demo.local")
      .executeTakeFirstOrThrow();
    await t.db.kysely.updateTable("letters").set({ created_by: someoneElse.id }).where("id", "=", letter.id).execute();
    const refused = await undo(clientId);
    expect([refused.statusCode, refused.json().code]).toEqual([403, "notLetterAuthor"]);
    expect((await undo(clientId, otherDistrict)).statusCode).toBe(404);
    expect((await t.app.inject({ method: "DELETE", url: `/api/v1/clients/${clientId}/benefit-end` })).statusCode).toBe(401);
    expect((await call("GET", `/clients/${clientId}`, lead)).json().abilities.undoBenefitEnd).toBe(true);
    expect((await undo(clientId, lead)).statusCode).toBe(200);
  }, 120_000);

  it("lets exactly one of undo and printing the letter win", async () => {
    for (let round = 0; round < 3; round++) {
      const { clientId, placementId, letter } = await endedWithOpenWork();
      const [undone, print] = await Promise.all([undo(clientId), call("GET", `/letters/${letter.id}/pdf`)]);
      const stored = await letterOf(clientId);
      const client = await t.db.kysely
        .selectFrom("clients")
        .select("benefit_end_date")
        .where("id", "=", clientId)
        .executeTakeFirstOrThrow();
      if (undone.statusCode === 200) {
        // Staff may still read a withdrawn letter for the record; it is not a print.
        expect(print.statusCode).toBe(200);
        expect(stored.printed_at).toBeNull();
        expect(client.benefit_end_date).toBeNull();
        expect((await placementOf(placementId)).status).toBe("active");
      } else {
        expect([undone.statusCode, undone.json().code]).toEqual([409, "letterLeftBuilding"]);
        expect(stored.printed_at).not.toBeNull();
        expect(client.benefit_end_date).toBe(today);
        expect((await placementOf(placementId)).status).toBe("ended");
      }
    }
  }, 120_000);
});
