import { TestClock } from "@server/clock.js";
import { confirmedPlanStep } from "@server/testing/sanction-facts.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays } from "@shared/dates.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueNotifications } from "../notifications/notifications.delivery.js";
import type { Transports } from "../notifications/notifications.transports.js";

// Undoing an objection's postponement, hearing invitation or decision while its letter is still inside: the letter
// withdrawn, a decision on objection withdrawn (replacing nothing), the objection, its terms and the sanction as before.

const clock = new TestClock("2026-11-13T10:00:00+01:00");
let t: TestApp;
let clientId: string;
type Headers = { authorization: string };
let consultant: Headers;
let lead: Headers;
/** A team lead who took no part in the sanction decisions below: hears and decides the objections. */
let second: Headers;
const transports: Transports = { email: { send: async () => {} }, sms: { send: async () => {} } };

const call = (method: "GET" | "POST" | "DELETE", url: string, headers: Headers, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const objectionRow = (id: string) => t.db.kysely.selectFrom("objections").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const letterOf = (id: string) => t.db.kysely.selectFrom("letters").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const sanctionOf = (id: string) => t.db.kysely.selectFrom("sanctions").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

async function login(email: string, password = "demo"): Promise<Headers> {
  return bearerFor(t.app, email, password);
}

/** A user over Charlois made by the admin, who logs in with their own password. */
async function colleague(email: string, role: "consultant" | "teamLead"): Promise<Headers> {
  const made = await call("POST", "/users", await login("admin@demo.local"), {
    email,
    displayName: email.split("@")[0],
    role,
    districts: ["Charlois"],
    password: "collega-collega",
  });
  expect(made.statusCode, made.body).toBe(201);
  return login(email, "collega-collega");
}

/** A sanction imposed today (proposed by the consultant, decided by the team lead) and the client's objection to it. */
async function objection(decision: { outcome: string; percentage?: number; months?: number } = { outcome: "imposed" }) {
  const proposed = await call("POST", `/clients/${clientId}/sanctions`, consultant, {
    ground: "insufficientEffort",
    factsDate: addDays(clock.today(), -7),
    facts: "Solliciteerde niet, terwijl dat was afgesproken.",
    planStepId: (await confirmedPlanStep(t.db, clientId, addDays(clock.today(), -30))).planStepId,
    notDone: "Geen enkele sollicitatie in vier weken.",
    culpability: "reduced",
    circumstances: "Geen bijzondere omstandigheden.",
    urgentReasons: false,
  });
  expect(proposed.statusCode, proposed.body).toBe(201);
  const sanctionId = proposed.json().id as string;
  await call("POST", `/sanctions/${sanctionId}/hearing`, consultant, { heldOn: clock.today(), channel: "phone", record: "Vergeten." });
  const decided = await call("POST", `/sanctions/${sanctionId}/decision`, lead, { ...decision, reasons: "Verwijtbaar." });
  expect(decided.statusCode, decided.body).toBe(200);
  const decisionId = decided.json().decisionId as string;
  const objected = await call("POST", `/decisions/${decisionId}/objections`, consultant, {
    receivedOn: clock.today(),
    grounds: "Ik was ziek.",
  });
  expect(objected.statusCode, objected.body).toBe(201);
  return { sanctionId, decisionId, id: objected.json().id as string, decideBy: objected.json().decideBy as string };
}

async function postpone(id: string, headers = consultant) {
  const postponed = await call("POST", `/objections/${id}/postponement`, headers, { reasons: "Wij wachten op een medisch advies." });
  expect(postponed.statusCode, postponed.body).toBe(200);
  return postponed.json();
}

/** Heard by the second team lead, then decided by them: the objection as answered. */
async function decide(id: string, outcome: object) {
  await call("POST", `/objections/${id}/hearings`, second, { heldOn: clock.today(), record: "De cliënt licht het bezwaar toe." });
  const decided = await call("POST", `/objections/${id}/outcome`, second, { reasons: "Opname aangetoond.", ...outcome });
  expect(decided.statusCode, decided.body).toBe(200);
  return decided.json();
}

const outcomeLetterOf = async (outcomeDecisionId: string) =>
  (await t.db.kysely.selectFrom("decisions").select("letter_id").where("id", "=", outcomeDecisionId).executeTakeFirstOrThrow()).letter_id ??
  "";

beforeAll(async () => {
  t = await createTestApp({ clients: 60, clock });
  const account = await t.db.kysely
    .selectFrom("users")
    .select("client_id")
    .where("email", "=", "klant@demo.local")
    .executeTakeFirstOrThrow();
  clientId = account.client_id ?? "";
  // The client is told by e-mail, so that every letter has a notice in the outbox.
  await t.db.kysely
    .updateTable("clients")
    .set({ notification_channel: "email", email: "client@example.nl" })
    .where("id", "=", clientId)
    .execute();
  consultant = await login("consulent@demo.local");
  lead = await login("teamleider@demo.local");
  second = await colleague("teamleider-bezwaar@demo.local", "teamLead");
}, 120_000);
afterAll(() => t.close());

describe("undoing the postponement", () => {
  it("withdraws its letter and puts the date to decide by back, so that it can be postponed again", async () => {
    const { id, decideBy } = await objection();
    const postponed = await postpone(id);
    expect(postponed).toMatchObject({ postponed: true, abilities: { postpone: false, undoPostponement: true } });
    const letterId = postponed.postponement.letterId as string;

    const undone = await call("DELETE", `/objections/${id}/postponement`, consultant);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ decideBy, postponed: false, postponement: null });
    expect(undone.json().abilities).toMatchObject({ postpone: true, undoPostponement: false });
    expect((await letterOf(letterId)).withdrawn_at).not.toBeNull();
    const notices = await t.db.kysely.selectFrom("notifications").select("id").where("subject_id", "=", letterId).execute();
    expect(notices).toEqual([]);
    const audit = await t.db.kysely.selectFrom("audit_events").select("action").where("subject_id", "=", id).execute();
    expect(audit.map((a) => a.action)).toContain("objection.undoPostponement");
    expect((await call("DELETE", `/objections/${id}/postponement`, consultant)).json().code).toBe("notPostponed");
    expect((await postpone(id)).decideBy).toBe(postponed.decideBy);
  });

  it("goes back to the date the client agreed to before it, and stands once a consent extension came after it", async () => {
    const before = await objection();
    const consented = { consentGivenOn: clock.today(), decideBy: "2027-03-01", note: "Telefonisch akkoord." };
    expect((await call("POST", `/objections/${before.id}/consent-extension`, consultant, consented)).statusCode).toBe(200);
    expect((await postpone(before.id)).decideBy).toBe("2027-04-12");
    const undone = await call("DELETE", `/objections/${before.id}/postponement`, consultant);
    expect(undone.json()).toMatchObject({ decideBy: "2027-03-01", postponed: false, consent: { givenOn: clock.today() } });

    const after = await objection();
    const { postponement } = await postpone(after.id);
    const later = { ...consented, decideBy: "2027-05-03" };
    expect((await call("POST", `/objections/${after.id}/consent-extension`, consultant, later)).statusCode).toBe(200);
    expect((await call("GET", `/objections/${after.id}`, consultant)).json().abilities.undoPostponement).toBe(false);
    const refused = await call("DELETE", `/objections/${after.id}/postponement`, consultant);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "decideByChanged"]);
    expect((await letterOf(postponement.letterId)).withdrawn_at).toBeNull();
    expect((await objectionRow(after.id)).decide_by).toBe("2027-05-03");
  });

  it("is for whoever postponed or a team lead: 403 for another consultant, 404 outside the district", async () => {
    const { id } = await objection();
    await postpone(id);
    const other = await colleague("consulent-collega@demo.local", "consultant");
    expect((await call("GET", `/objections/${id}`, other)).json().abilities.undoPostponement).toBe(false);
    const refused = await call("DELETE", `/objections/${id}/postponement`, other);
    expect([refused.statusCode, refused.json().code]).toEqual([403, "notLetterAuthor"]);
    expect((await call("DELETE", `/objections/${id}/postponement`, await login("consulent2@demo.local"))).statusCode).toBe(404);
    expect((await objectionRow(id)).postponed).toBe(1);
    expect((await call("DELETE", `/objections/${id}/postponement`, lead)).statusCode).toBe(200);
  });
});

describe("undoing the hearing invitation", () => {
  it("withdraws its letter and the client is not invited; once heard it stands", async () => {
    const { id } = await objection();
    const invited = await call("POST", `/objections/${id}/hearing-invitation`, second);
    expect(invited.json()).toMatchObject({ abilities: { undoHearingInvitation: true } });
    const letterId = invited.json().hearing.invitationLetterId as string;
    const undone = await call("DELETE", `/objections/${id}/hearing-invitation`, second);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ hearing: { invitationLetterId: null }, abilities: { inviteToHearing: true } });
    expect((await letterOf(letterId)).withdrawn_at).not.toBeNull();

    const again = await call("POST", `/objections/${id}/hearing-invitation`, second);
    await call("POST", `/objections/${id}/hearings`, second, { heldOn: clock.today(), record: "Gehoord." });
    const refused = await call("DELETE", `/objections/${id}/hearing-invitation`, second);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "hearingChanged"]);
    expect((await letterOf(again.json().hearing.invitationLetterId)).withdrawn_at).toBeNull();
  });
});

describe("undoing the decision on objection", () => {
  it("withdraws the decision on objection: listed nowhere, replacing nothing; the sanction is imposed again and the objection open", async () => {
    const { id, decisionId, sanctionId } = await objection();
    const decided = await decide(id, { outcome: "wellFounded" });
    expect(decided.abilities.undoOutcome).toBe(true);
    expect((await sanctionOf(sanctionId)).revoked).toBe(1);
    const outcomeDecisionId = decided.outcomeDecisionId as string;
    const letterId = await outcomeLetterOf(outcomeDecisionId);

    const undone = await call("DELETE", `/objections/${id}/outcome`, second);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ outcome: null, outcomeOn: null, outcomeDecisionId: null });
    expect(undone.json().abilities).toMatchObject({ decide: true, undoOutcome: false });
    expect(undone.json().hearing.versions).toHaveLength(1);
    expect((await sanctionOf(sanctionId)).revoked).toBe(0);
    expect((await letterOf(letterId)).withdrawn_at).not.toBeNull();
    const listed = (await call("GET", `/clients/${clientId}/decisions`, second)).json().items.map((d: { id: string }) => d.id);
    expect(listed).not.toContain(outcomeDecisionId);
    expect(listed).toContain(decisionId);
    expect((await call("GET", `/decisions/${decisionId}`, second)).json().replacedByDecisionId).toBeNull();
    const withdrawn = await t.db.kysely
      .selectFrom("decision_withdrawals")
      .select("letter_id")
      .where("decision_id", "=", outcomeDecisionId)
      .execute();
    expect(withdrawn).toEqual([{ letter_id: letterId }]);
    const sanction = (await call("GET", `/sanctions/${sanctionId}`, second)).json();
    expect(sanction.revoked).toBe(false);

    // Decided again, differently: the new decision on objection stands and the withdrawn one still replaces nothing.
    const unfounded = await call("POST", `/objections/${id}/outcome`, second, { outcome: "unfounded", reasons: "Geen nieuwe feiten." });
    expect(unfounded.statusCode, unfounded.body).toBe(200);
    expect((await call("GET", `/decisions/${decisionId}`, second)).json().replacedByDecisionId).toBeNull();
    expect((await call("DELETE", `/objections/${id}/outcome`, await login("consulent2@demo.local"))).statusCode).toBe(403);
  });

  it("puts a lowered sanction back as it was", async () => {
    const { id, sanctionId } = await objection({ outcome: "imposedLower", percentage: 4, months: 1 });
    await decide(id, { outcome: "partlyWellFounded", percentage: 2 });
    expect(await sanctionOf(sanctionId)).toMatchObject({ percentage: 2, months: 1 });
    expect((await call("DELETE", `/objections/${id}/outcome`, second)).statusCode).toBe(200);
    expect(await sanctionOf(sanctionId)).toMatchObject({ percentage: 4, months: 1, revoked: 0 });
    expect((await call("DELETE", `/objections/${id}/outcome`, second)).json().code).toBe("objectionNotDecided");
  });
});

describe("once the letter has left the building", () => {
  it("refuses every undo after a print, a delivery or the outbox's notice, and leaves everything as it was", async () => {
    const printed = await objection();
    const printedLetter = (await postpone(printed.id)).postponement.letterId as string;
    expect((await call("GET", `/letters/${printedLetter}/pdf`, consultant)).statusCode).toBe(200);

    const delivered = await objection();
    const deliveredLetter = (await call("POST", `/objections/${delivered.id}/hearing-invitation`, second)).json().hearing
      .invitationLetterId as string;
    expect((await call("POST", `/letters/${deliveredLetter}/deliveries`, consultant, { status: "delivered" })).statusCode).toBe(201);

    const notified = await objection();
    const decidedOutcome = await decide(notified.id, { outcome: "wellFounded" });
    clock.advance({ minutes: 6 });
    await deliverDueNotifications(t.db.kysely, { clock, transports, portalUrl: "http://x" });

    const cases = [
      { id: printed.id, step: "postponement", ability: "undoPostponement" },
      { id: delivered.id, step: "hearing-invitation", ability: "undoHearingInvitation" },
      { id: notified.id, step: "outcome", ability: "undoOutcome" },
    ];
    for (const { id, step, ability } of cases) {
      const headers = step === "postponement" ? consultant : second;
      expect((await call("GET", `/objections/${id}`, headers)).json().abilities[ability], step).toBe(false);
      const refused = await call("DELETE", `/objections/${id}/${step}`, headers);
      expect([refused.statusCode, refused.json().code], step).toEqual([409, "letterLeftBuilding"]);
    }
    expect((await objectionRow(printed.id)).postponed).toBe(1);
    expect((await objectionRow(delivered.id)).hearing_invitation_letter_id).toBe(deliveredLetter);
    expect((await objectionRow(notified.id)).outcome_decision_id).toBe(decidedOutcome.outcomeDecisionId);
    expect((await sanctionOf(notified.sanctionId)).revoked).toBe(1);
  });
});

describe("undo and print at the same moment", () => {
  it("lets exactly one of undoing the decision on objection and printing its letter win", async () => {
    for (let round = 0; round < 3; round++) {
      const { id, sanctionId } = await objection();
      const decided = await decide(id, { outcome: "wellFounded" });
      const letterId = await outcomeLetterOf(decided.outcomeDecisionId);
      const [undo, print] = await Promise.all([
        call("DELETE", `/objections/${id}/outcome`, second),
        call("GET", `/letters/${letterId}/pdf`, second),
      ]);
      const letter = await letterOf(letterId);
      const stored = await objectionRow(id);
      if (undo.statusCode === 200) {
        // Staff may still read a withdrawn letter for the record; it is not a print.
        expect(print.statusCode).toBe(200);
        expect(letter.printed_at).toBeNull();
        expect(stored.outcome).toBeNull();
        expect((await sanctionOf(sanctionId)).revoked).toBe(0);
      } else {
        expect([undo.statusCode, undo.json().code]).toEqual([409, "letterLeftBuilding"]);
        expect(letter.printed_at).not.toBeNull();
        expect(letter.withdrawn_at).toBeNull();
        expect(stored.outcome).toBe("wellFounded");
        expect((await sanctionOf(sanctionId)).revoked).toBe(1);
      }
    }
  });

  it("lets exactly one of undoing the postponement and printing its letter win", async () => {
    for (let round = 0; round < 3; round++) {
      const { id, decideBy } = await objection();
      const letterId = (await postpone(id)).postponement.letterId as string;
      const [undo] = await Promise.all([
        call("DELETE", `/objections/${id}/postponement`, consultant),
        call("GET", `/letters/${letterId}/pdf`, consultant),
      ]);
      const letter = await letterOf(letterId);
      const stored = await objectionRow(id);
      if (undo.statusCode === 200) {
        expect([letter.printed_at, stored.decide_by, stored.postponed]).toEqual([null, decideBy, 0]);
      } else {
        expect([undo.statusCode, undo.json().code]).toEqual([409, "letterLeftBuilding"]);
        expect([letter.withdrawn_at, stored.postponed]).toEqual([null, 1]);
      }
    }
  });
});
