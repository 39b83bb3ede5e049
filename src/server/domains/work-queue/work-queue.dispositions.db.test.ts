import { TestClock } from "@server/clock.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import type { WorkQueueItem } from "@shared/schemas/work-queue.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDailyJob } from "../scheduler/scheduler.service.js";

// Marking an item on the work queue done, or snoozing it until a date with a note: it leaves the queue, a snoozed
// item comes back on its date, a done item when a new signal of its kind arises, and of two people marking the same
// item at once one is refused.

const DAY = "2026-11-02";
const clock = new TestClock(`${DAY}T09:00:00+01:00`);
let t: TestApp;
type Headers = { authorization: string };
let consultant: Headers;
let teamLead: Headers;
let admin: Headers;
let otherConsultant: Headers;
let clientIds: string[];

const client = (index: number) => expectDefined(clientIds[index], `client ${index}`);
const post = (headers: Headers, clientId: string, payload: object) =>
  t.app.inject({ method: "POST", url: `/api/v1/clients/${clientId}/work-queue-dispositions`, headers, payload });
const queue = async (headers: Headers = consultant) => {
  const response = await t.app.inject({ url: "/api/v1/work-queue?pageSize=200", headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: WorkQueueItem[]; total: number };
};
const reasonsOf = async (clientId: string, headers: Headers = consultant) =>
  (await queue(headers)).items.find((i) => i.clientId === clientId)?.reasons.map((r) => r.code) ?? [];
const rows = (clientId: string) =>
  t.db.kysely.selectFrom("work_queue_dispositions").selectAll().where("client_id", "=", clientId).execute();

/** A consultant's phone call with a low WHO-5 (5 of 25): `lowWellbeing` on the queue from that day. */
async function lowWho5(clientId: string, heldOn: string) {
  const response = await t.app.inject({
    method: "POST",
    url: `/api/v1/clients/${clientId}/check-ins`,
    headers: consultant,
    payload: { heldOn, channel: "phone", who5: [1, 1, 1, 1, 1], readyForNextStep: false },
  });
  expect(response.statusCode, response.body).toBe(201);
}

/** Moves the clock and logs everyone in again, as they would that day. */
async function onDate(date: string) {
  clock.set(`${date}T09:00:00+01:00`);
  consultant = await bearerFor(t.app, "consulent@demo.local");
  teamLead = await bearerFor(t.app, "teamleider@demo.local");
  admin = await bearerFor(t.app, "admin@demo.local");
  otherConsultant = await bearerFor(t.app, "consulent2@demo.local");
}

beforeAll(async () => {
  t = await createTestApp({ clients: 120, clock });
  await onDate(DAY);
  const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
  clientIds = (
    await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).orderBy("id").limit(6).execute()
  ).map((c) => c.id);
  expect(clientIds).toHaveLength(6);
  for (const index of [0, 1, 2]) await lowWho5(client(index), DAY);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe("POST /clients/{id}/work-queue-dispositions", () => {
  it("rejects the unauthenticated, and hides another district's client", async () => {
    expect((await post({ authorization: "" }, client(0), { disposition: "done", reason: "lowWellbeing" })).statusCode).toBe(401);
    const hidden = await post(otherConsultant, client(0), { disposition: "done", reason: "lowWellbeing" });
    expect(hidden.statusCode).toBe(404);
    const byAdmin = await post(admin, client(0), { disposition: "done", reason: "lowWellbeing" });
    expect(byAdmin.statusCode).toBe(403);
    expect(await rows(client(0))).toEqual([]);
  });

  it("answers bad input with problem+json naming the field, and writes nothing", async () => {
    const cases: [object, string][] = [
      [{ disposition: "snoozed", reason: "lowWellbeing", snoozedUntil: "2026-11-09" }, "note"],
      [{ disposition: "snoozed", reason: "lowWellbeing", snoozedUntil: DAY, note: "Belt zelf terug" }, "snoozedUntil"],
      [{ disposition: "snoozed", reason: "lowWellbeing", snoozedUntil: "2027-11-02", note: "Belt zelf terug" }, "snoozedUntil"],
      [{ disposition: "done", reason: "nothingAtAll" }, "reason"],
      [{ disposition: "later", reason: "lowWellbeing" }, "disposition"],
    ];
    for (const [payload, field] of cases) {
      const response = await post(consultant, client(0), payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json().invalidParams.map((p: { name: string }) => p.name)).toContain(field);
    }
    expect(await rows(client(0))).toEqual([]);
  });

  it("refuses a reason that is not on the client's queue (409 notOnWorkQueue)", async () => {
    const response = await post(consultant, client(0), { disposition: "done", reason: "letterReturned" });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("notOnWorkQueue");
  });

  it("gives every item on the queue the abilities to mark it done and snooze it, to consultants and not to the administrator", async () => {
    const mine = (await queue()).items.find((i) => i.clientId === client(0));
    expect(mine?.abilities).toEqual({ markDone: true, snooze: true });
    const admins = (await queue(admin)).items.find((i) => i.clientId === client(0));
    expect(admins?.abilities).toEqual({ markDone: false, snooze: false });
  });

  it("marks an item done: it leaves the queue until a new signal of the same kind", async () => {
    const before = (await queue()).total;
    const response = await post(consultant, client(0), { disposition: "done", reason: "lowWellbeing", note: "Gebeld, gaat beter." });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      clientId: client(0),
      reason: "lowWellbeing",
      disposition: "done",
      signalSince: DAY,
      snoozedUntil: null,
      note: "Gebeld, gaat beter.",
    });
    // The kept queue is computed again: the casework counter moved with the write.
    expect(await reasonsOf(client(0))).not.toContain("lowWellbeing");
    expect((await queue()).total).toBe(before - 1);
    const audit = await t.db.kysely
      .selectFrom("audit_events")
      .select("action")
      .where("client_id", "=", client(0))
      .where("action", "=", "workQueue.markDone")
      .execute();
    expect(audit).toHaveLength(1);

    await onDate("2026-11-05");
    expect(await reasonsOf(client(0))).not.toContain("lowWellbeing");
    await lowWho5(client(0), "2026-11-05");
    const back = (await queue()).items.find((i) => i.clientId === client(0));
    expect(back?.reasons[0]).toEqual({ code: "lowWellbeing", since: "2026-11-05", suggestedAction: "callClient" });
  });

  it("snoozes an item until a date with a note: it comes back on that date", async () => {
    const response = await post(consultant, client(1), {
      disposition: "snoozed",
      reason: "lowWellbeing",
      snoozedUntil: "2026-11-12",
      note: "Cliënt is op vakantie, belt na terugkomst.",
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ disposition: "snoozed", snoozedUntil: "2026-11-12", signalSince: DAY });
    expect(await reasonsOf(client(1))).not.toContain("lowWellbeing");
    await onDate("2026-11-11");
    expect(await reasonsOf(client(1))).not.toContain("lowWellbeing");
    await onDate("2026-11-12");
    expect(await reasonsOf(client(1))).toContain("lowWellbeing");
    // Back on the queue, it can be set aside again.
    const again = await post(consultant, client(1), { disposition: "done", reason: "lowWellbeing" });
    expect(again.statusCode, again.body).toBe(201);
    expect(await rows(client(1))).toHaveLength(1);
  });

  it("of two people marking the same item at once, one is answered and the other refused", async () => {
    const answers = await Promise.all([
      post(consultant, client(2), { disposition: "done", reason: "lowWellbeing" }),
      post(teamLead, client(2), { disposition: "snoozed", reason: "lowWellbeing", snoozedUntil: "2026-12-01", note: "Na overleg" }),
    ]);
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses, answers.map((a) => a.body).join("\n")).toEqual([201, 409]);
    const refused = expectDefined(answers.find((a) => a.statusCode === 409));
    expect(refused.json().code).toBe("workQueueItemHandled");
    expect(await rows(client(2))).toHaveLength(1);
  });

  it("removes a marked item with its note a year after it was marked", async () => {
    expect((await rows(client(1))).length).toBe(1);
    const date = "2027-11-13";
    clock.set(date);
    const outcome = await runDailyJob(t.db.kysely, { clock, trigger: "manual", date });
    if (outcome.outcome !== "ran") throw new Error(`the daily job did not run: ${outcome.outcome}`);
    expect(outcome.run.status, outcome.run.error ?? "").toBe("succeeded");
    expect(JSON.parse(expectDefined(outcome.run.result)).retention.workQueueNotes).toBeGreaterThanOrEqual(3);
    expect(await rows(client(1))).toEqual([]);
  });
});
