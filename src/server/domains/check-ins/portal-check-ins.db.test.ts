import { TestClock } from "@server/clock.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import type { WorkQueueItem } from "@shared/schemas/work-queue.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The client's own check-in from the portal: on their own record only, and on the consultant's work queue the same
// day as urgent when they ask for help or their WHO-5 is low.

const DAY = "2026-11-10";
const clock = new TestClock(DAY);
let t: TestApp;
let client: { authorization: string };
let consultant: { authorization: string };
let clientId: string;
let otherClientId: string;

const post = (url: string, headers: { authorization: string }, payload: object) =>
  t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload });
const good = { howItGoes: "Het gaat goed, ik slaap beter.", who5: [3, 3, 3, 3, 3], needsHelp: false };
const countCheckIns = async (id: string) =>
  Number(
    (
      await t.db.kysely
        .selectFrom("check_ins")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("client_id", "=", id)
        .executeTakeFirstOrThrow()
    ).n,
  );

async function queueItem(): Promise<{ item: WorkQueueItem | undefined; index: number }> {
  const queue = (await t.app.inject({ url: "/api/v1/work-queue?pageSize=200", headers: consultant })).json();
  const items = queue.items as WorkQueueItem[];
  const index = items.findIndex((i) => i.clientId === clientId);
  return { item: items[index], index };
}

/** Moves the clock and logs in again: moving past the idle time ends the sessions. */
async function onDate(to: string, advanceHours = 0) {
  clock.set(to);
  clock.advance({ hours: advanceHours });
  client = await bearerFor(t.app, "klant@demo.local");
  consultant = await bearerFor(t.app, "consulent@demo.local");
}

beforeAll(async () => {
  t = await createTestApp({ clients: 120, clock });
  client = await bearerFor(t.app, "klant@demo.local");
  consultant = await bearerFor(t.app, "consulent@demo.local");
  clientId = expectDefined((await t.app.inject({ url: "/api/v1/me", headers: client })).json().clientId, "the demo client's record");
  const other = await t.db.kysely.selectFrom("clients").select("id").where("id", "!=", clientId).orderBy("id").executeTakeFirstOrThrow();
  otherClientId = other.id;
});

afterAll(async () => {
  await t?.close();
});

describe("the client's own check-in", () => {
  it("rejects the unauthenticated and staff", async () => {
    expect((await t.app.inject({ method: "POST", url: `/api/v1/clients/${clientId}/portal-check-ins`, payload: good })).statusCode).toBe(
      401,
    );
    expect((await post(`/clients/${clientId}/portal-check-ins`, consultant, good)).statusCode).toBe(403);
  });

  it("hides another client's record: 404 and nothing written", async () => {
    const before = await countCheckIns(otherClientId);
    const response = await post(`/clients/${otherClientId}/portal-check-ins`, client, good);
    expect(response.statusCode).toBe(404);
    expect(await countCheckIns(otherClientId)).toBe(before);
    expect((await t.app.inject({ url: `/api/v1/clients/${otherClientId}/check-ins`, headers: client })).statusCode).toBe(404);
  });

  it("refuses a WHO-5 without five answers, naming the field, and writes nothing", async () => {
    const before = await countCheckIns(clientId);
    const response = await post(`/clients/${clientId}/portal-check-ins`, client, { ...good, who5: [3, 3, 3, 3] });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().invalidParams.map((p: { name: string }) => p.name)).toContain("who5");
    expect(await countCheckIns(clientId)).toBe(before);
  });

  it("records a good check-in as the client's, dated today, and keeps it off the urgent reasons", async () => {
    const response = await post(`/clients/${clientId}/portal-check-ins`, client, good);
    expect(response.statusCode, response.body).toBe(201);
    const checkIn = response.json();
    expect(checkIn).toMatchObject({
      clientId,
      heldOn: DAY,
      channel: "portal",
      enteredBy: "client",
      needsHelp: false,
      needsAttention: false,
    });
    const { item } = await queueItem();
    expect(item?.reasons.map((r) => r.code) ?? []).not.toContain("helpRequested");
    expect(item?.reasons.map((r) => r.code) ?? []).not.toContain("lowWellbeingReported");
    const audit = await t.db.kysely
      .selectFrom("audit_events")
      .select(["action", "actor_id"])
      .where("subject_id", "=", checkIn.id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe("checkIn.createByClient");
  });

  it("lets the client read only the check-ins they entered, not a consultant's notes", async () => {
    const talk = await post(`/clients/${clientId}/check-ins`, consultant, {
      heldOn: DAY,
      channel: "phone",
      howItGoes: "Notitie van de consulent over de schulden.",
      who5: [4, 4, 4, 4, 4],
      readyForNextStep: false,
    });
    expect(talk.statusCode, talk.body).toBe(201);
    const own = (await t.app.inject({ url: `/api/v1/clients/${clientId}/check-ins`, headers: client })).json();
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((c: { enteredBy: string }) => c.enteredBy === "client")).toBe(true);
    const all = (await t.app.inject({ url: `/api/v1/clients/${clientId}/check-ins`, headers: consultant })).json();
    expect(all.items.map((c: { enteredBy: string }) => c.enteredBy)).toEqual(expect.arrayContaining(["client", "consultant"]));
  });
});

describe("the work queue flags it the same day", () => {
  it("puts a request for help at the top of the consultant's queue as urgent, dated the day it was made", async () => {
    await onDate("2026-11-12");
    const response = await post(`/clients/${clientId}/portal-check-ins`, client, {
      who5: [4, 4, 4, 4, 4],
      needsHelp: true,
      helpNote: "Ik heb een brief van de deurwaarder gekregen.",
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      needsHelp: true,
      helpNote: "Ik heb een brief van de deurwaarder gekregen.",
      enteredBy: "client",
    });
    const { item, index } = await queueItem();
    expect(index).toBe(0);
    // Only a due-process deadline ranks above the client's own call for help; this queue has none.
    expect(item?.severity).toBe("wellbeing");
    expect(item?.reasons[0]).toEqual({ code: "helpRequested", since: "2026-11-12", suggestedAction: "callClient" });
  });

  it("clears the flag once the consultant records a check-in after it", async () => {
    await onDate("2026-11-12", 2);
    const call = await post(`/clients/${clientId}/check-ins`, consultant, {
      heldOn: "2026-11-12",
      channel: "phone",
      who5: [4, 4, 4, 4, 4],
      readyForNextStep: false,
    });
    expect(call.statusCode, call.body).toBe(201);
    const { item } = await queueItem();
    expect(item?.reasons.map((r) => r.code) ?? []).not.toContain("helpRequested");
  });

  it("flags a low WHO-5 the same day: one item at 1 is low even with a total of 13 or more", async () => {
    await onDate("2026-11-20");
    const response = await post(`/clients/${clientId}/portal-check-ins`, client, { who5: [4, 4, 4, 4, 1], needsHelp: false });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ who5Raw: 17, needsAttention: true });
    const { item, index } = await queueItem();
    expect(index).toBe(0);
    expect(item?.reasons[0]).toEqual({ code: "lowWellbeingReported", since: "2026-11-20", suggestedAction: "callClient" });
    // The ordinary reason for the same check-in is not given twice.
    expect(item?.reasons.map((r) => r.code)).not.toContain("lowWellbeing");
  });
});
