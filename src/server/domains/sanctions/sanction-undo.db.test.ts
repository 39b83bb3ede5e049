import { missedSecondIntake } from "@server/testing/sanction-facts.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays, todayInAmsterdam } from "@shared/dates.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Undoing the steps of a sanction that send a letter, while that letter is still inside: the invitation to a hearing
// (back to before it: no term, no notice), the decision (withdrawn, counted nowhere, awaiting a decision again) and
// the reconsideration that ended it (the decision it replaced in force again). Refused once the letter has left or
// the client has answered.

let t: TestApp;
let consultant: { authorization: string };
let lead: { authorization: string };
let otherDistrict: { authorization: string };
let client: { authorization: string };
let clientIds: string[];
let portalClientId: string;
const today = todayInAmsterdam();

type Headers = { authorization: string };
const call = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, headers: Headers, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const clientAt = (index: number) => {
  const id = clientIds[index];
  if (!id) throw new Error(`No client ${index}`);
  return id;
};
const row = (id: string) => t.db.kysely.selectFrom("sanctions").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const letter = (id: string) => t.db.kysely.selectFrom("letters").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const noticesOf = (letterId: string) => t.db.kysely.selectFrom("notifications").select("kind").where("subject_id", "=", letterId).execute();
/** The client's decisions as the API lists them: a withdrawn one is not among them. */
const listedDecisions = async (clientId: string): Promise<string[]> =>
  (await call("GET", `/clients/${clientId}/decisions`, consultant)).json().items.map((d: { id: string }) => d.id);

/** A proposal on a second missed intake, its invitation letter delivered. */
async function proposed(clientId: string): Promise<{ id: string }> {
  const facts = await missedSecondIntake(t.app, t.db, consultant, clientId);
  const response = await call("POST", `/clients/${clientId}/sanctions`, consultant, {
    ground: "missedAppointments",
    factsDate: addDays(today, -3),
    facts: "Kwam twee keer niet naar de intake, na een aangetekende brief die is afgeleverd.",
    culpability: "full",
    circumstances: "Geen bijzondere omstandigheden bekend.",
    childrenInterests: null,
    urgentReasons: false,
    ...facts,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** A proposal whose client was invited to a hearing by the consultant. */
async function invited(clientId: string) {
  const { id } = await proposed(clientId);
  const response = await call("POST", `/sanctions/${id}/hearing-invitation`, consultant);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { id: string; hearing: { letterId: string; respondBy: string }; abilities: Record<string, boolean> };
}

/** A proposal heard by phone and decided by the team lead. */
async function decided(clientId: string, outcome = "imposed") {
  const { id } = await proposed(clientId);
  const heard = await call("POST", `/sanctions/${id}/hearing`, consultant, { heldOn: today, channel: "phone", record: "Vergeten." });
  expect(heard.statusCode, heard.body).toBe(200);
  const response = await call("POST", `/sanctions/${id}/decision`, lead, { outcome, reasons: "Geen goede reden gegeven." });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    id: string;
    decisionId: string;
    decisionLetterId: string;
    undoStep: string;
    abilities: Record<string, boolean>;
  };
}

beforeAll(async () => {
  t = await createTestApp({ clients: 150 });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  otherDistrict = await bearerFor(t.app, "consulent2@demo.local");
  client = await bearerFor(t.app, "klant@demo.local");
  const me = (await call("GET", "/me", consultant)).json();
  clientIds = (
    await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).orderBy("family_name").limit(12).execute()
  ).map((r) => r.id);
  portalClientId = (
    await t.db.kysely.selectFrom("users").select("client_id").where("email", "=", "klant@demo.local").executeTakeFirstOrThrow()
  ).client_id as string;
  await call("PUT", "/me/availability", consultant, {
    blocks: [1, 2, 3, 4, 5].map((weekday) => ({
      weekday,
      startTime: "09:00",
      endTime: "16:00",
      slotMinutes: 30,
      location: "Wijkteam Charlois",
    })),
  });
});
afterAll(() => t.close());

describe("undoing the invitation to a hearing", () => {
  it("takes the sanction back to before it: no term, the letter withdrawn, the answer-awaited notice never sent", async () => {
    const sanction = await invited(clientAt(0));
    expect(sanction.abilities.undo).toBe(true);
    expect(await noticesOf(sanction.hearing.letterId)).toEqual([{ kind: "answerAwaited" }]);

    const undone = await call("DELETE", `/sanctions/${sanction.id}/hearing-invitation`, consultant);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ status: "proposed", undoStep: null, hearing: { letterId: null, respondBy: null } });
    expect(undone.json().abilities).toMatchObject({ invite: true, undo: false });
    expect((await letter(sanction.hearing.letterId)).withdrawn_at).not.toBeNull();
    expect(await noticesOf(sanction.hearing.letterId)).toEqual([]);
    // The client's letters never show it.
    const letters = (await call("GET", `/clients/${clientAt(0)}/letters`, consultant)).json().items;
    expect(letters.find((l: { id: string }) => l.id === sanction.hearing.letterId)).toMatchObject({ withdrawnAt: expect.any(String) });

    const again = await call("DELETE", `/sanctions/${sanction.id}/hearing-invitation`, consultant);
    expect([again.statusCode, again.json().code]).toEqual([409, "nothingToUndo"]);
  });

  it("is refused once the client has been heard, once the letter was printed, to others and outside the scope", async () => {
    const heard = await invited(clientAt(1));
    await call("POST", `/sanctions/${heard.id}/hearing`, consultant, { heldOn: today, channel: "phone", record: "Ziek geweest." });
    const afterHearing = await call("DELETE", `/sanctions/${heard.id}/hearing-invitation`, consultant);
    expect([afterHearing.statusCode, afterHearing.json().code]).toEqual([409, "alreadyHeard"]);
    expect((await row(heard.id)).hearing_letter_id).toBe(heard.hearing.letterId);

    const printed = await invited(clientAt(2));
    expect((await call("GET", `/letters/${printed.hearing.letterId}/pdf`, consultant)).statusCode).toBe(200);
    const read = await call("GET", `/sanctions/${printed.id}`, consultant);
    expect(read.json().abilities.undo).toBe(false);
    const afterPrint = await call("DELETE", `/sanctions/${printed.id}/hearing-invitation`, consultant);
    expect([afterPrint.statusCode, afterPrint.json().code]).toEqual([409, "letterLeftBuilding"]);
    expect((await letter(printed.hearing.letterId)).withdrawn_at).toBeNull();

    const inside = await invited(clientAt(3));
    const outside = await call("DELETE", `/sanctions/${inside.id}/hearing-invitation`, otherDistrict);
    expect(outside.statusCode).toBe(404);
    const asClient = await call("DELETE", `/sanctions/${inside.id}/hearing-invitation`, client);
    expect(asClient.statusCode).toBe(403);
    expect((await row(inside.id)).hearing_letter_id).toBe(inside.hearing.letterId);
  });
});

describe("undoing the decision", () => {
  it("withdraws the decision, counted nowhere, and the sanction awaits a decision again", async () => {
    const sanction = await decided(clientAt(4));
    expect([sanction.undoStep, sanction.abilities.undo]).toEqual(["decision", true]);
    expect(await listedDecisions(clientAt(4))).toContain(sanction.decisionId);

    // Only its decider or a team lead: the consultant who proposed it may not.
    const byConsultant = await call("DELETE", `/sanctions/${sanction.id}/decision`, consultant);
    expect([byConsultant.statusCode, byConsultant.json().code]).toEqual([403, "notLetterAuthor"]);

    const undone = await call("DELETE", `/sanctions/${sanction.id}/decision`, lead);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({
      status: "proposed",
      outcome: null,
      percentage: null,
      decisionId: null,
      decisionLetterId: null,
      reconsiderBy: null,
      undoStep: null,
    });
    expect(undone.json().abilities).toMatchObject({ decide: true, reconsider: false, undo: false });
    const stored = await row(sanction.id);
    expect([stored.status, stored.outcome, stored.decided_at, stored.months]).toEqual(["proposed", null, null, null]);
    // The decision is kept, marked withdrawn, and exists for no one.
    const withdrawal = await t.db.kysely
      .selectFrom("decision_withdrawals")
      .select("letter_id")
      .where("decision_id", "=", sanction.decisionId)
      .executeTakeFirst();
    expect(withdrawal?.letter_id).toBe(sanction.decisionLetterId);
    expect(await listedDecisions(clientAt(4))).not.toContain(sanction.decisionId);
    expect((await call("GET", `/decisions/${sanction.decisionId}`, lead)).statusCode).toBe(404);
    const objection = await call("POST", `/decisions/${sanction.decisionId}/objections`, consultant, {
      receivedOn: today,
      grounds: "Oneens.",
    });
    expect(objection.statusCode).toBe(404);
    expect((await letter(sanction.decisionLetterId)).withdrawn_at).not.toBeNull();

    // Decided anew, it is a new decision with a new letter.
    const again = await call("POST", `/sanctions/${sanction.id}/decision`, lead, { outcome: "refrained", reasons: "Toch niet." });
    expect(again.statusCode, again.body).toBe(200);
    expect(await listedDecisions(clientAt(4))).toEqual(expect.arrayContaining([again.json().decisionId]));
  });

  it("is refused once the client objected, and once the letter left the building", async () => {
    const objected = await decided(clientAt(5));
    const lodged = await call("POST", `/decisions/${objected.decisionId}/objections`, consultant, {
      receivedOn: today,
      grounds: "Oneens.",
    });
    expect(lodged.statusCode, lodged.body).toBe(201);
    const afterObjection = await call("DELETE", `/sanctions/${objected.id}/decision`, lead);
    expect([afterObjection.statusCode, afterObjection.json().code]).toEqual([409, "objectionExists"]);

    const delivered = await decided(clientAt(6));
    const delivery = await call("POST", `/letters/${delivered.decisionLetterId}/deliveries`, lead, { status: "delivered" });
    expect(delivery.statusCode, delivery.body).toBeLessThan(300);
    const afterDelivery = await call("DELETE", `/sanctions/${delivered.id}/decision`, lead);
    expect([afterDelivery.statusCode, afterDelivery.json().code]).toEqual([409, "letterLeftBuilding"]);
    expect((await row(delivered.id)).status).toBe("decided");
  });
});

describe("undoing the reconsideration", () => {
  it("puts back the decision it replaced: the sanction runs again, its reconsideration still due", async () => {
    const sanction = await decided(clientAt(7));
    const ended = await call("POST", `/sanctions/${sanction.id}/reconsideration`, lead, { outcome: "ended", note: "Werkt nu mee." });
    expect(ended.statusCode, ended.body).toBe(200);
    const reconsideration = ended.json() as { reconsiderationDecisionId: string; undoStep: string; abilities: Record<string, boolean> };
    expect([reconsideration.undoStep, reconsideration.abilities.undo]).toEqual(["reconsideration", true]);
    // The decision before it cannot be undone meanwhile.
    const decisionFirst = await call("DELETE", `/sanctions/${sanction.id}/decision`, lead);
    expect([decisionFirst.statusCode, decisionFirst.json().code]).toEqual([409, "alreadyReconsidered"]);

    const undone = await call("DELETE", `/sanctions/${sanction.id}/reconsideration`, lead);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({
      status: "decided",
      reconsideredOn: null,
      reconsiderationDecisionId: null,
      endedOn: null,
      decisionId: sanction.decisionId,
      undoStep: "decision",
    });
    expect(undone.json().abilities.reconsider).toBe(true);
    const listed = (await call("GET", `/clients/${clientAt(7)}/decisions`, lead)).json().items as {
      id: string;
      replacedBy: string | null;
    }[];
    expect(listed.map((d) => d.id)).not.toContain(reconsideration.reconsiderationDecisionId);
    expect(listed.find((d) => d.id === sanction.decisionId)?.replacedBy ?? null).toBeNull();
  });
});

describe("at the same moment", () => {
  it("lets exactly one of undoing the invitation and printing its letter win", async () => {
    for (const index of [8, 9, 10]) {
      const sanction = await invited(clientAt(index));
      const [undo, print] = await Promise.all([
        call("DELETE", `/sanctions/${sanction.id}/hearing-invitation`, consultant),
        call("GET", `/letters/${sanction.hearing.letterId}/pdf`, consultant),
      ]);
      expect(print.statusCode).toBe(200);
      const stored = await letter(sanction.hearing.letterId);
      if (undo.statusCode === 200) {
        expect(stored.printed_at).toBeNull();
        expect((await row(sanction.id)).hearing_letter_id).toBeNull();
      } else {
        expect([undo.statusCode, undo.json().code]).toEqual([409, "letterLeftBuilding"]);
        expect(stored.withdrawn_at).toBeNull();
        expect((await row(sanction.id)).hearing_letter_id).toBe(sanction.hearing.letterId);
      }
    }
  });

  it("lets exactly one of undoing the decision and printing its letter win", async () => {
    const sanction = await decided(clientAt(11));
    const [undo, print] = await Promise.all([
      call("DELETE", `/sanctions/${sanction.id}/decision`, lead),
      call("GET", `/letters/${sanction.decisionLetterId}/pdf`, lead),
    ]);
    expect(print.statusCode).toBe(200);
    const stored = await letter(sanction.decisionLetterId);
    if (undo.statusCode === 200) {
      expect(stored.printed_at).toBeNull();
      expect((await row(sanction.id)).status).toBe("proposed");
    } else {
      expect([undo.statusCode, undo.json().code]).toEqual([409, "letterLeftBuilding"]);
      expect(stored.withdrawn_at).toBeNull();
      expect((await row(sanction.id)).status).toBe("decided");
    }
  });

  it("undoes the invitation either before the client answers, or not at all once they have", async () => {
    for (let round = 0; round < 3; round++) {
      const sanction = await invited(portalClientId);
      const [undo, answer] = await Promise.all([
        call("DELETE", `/sanctions/${sanction.id}/hearing-invitation`, consultant),
        call("POST", `/sanctions/${sanction.id}/hearing`, client, { heldOn: today, channel: "portal", record: "Ik was ziek." }),
      ]);
      // The answer is never lost: the client may give their side on a proposal, invited or not.
      expect(answer.statusCode, answer.body).toBe(200);
      const stored = await row(sanction.id);
      expect(stored.hearing_record).toBe("Ik was ziek.");
      const events = await t.db.kysely
        .selectFrom("audit_events")
        .select("action")
        .where("subject_id", "=", sanction.id)
        .where("action", "in", ["sanction.hearing", "sanction.undoHearingInvitation"])
        .orderBy("occurred_at")
        .orderBy("id")
        .execute();
      if (undo.statusCode === 200) {
        // The undo went first: the letter withdrawn, and the answer came on a proposal without an invitation.
        expect((await letter(sanction.hearing.letterId)).withdrawn_at).not.toBeNull();
        expect(stored.hearing_letter_id).toBeNull();
        expect(events.map((e) => e.action)).toContain("sanction.undoHearingInvitation");
      } else {
        // The answer went first: the invitation it answered stands.
        expect([undo.statusCode, undo.json().code]).toEqual([409, "alreadyHeard"]);
        expect((await letter(sanction.hearing.letterId)).withdrawn_at).toBeNull();
        expect(stored.hearing_letter_id).toBe(sanction.hearing.letterId);
        expect(events.map((e) => e.action)).toEqual(["sanction.hearing"]);
      }
    }
  });
});
