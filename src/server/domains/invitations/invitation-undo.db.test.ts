import { TestClock } from "@server/clock.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import type { InvitationBatchOutput } from "@shared/schemas/appointments.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientsWithPlannedIntake } from "../appointments/appointments.repo.js";
import { deliverDueNotifications } from "../notifications/notifications.delivery.js";
import type { Transports } from "../notifications/notifications.transports.js";

// Undoing an invitation while its letter is still inside the building, and nothing of it once it has left.

const clock = new TestClock("2026-12-03T09:00:00+01:00");
let t: TestApp;
let consultant: { authorization: string };
let lead: { authorization: string };
let client: { authorization: string };
let ownClientId: string;
/** Charlois clients, handed out so that no two tests share one. */
let spare: string[];
const sent: string[] = [];
const transports: Transports = {
  email: { send: async (message) => void sent.push(message.id) },
  sms: { send: async (message) => void sent.push(message.id) },
};

const api = (method: "GET" | "POST", url: string, headers = consultant, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
function take(count: number): string[] {
  if (spare.length < count) throw new Error(`only ${spare.length} test clients left, ${count} wanted`);
  return spare.splice(0, count);
}

async function invite(clientIds: string[]): Promise<InvitationBatchOutput> {
  const response = await api("POST", "/invitations", consultant, { clientIds });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const letterOf = (id: string) => t.db.kysely.selectFrom("letters").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const invitationsOf = (clientId: string) => t.db.kysely.selectFrom("invitations").selectAll().where("client_id", "=", clientId).execute();
const noticesOf = (letterId: string) =>
  t.db.kysely.selectFrom("notifications").selectAll().where("subject_type", "=", "letter").where("subject_id", "=", letterId).execute();
const first = (batch: InvitationBatchOutput) => expectDefined(batch.items[0]);

beforeAll(async () => {
  t = await createTestApp({ clients: 300, clock });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  client = await bearerFor(t.app, "klant@demo.local");
  const availability = await api("PUT" as "POST", "/me/availability", consultant, {
    blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: "09:00", endTime: "17:00", location: "Wijkteam Charlois" })),
  });
  expect(availability.statusCode).toBe(200);
  const account = await t.db.kysely
    .selectFrom("users")
    .select("client_id")
    .where("email", "=", "klant@demo.local")
    .executeTakeFirstOrThrow();
  ownClientId = expectDefined(account.client_id);
  // Every client can be told by e-mail, so that each letter has a notice in the outbox.
  await t.db.kysely.updateTable("clients").set({ notification_channel: "email", email: "client@example.nl" }).execute();
  const planned = await t.db.kysely.selectFrom("appointments").select("client_id").execute();
  const rows = await t.db.kysely
    .selectFrom("clients")
    .select("id")
    .where("district", "=", "Charlois")
    .where("benefit_end_date", "is", null)
    .where("id", "!=", ownClientId)
    .where("id", "not in", planned.map((p) => p.client_id).concat(["00000000-0000-0000-0000-000000000000"]))
    .where("birth_date", ">", "1965-01-01")
    .orderBy("id")
    .execute();
  spare = rows.map((r) => r.id);
}, 120_000);
afterAll(() => t.close());

describe("holding an undoable letter back from the client", () => {
  it("keeps the notice and the portal's letter back for the hold, then lets them through", async () => {
    const batch = await invite([ownClientId]);
    const { letterId } = first(batch);
    const [notice] = await noticesOf(letterId);
    expect(new Date(expectDefined(notice).next_attempt_at).getTime() - clock.now().getTime()).toBe(5 * 60_000);
    const before = await api("GET", `/clients/${ownClientId}/letters`, client);
    expect(before.json().items.map((l: { id: string }) => l.id)).not.toContain(letterId);
    expect((await api("GET", `/letters/${letterId}/pdf`, client)).statusCode).toBe(404);
    expect(await deliverDueNotifications(t.db.kysely, { clock, transports, portalUrl: "http://x" })).toMatchObject({ sent: 0 });

    clock.advance({ minutes: 6 });
    const after = await api("GET", `/clients/${ownClientId}/letters`, client);
    expect(after.json().items.map((l: { id: string }) => l.id)).toContain(letterId);
    // The client opens it: it has left the building.
    expect((await api("GET", `/letters/${letterId}/pdf`, client)).statusCode).toBe(200);
    expect((await letterOf(letterId)).opened_at).toBe(clock.now().toISOString());
    const undo = await api("POST", `/invitation-batches/${batch.batchId}/undo`);
    expect(undo.statusCode).toBe(409);
    expect(undo.json().code).toBe("letterLeftBuilding");
    expect(await invitationsOf(ownClientId)).toHaveLength(1);
  });
});

describe("undoing an invitation", () => {
  it("withdraws the letter, keeps it for the record, removes the intake and notice: the client is not invited", async () => {
    const [clientId] = take(1) as [string];
    const batch = await invite([clientId]);
    expect(batch.abilities.undo).toBe(true);
    expect((await api("GET", `/invitation-batches/${batch.batchId}`)).json().abilities).toEqual({ undo: true });
    const { letterId } = first(batch);

    const undo = await api("POST", `/invitation-batches/${batch.batchId}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toMatchObject({ batchId: batch.batchId, withdrawnAt: clock.now().toISOString(), abilities: { undo: false } });

    expect(await invitationsOf(clientId)).toEqual([]);
    expect(await clientsWithPlannedIntake(t.db.kysely, [clientId])).toEqual([]);
    expect(await noticesOf(letterId)).toEqual([]);
    const letter = await letterOf(letterId);
    expect(letter.withdrawn_at).toBe(clock.now().toISOString());
    expect(letter.pdf.length).toBeGreaterThan(0);
    const listed = (await api("GET", `/clients/${clientId}/letters`)).json().items;
    expect(listed.find((l: { id: string }) => l.id === letterId)?.withdrawnAt).toBe(clock.now().toISOString());
    const audit = await t.db.kysely.selectFrom("audit_events").select("action").where("client_id", "=", clientId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["invitation.create", "invitation.undo", "letter.withdraw"]));
    const uninvited = await api("GET", `/clients?invited=false&pageSize=200&district=Charlois`);
    expect(uninvited.json().items.map((c: { id: string }) => c.id)).toContain(clientId);

    // Undone twice: refused, and the client can be invited again as if for the first time.
    expect((await api("POST", `/invitation-batches/${batch.batchId}/undo`)).statusCode).toBe(404);
    expect((await api("POST", `/invitations/${first(batch).id}/undo`)).statusCode).toBe(404);
    expect(first(await invite([clientId])).sequence).toBe(1);
    // A withdrawn letter is never delivered.
    const delivery = await api("POST", `/letters/${letterId}/deliveries`, consultant, { status: "delivered" });
    expect(delivery.statusCode).toBe(409);
    expect(delivery.json().code).toBe("letterWithdrawn");
  });

  it("undoes one invitation of a batch and leaves the others standing", async () => {
    const ids = take(2);
    const batch = await invite(ids);
    const [one, other] = [expectDefined(batch.items[0]), expectDefined(batch.items[1])];
    const undo = await api("POST", `/invitations/${one.id}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json().items.map((i: { id: string }) => i.id)).toEqual([one.id]);
    const rest = (await api("GET", `/invitation-batches/${batch.batchId}`)).json();
    expect(rest.items.map((i: { id: string }) => i.id)).toEqual([other.id]);
    expect(rest.abilities.undo).toBe(true);
    expect((await letterOf(other.letterId)).withdrawn_at).toBeNull();
  });

  it("is no longer possible once the letter left the building: printed, its PDF downloaded, delivered, or its notice sent", async () => {
    const [printed, downloaded, delivered, notified] = take(4) as [string, string, string, string];
    const byBatch = await invite([printed]);
    expect((await api("GET", `/invitation-batches/${byBatch.batchId}/letters`)).statusCode).toBe(200);
    const bySingle = await invite([downloaded]);
    expect((await api("GET", `/letters/${first(bySingle).letterId}/pdf`)).statusCode).toBe(200);
    const byDelivery = await invite([delivered]);
    const trackingNumber = "3SABCD1234567";
    expect(
      (await api("POST", `/letters/${first(byDelivery).letterId}/deliveries`, consultant, { status: "sent", trackingNumber })).statusCode,
    ).toBe(201);
    const byNotice = await invite([notified]);
    clock.advance({ minutes: 6 });
    await deliverDueNotifications(t.db.kysely, { clock, transports, portalUrl: "http://x" });
    expect((await noticesOf(first(byNotice).letterId))[0]?.status).toBe("sent");

    for (const batch of [byBatch, bySingle, byDelivery, byNotice]) {
      expect((await api("GET", `/invitation-batches/${batch.batchId}`)).json().abilities).toEqual({ undo: false });
      const undo = await api("POST", `/invitation-batches/${batch.batchId}/undo`);
      expect(undo.statusCode).toBe(409);
      expect(undo.json().code).toBe("letterLeftBuilding");
      expect((await letterOf(first(batch).letterId)).withdrawn_at).toBeNull();
      expect(await invitationsOf(first(batch).clientId)).toHaveLength(1);
    }
  });

  it("is for the consultant who made it or a team lead", async () => {
    const [clientId] = take(1) as [string];
    const batch = await invite([clientId]);
    const someoneElse = await t.db.kysely
      .selectFrom("users")
      .select("id")
      .where("email", "=", "consulent2@demo.local")
      .executeTakeFirstOrThrow();
    await t.db.kysely.updateTable("letters").set({ created_by: someoneElse.id }).where("id", "=", first(batch).letterId).execute();
    const refused = await api("POST", `/invitation-batches/${batch.batchId}/undo`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("notLetterAuthor");
    expect((await api("GET", `/invitation-batches/${batch.batchId}`)).json().abilities.undo).toBe(false);
    expect(
      (await api("POST", `/invitation-batches/${batch.batchId}/undo`, await bearerFor(t.app, "consulent2@demo.local"))).statusCode,
    ).toBe(404);
    expect((await api("GET", `/invitation-batches/${batch.batchId}`, lead)).json().abilities.undo).toBe(true);
    expect((await api("POST", `/invitation-batches/${batch.batchId}/undo`, lead)).statusCode).toBe(200);
  });
});

describe("undo against print, delivery and the outbox at the same moment", () => {
  const ROUNDS = 4;

  it("lets exactly one of undo and printing the batch win", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const batch = await invite(take(1));
      const [undo, print] = await Promise.all([
        api("POST", `/invitation-batches/${batch.batchId}/undo`),
        api("GET", `/invitation-batches/${batch.batchId}/letters`),
      ]);
      const letter = await letterOf(first(batch).letterId);
      if (undo.statusCode === 200) {
        expect(print.statusCode).toBe(404);
        expect(letter.printed_at).toBeNull();
        expect(letter.withdrawn_at).not.toBeNull();
      } else {
        expect([undo.statusCode, undo.json().code, print.statusCode]).toEqual([409, "letterLeftBuilding", 200]);
        expect(letter.printed_at).not.toBeNull();
        expect(letter.withdrawn_at).toBeNull();
      }
    }
  });

  it("lets exactly one of undo and recording the delivery win", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const batch = await invite(take(1));
      const { letterId } = first(batch);
      const [undo, delivery] = await Promise.all([
        api("POST", `/invitation-batches/${batch.batchId}/undo`),
        api("POST", `/letters/${letterId}/deliveries`, consultant, { status: "sent", trackingNumber: `3SABCD${round}000000` }),
      ]);
      const statuses = [undo.statusCode, delivery.statusCode];
      expect(statuses.filter((s) => s < 300)).toHaveLength(1);
      const letter = await letterOf(letterId);
      expect(letter.withdrawn_at === null).toBe(delivery.statusCode === 201);
      expect(letter.delivery_updated_at === null).toBe(undo.statusCode === 200);
    }
  });

  it("lets exactly one of undo and the outbox's sending of the notice win", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const batch = await invite(take(1));
      const { letterId } = first(batch);
      const noticeId = expectDefined((await noticesOf(letterId))[0]).id;
      clock.advance({ minutes: 6 });
      const [undo] = await Promise.all([
        api("POST", `/invitation-batches/${batch.batchId}/undo`),
        deliverDueNotifications(t.db.kysely, { clock, transports, portalUrl: "http://x" }),
      ]);
      const notices = await noticesOf(letterId);
      const letter = await letterOf(letterId);
      if (undo.statusCode === 200) {
        expect(notices).toEqual([]);
        expect(sent).not.toContain(noticeId);
        expect(letter.withdrawn_at).not.toBeNull();
      } else {
        expect(undo.json().code).toBe("letterLeftBuilding");
        expect(notices[0]?.attempts).toBe(1);
        expect(sent).toContain(noticeId);
        expect(letter.withdrawn_at).toBeNull();
      }
    }
  });
});
