import { TestClock } from "@server/clock.js";
import { lockBuddyPairing } from "@server/db/locks.repo.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp, testDatabaseKind } from "@server/testing/test-app.js";
import { addDays } from "@shared/dates.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueNotifications } from "../notifications/notifications.delivery.js";
import type { Transports } from "../notifications/notifications.transports.js";
import { endActivePairing } from "./buddies.repo.js";

// Undoing a buddy agreement while its letter is still inside and nobody was paired with the buddy; and a meeting of a
// pair ordered against the pairing's end by the pairing's row lock.

type Headers = { authorization: string };
const clock = new TestClock("2026-06-15T09:00:00+02:00");
const today = clock.today();
let t: TestApp;
let consultant: Headers;
let lead: Headers;
let otherDistrict: Headers;
/** Charlois clients, handed out so that no two tests share one. */
let spare: string[];
const transports: Transports = { email: { send: async () => undefined }, sms: { send: async () => undefined } };

const call = (method: "GET" | "POST", url: string, headers: Headers = consultant, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : method === "POST" ? { payload: {} } : {}) });
const take = (): string => expectDefined(spare.shift(), "a spare client");

interface Agreement {
  id: string;
  clientId: string;
  letterId: string;
  decisionId: string;
  contributionId: string;
}

async function makeBuddy(clientId = take()): Promise<Agreement> {
  const made = await call("POST", `/clients/${clientId}/buddies`, consultant, {
    trainedOn: addDays(today, -10),
    since: today,
    hoursPerWeek: 3,
    maxPairings: 2,
    contactPhone: "06 1234 5678",
  });
  expect(made.statusCode, made.body).toBe(201);
  return { ...made.json(), clientId };
}

/** The agreement as the client's buddy page presents it to the caller. */
const agreementOf = async (clientId: string, headers: Headers = consultant) =>
  (await call("GET", `/clients/${clientId}/buddy-pairings`, headers)).json().agreement;
const letterOf = (id: string) => t.db.kysely.selectFrom("letters").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const buddyRows = (clientId: string) => t.db.kysely.selectFrom("buddies").select("id").where("client_id", "=", clientId).execute();
const contributionRows = (clientId: string) =>
  t.db.kysely.selectFrom("contributions").select("id").where("client_id", "=", clientId).where("kind", "=", "peerBuddy").execute();
/** The client's decisions as the API lists them: a withdrawn one is not among them. */
const decisionIdsOf = async (clientId: string): Promise<string[]> =>
  (await call("GET", `/clients/${clientId}/decisions`)).json().items.map((d: { id: string }) => d.id);

beforeAll(async () => {
  t = await createTestApp({ clients: 180, clock });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  otherDistrict = await bearerFor(t.app, "consulent2@demo.local");
  // Every client can be told by e-mail, so that each letter has a notice in the outbox.
  await t.db.kysely
    .updateTable("clients")
    .set({ notification_channel: "email", email: "client@example.nl", capacity_hours_per_week: 12 })
    .execute();
  const demoClient = await t.db.kysely
    .selectFrom("users")
    .select("client_id")
    .where("email", "=", "klant@demo.local")
    .executeTakeFirstOrThrow();
  spare = (
    await t.db.kysely
      .selectFrom("clients")
      .select("id")
      .where("district", "=", "Charlois")
      .where("id", "!=", demoClient.client_id ?? "")
      .orderBy("id")
      .execute()
  ).map((r) => r.id);
}, 120_000);
afterAll(() => t.close());

describe("undoing a buddy agreement", () => {
  it("withdraws the letter and the decision, and removes the agreement and its contribution", async () => {
    const buddy = await makeBuddy();
    expect((await agreementOf(buddy.clientId)).abilities).toEqual({ end: true, undo: true });
    expect(await decisionIdsOf(buddy.clientId)).toEqual([buddy.decisionId]);

    const undone = await call("POST", `/buddies/${buddy.id}/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ id: buddy.id, letterId: buddy.letterId });
    expect(await buddyRows(buddy.clientId)).toEqual([]);
    expect(await contributionRows(buddy.clientId)).toEqual([]);
    expect(await agreementOf(buddy.clientId)).toBeNull();
    expect((await letterOf(buddy.letterId)).withdrawn_at).not.toBeNull();
    expect(await decisionIdsOf(buddy.clientId)).toEqual([]);
    const kept = await t.db.kysely
      .selectFrom("decision_withdrawals")
      .select(["decision_id", "letter_id"])
      .where("decision_id", "=", buddy.decisionId)
      .execute();
    expect(kept).toEqual([{ decision_id: buddy.decisionId, letter_id: buddy.letterId }]);
    const contributions = (await call("GET", `/clients/${buddy.clientId}/contributions`)).json();
    expect(contributions.contributingThrough).not.toContain("peerBuddy");
    const letters = (await call("GET", `/clients/${buddy.clientId}/letters`)).json();
    expect(letters.items.find((l: { id: string }) => l.id === buddy.letterId)?.withdrawnAt).toBeTruthy();
    const audit = await t.db.kysely.selectFrom("audit_events").select("action").where("subject_id", "=", buddy.id).execute();
    expect(audit.map((a) => a.action)).toContain("buddy.undo");
    // Undone, the agreement is gone: a second undo finds nothing, and the client can become a buddy again.
    expect((await call("POST", `/buddies/${buddy.id}/undo`)).statusCode).toBe(404);
    await makeBuddy(buddy.clientId);
  });

  it("is refused once the letter left the building: printed, delivered or announced", async () => {
    const printed = await makeBuddy();
    expect((await call("GET", `/letters/${printed.letterId}/pdf`)).statusCode).toBe(200);
    const delivered = await makeBuddy();
    const delivery = await call("POST", `/letters/${delivered.letterId}/deliveries`, consultant, {
      status: "sent",
      trackingNumber: "3SABCD1234567",
    });
    expect(delivery.statusCode, delivery.body).toBe(201);
    const announced = await makeBuddy();
    clock.advance({ minutes: 6 });
    await deliverDueNotifications(t.db.kysely, { clock, transports, portalUrl: "http://x" });
    for (const buddy of [printed, delivered, announced]) {
      expect((await agreementOf(buddy.clientId)).abilities.undo).toBe(false);
      const refused = await call("POST", `/buddies/${buddy.id}/undo`);
      expect([refused.statusCode, refused.json().code]).toEqual([409, "letterLeftBuilding"]);
      expect(await buddyRows(buddy.clientId)).toHaveLength(1);
      expect(await decisionIdsOf(buddy.clientId)).toEqual([buddy.decisionId]);
    }
  });

  it("is refused once someone was paired with the buddy, even after the pairing ended", async () => {
    const buddy = await makeBuddy();
    const paired = await call("POST", "/buddy-pairings", consultant, { buddyId: buddy.id, clientId: take(), contactPhone: "0687654321" });
    expect(paired.statusCode, paired.body).toBe(201);
    expect((await call("POST", `/buddy-pairings/${paired.json().id}/end`)).statusCode).toBe(200);
    expect((await agreementOf(buddy.clientId)).abilities.undo).toBe(false);
    const refused = await call("POST", `/buddies/${buddy.id}/undo`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "buddyAgreementInUse"]);
    expect((await letterOf(buddy.letterId)).withdrawn_at).toBeNull();
  });

  it("is for the consultant who made it or a team lead, and hidden outside the district", async () => {
    const buddy = await makeBuddy();
    const someoneElse = await t.db.kysely
      .selectFrom("users")
      .select("id")
      .where("email", "=", "consulent2@demo.local")
      .executeTakeFirstOrThrow();
    await t.db.kysely.updateTable("letters").set({ created_by: someoneElse.id }).where("id", "=", buddy.letterId).execute();
    expect((await agreementOf(buddy.clientId)).abilities.undo).toBe(false);
    const refused = await call("POST", `/buddies/${buddy.id}/undo`);
    expect([refused.statusCode, refused.json().code]).toEqual([403, "notLetterAuthor"]);
    expect((await call("POST", `/buddies/${buddy.id}/undo`, otherDistrict)).statusCode).toBe(404);
    expect((await t.app.inject({ method: "POST", url: `/api/v1/buddies/${buddy.id}/undo`, payload: {} })).statusCode).toBe(401);
    expect((await agreementOf(buddy.clientId, lead)).abilities.undo).toBe(true);
    expect((await call("POST", `/buddies/${buddy.id}/undo`, lead)).statusCode).toBe(200);
  });

  it("lets exactly one of undo and printing the letter win", async () => {
    for (let round = 0; round < 3; round++) {
      const buddy = await makeBuddy();
      const [undo, print] = await Promise.all([call("POST", `/buddies/${buddy.id}/undo`), call("GET", `/letters/${buddy.letterId}/pdf`)]);
      const letter = await letterOf(buddy.letterId);
      if (undo.statusCode === 200) {
        // Staff may still read a withdrawn letter for the record; it is not a print.
        expect(print.statusCode).toBe(200);
        expect(letter.printed_at).toBeNull();
        expect(await buddyRows(buddy.clientId)).toEqual([]);
      } else {
        expect([undo.statusCode, undo.json().code]).toEqual([409, "letterLeftBuilding"]);
        expect(letter.printed_at).not.toBeNull();
        expect(letter.withdrawn_at).toBeNull();
        expect(await buddyRows(buddy.clientId)).toHaveLength(1);
      }
    }
  });

  it("lets exactly one of undo and a pairing with the buddy win", async () => {
    for (let round = 0; round < 3; round++) {
      const buddy = await makeBuddy();
      const [undo, paired] = await Promise.all([
        call("POST", `/buddies/${buddy.id}/undo`),
        call("POST", "/buddy-pairings", consultant, { buddyId: buddy.id, clientId: take(), contactPhone: "0687654321" }),
      ]);
      expect([undo.statusCode, paired.statusCode].sort()).toEqual(undo.statusCode === 200 ? [200, 404] : [201, 409]);
      const pairings = await t.db.kysely.selectFrom("buddy_pairings").select("id").where("buddy_id", "=", buddy.id).execute();
      expect(pairings).toHaveLength(undo.statusCode === 200 ? 0 : 1);
      if (undo.statusCode !== 200) expect(undo.json().code).toBe("buddyAgreementInUse");
    }
  });
});

describe("a meeting and the end of its pairing at the same moment", () => {
  async function runningPairing(): Promise<string> {
    const buddy = await makeBuddy();
    const paired = await call("POST", "/buddy-pairings", consultant, { buddyId: buddy.id, clientId: take(), contactPhone: "0687654321" });
    expect(paired.statusCode, paired.body).toBe(201);
    return paired.json().id;
  }
  const meeting = (pairingId: string) => call("POST", `/buddy-pairings/${pairingId}/meetings`, consultant, { heldOn: today, hours: 1 });
  const meetingsOf = (pairingId: string) =>
    t.db.kysely.selectFrom("buddy_meetings").select("id").where("pairing_id", "=", pairingId).execute();

  it("records the meeting before the ending, or refuses it after", async () => {
    for (let round = 0; round < 3; round++) {
      const id = await runningPairing();
      const [met, ended] = await Promise.all([meeting(id), call("POST", `/buddy-pairings/${id}/end`)]);
      expect(ended.statusCode).toBe(200);
      if (met.statusCode === 201) expect(await meetingsOf(id)).toHaveLength(1);
      else {
        expect([met.statusCode, met.json().code]).toEqual([409, "pairingEnded"]);
        expect(await meetingsOf(id)).toEqual([]);
      }
    }
  });

  it.runIf(testDatabaseKind() === "postgres")("waits for an ending in progress and then refuses the meeting", async () => {
    const id = await runningPairing();
    const asked = await t.db.kysely.transaction().execute(async (trx) => {
      // An ending holds the pairing's lock while it ends it; the meeting asked meanwhile waits for it.
      await lockBuddyPairing(trx, id);
      await endActivePairing(trx, id, {
        ended_on: today,
        ended_by_side: "consultant",
        ended_by: null,
        updated_at: clock.now().toISOString(),
      });
      const answer = meeting(id);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { answer };
    });
    const met = await asked.answer;
    expect([met.statusCode, met.json().code]).toEqual([409, "pairingEnded"]);
    expect(await meetingsOf(id)).toEqual([]);
  });
});
