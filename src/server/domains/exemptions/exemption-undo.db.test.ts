import { TestClock } from "@server/clock.js";
import type { ExemptionRow } from "@server/db/schema.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addMonths } from "@shared/dates.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueNotifications } from "../notifications/notifications.delivery.js";
import type { Transports } from "../notifications/notifications.transports.js";
import { endExpiredExemption } from "./exemptions.repo.js";

// Undoing an exemption's decision, co-signature, early end or refused extension while its letter is still inside:
// the exemption exactly as it was before, the letter and the decision withdrawn; refused once the letter has left.

type Headers = { authorization: string };

const clock = new TestClock("2026-03-10T09:00:00+01:00");
const today = "2026-03-10";
let t: TestApp;
let consultant: Headers;
let lead: Headers;
/** Charlois clients of the consultant without exemptions, handed out so that no two tests share one. */
let spare: string[];
const transports: Transports = { email: { send: async () => undefined }, sms: { send: async () => undefined } };

const api = (method: "GET" | "POST", url: string, headers: Headers = consultant, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const take = () => expectDefined(spare.shift(), "a spare client");
const rowOf = (id: string) => t.db.kysely.selectFrom("exemptions").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const letterOf = (id: string) => t.db.kysely.selectFrom("letters").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
/** The letter of the exemption's newest decision. */
const lastLetterOf = async (exemptionId: string) =>
  expectDefined(
    (
      await t.db.kysely
        .selectFrom("decisions")
        .select("letter_id")
        .where("subject_id", "=", exemptionId)
        .orderBy("created_at", "desc")
        .orderBy("id")
        .execute()
    ).find((d) => d.letter_id !== null)?.letter_id,
    "a decision letter",
  );
/** The client's decisions as the API lists them: a withdrawn one is not among them. */
const listedDecisions = async (clientId: string): Promise<{ type: string; letterId: string }[]> =>
  (await api("GET", `/clients/${clientId}/decisions`)).json().items;
/** What an undo must put back: every column but the moment of the last change. */
const stateOf = ({ updated_at: _, ...row }: ExemptionRow) => row;

async function requested(clientId: string): Promise<string> {
  const response = await api("POST", `/clients/${clientId}/exemption-requests`, consultant, {
    type: "crisis",
    reason: "Mijn huis is afgebrand.",
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function act(url: string, payload?: object, headers: Headers = consultant) {
  const response = await api("POST", url, headers, payload);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const grant = (id: string) =>
  act(`/exemptions/${id}/decisions`, {
    outcome: "granted",
    scope: "partial",
    maxHoursPerWeek: 4,
    startDate: today,
    reviewDate: addMonths(today, 3),
    note: "Tijdelijk minder uren.",
    obligations: ["tegenprestatie", "workObligations"],
  });

beforeAll(async () => {
  t = await createTestApp({ clients: 300, clock });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  const me = (await api("GET", "/me")).json();
  // Every client can be told by e-mail, so that each letter has a notice in the outbox.
  await t.db.kysely.updateTable("clients").set({ notification_channel: "email", email: "client@example.nl" }).execute();
  const rows = await t.db.kysely
    .selectFrom("clients")
    .select("id")
    .where("consultant_id", "=", me.id)
    .where("id", "not in", t.db.kysely.selectFrom("exemptions").select("client_id"))
    .where("id", "not in", t.db.kysely.selectFrom("users").select("client_id").where("client_id", "is not", null))
    .orderBy("id")
    .execute();
  spare = rows.map((r) => r.id);
}, 120_000);
afterAll(() => t.close());

describe("undoing an exemption's decision", () => {
  it("puts a granted request back to awaiting its decision, exactly as before; letter and decision withdrawn", async () => {
    const clientId = take();
    const id = await requested(clientId);
    const before = await rowOf(id);
    const granted = await grant(id);
    expect(granted).toMatchObject({ status: "active", abilities: { undo: true } });
    const letterId = await lastLetterOf(id);
    // Held back from the client for a few minutes: until it leaves, the decision can be undone.
    expect((await letterOf(letterId)).held_until).not.toBeNull();
    expect(await listedDecisions(clientId)).toEqual([expect.objectContaining({ type: "exemptionGranted", letterId })]);

    const undone = await act(`/exemptions/${id}/undo`);
    expect(undone).toMatchObject({ status: "requested", decisions: [], abilities: { decide: true, undo: false } });
    expect(stateOf(await rowOf(id))).toEqual(stateOf(before));
    expect((await letterOf(letterId)).withdrawn_at).not.toBeNull();
    expect(await listedDecisions(clientId)).toEqual([]);
    const withdrawn = await t.db.kysely.selectFrom("decision_withdrawals").select("letter_id").where("letter_id", "=", letterId).execute();
    expect(withdrawn).toHaveLength(1);
    const audit = await t.db.kysely.selectFrom("audit_events").select("action").where("subject_id", "=", id).execute();
    expect(audit.map((a) => a.action)).toContain("exemption.undo");

    // Decided again, now refused: that is undone the same way; then there is nothing left to undo.
    await act(`/exemptions/${id}/decisions`, { outcome: "refused", note: "Geen dringende reden." });
    expect((await act(`/exemptions/${id}/undo`)).status).toBe("requested");
    expect(stateOf(await rowOf(id))).toEqual(stateOf(before));
    const again = await api("POST", `/exemptions/${id}/undo`);
    expect([again.statusCode, again.json().code]).toEqual([409, "exemptionState"]);
  });

  it("puts a co-signed exemption back to awaiting its co-signature, for the team lead who signed", async () => {
    const clientId = take();
    const created = await api("POST", `/clients/${clientId}/exemptions`, consultant, {
      type: "medical",
      scope: "full",
      startDate: today,
      endDate: addMonths(today, 18),
      reason: "Langdurig herstel.",
    });
    expect(created.json()).toMatchObject({ status: "awaitingCoSign", abilities: { undo: false } });
    const id = created.json().id;
    const before = await rowOf(id);
    expect((await act(`/exemptions/${id}/co-signatures`, undefined, lead)).abilities.undo).toBe(true);
    // The consultant did not sign it: only the team lead (or another) undoes it.
    const exemptions = (await api("GET", `/clients/${clientId}/exemptions`)).json().items;
    expect(exemptions[0].abilities.undo).toBe(false);
    const refused = await api("POST", `/exemptions/${id}/undo`);
    expect([refused.statusCode, refused.json().code]).toEqual([403, "notLetterAuthor"]);

    const undone = await act(`/exemptions/${id}/undo`, undefined, lead);
    expect(undone).toMatchObject({ status: "awaitingCoSign", coSignedBy: null, coSignedAt: null, decisions: [] });
    expect(stateOf(await rowOf(id))).toEqual(stateOf(before));
  });

  it("lets an ended exemption run again, and then a refused extension, and then the grant before it, be undone", async () => {
    const clientId = take();
    const id = await requested(clientId);
    const asked = await rowOf(id);
    await grant(id);
    const running = await rowOf(id);
    const notExtended = await act(`/exemptions/${id}/extension-refusal`, { reason: "Het gaat weer beter.", askedByClient: true });
    expect(notExtended).toMatchObject({ endDate: addMonths(today, 3), reviewDate: null, abilities: { refuseExtension: false } });
    const lastDay = await rowOf(id);
    await act(`/exemptions/${id}/end`, { endedOn: today, reason: "Hersteld." });

    expect(await act(`/exemptions/${id}/undo`)).toMatchObject({ status: "active", endedOn: null, endReason: null });
    expect(stateOf(await rowOf(id))).toEqual(stateOf(lastDay));
    const extendable = await act(`/exemptions/${id}/undo`);
    expect(extendable).toMatchObject({ status: "active", endDate: null, reviewDate: addMonths(today, 3) });
    expect(extendable.abilities).toMatchObject({ refuseExtension: true, undo: true });
    expect(stateOf(await rowOf(id))).toEqual(stateOf(running));
    expect((await act(`/exemptions/${id}/undo`)).status).toBe("requested");
    expect(stateOf(await rowOf(id))).toEqual(stateOf(asked));
    expect(await listedDecisions(clientId)).toEqual([]);
  });

  it("is refused once the exemption moved on: it ran out since", async () => {
    const id = await requested(take());
    await grant(id);
    await act(`/exemptions/${id}/extension-refusal`, { reason: "Het gaat weer beter." });
    await endExpiredExemption(t.db.kysely, id, addMonths(today, 3), clock.now().toISOString());
    const refused = await api("POST", `/exemptions/${id}/undo`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "exemptionChanged"]);
    expect((await letterOf(await lastLetterOf(id))).withdrawn_at).toBeNull();
  });
});

describe("undoing once the letter has left, or by someone else", () => {
  it("is refused after a print, a delivery or the outbox's notice, and says so in the abilities", async () => {
    const leave = {
      printed: (letterId: string) => api("GET", `/letters/${letterId}/pdf`),
      delivered: (letterId: string) =>
        api("POST", `/letters/${letterId}/deliveries`, consultant, { status: "sent", trackingNumber: "3SABCD1234567" }),
      notified: async () => {
        clock.advance({ minutes: 6 });
        await deliverDueNotifications(t.db.kysely, { clock, transports, portalUrl: "http://x" });
      },
    };
    for (const [how, send] of Object.entries(leave)) {
      const clientId = take();
      const id = await requested(clientId);
      await grant(id);
      const letterId = await lastLetterOf(id);
      await send(letterId);
      const listed = (await api("GET", `/clients/${clientId}/exemptions`)).json().items;
      expect(listed[0].abilities.undo, how).toBe(false);
      const refused = await api("POST", `/exemptions/${id}/undo`);
      expect([refused.statusCode, refused.json().code], how).toEqual([409, "letterLeftBuilding"]);
      expect((await rowOf(id)).status).toBe("active");
      expect((await letterOf(letterId)).withdrawn_at).toBeNull();
      expect(await listedDecisions(clientId)).toHaveLength(1);
    }
  });

  it("is for whoever decided or a team lead, and outside the district the exemption does not exist", async () => {
    const id = await requested(take());
    await grant(id);
    const other = await t.db.kysely.selectFrom("users").select("id").where("email", "=", "consulent2@demo.local").executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable("letters")
      .set({ created_by: other.id })
      .where("id", "=", await lastLetterOf(id))
      .execute();
    const refused = await api("POST", `/exemptions/${id}/undo`);
    expect([refused.statusCode, refused.json().code]).toEqual([403, "notLetterAuthor"]);
    expect((await api("POST", `/exemptions/${id}/undo`, await bearerFor(t.app, "consulent2@demo.local"))).statusCode).toBe(404);
    expect((await rowOf(id)).status).toBe("active");
    expect((await act(`/exemptions/${id}/undo`, undefined, lead)).status).toBe("requested");
  });
});

describe("undo against printing at the same moment", () => {
  it("lets exactly one of undo and printing the decision letter win", async () => {
    for (let round = 0; round < 4; round++) {
      const id = await requested(take());
      await grant(id);
      const letterId = await lastLetterOf(id);
      const [undo, print] = await Promise.all([api("POST", `/exemptions/${id}/undo`), api("GET", `/letters/${letterId}/pdf`)]);
      const letter = await letterOf(letterId);
      const { status } = await rowOf(id);
      if (undo.statusCode === 200) {
        // Staff may still read a withdrawn letter for the record; it is not a print.
        expect(print.statusCode).toBe(200);
        expect([letter.printed_at, status]).toEqual([null, "requested"]);
        expect(letter.withdrawn_at).not.toBeNull();
      } else {
        expect([undo.statusCode, undo.json().code]).toEqual([409, "letterLeftBuilding"]);
        expect(letter.printed_at).not.toBeNull();
        expect([letter.withdrawn_at, status]).toEqual([null, "active"]);
      }
    }
  });
});
