import { TestClock } from "@server/clock.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import type { WorkQueueItem } from "@shared/schemas/work-queue.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The morning the issue describes: a year ago thirty invitation letters came back, and today the consultant records a
// WHO-5 of 5 for another client. The queue used to rank every returned letter above a low WHO-5 and the oldest first,
// so the call that matters most landed on page 2. It now ranks by severity, the newest severe signal first.

const YEAR_AGO = "2025-12-01";
const TODAY = "2026-12-01";
const RETURNED = 30;
const clock = new TestClock(`${YEAR_AGO}T09:00:00+01:00`);
let t: TestApp;
let consultant: { authorization: string };
let returnedIds: string[];
let wellbeingId: string;

const page = async (query: string) => {
  const response = await t.app.inject({ url: `/api/v1/work-queue?${query}`, headers: consultant });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: WorkQueueItem[]; total: number };
};

beforeAll(async () => {
  t = await createTestApp({ clients: 400, clock });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
  const invited = t.db.kysely.selectFrom("invitations").select("client_id");
  const mine = await t.db.kysely
    .selectFrom("clients")
    .select("id")
    .where("consultant_id", "=", me.id)
    .where("id", "not in", invited)
    .orderBy("id")
    .limit(RETURNED + 1)
    .execute();
  expect(mine).toHaveLength(RETURNED + 1);
  returnedIds = mine.slice(0, RETURNED).map((c) => c.id);
  wellbeingId = expectDefined(mine[RETURNED], "a client for the check-in").id;

  const invitations = await t.app.inject({
    method: "POST",
    url: "/api/v1/invitations",
    headers: consultant,
    payload: { clientIds: returnedIds },
  });
  expect(invitations.statusCode, invitations.body).toBe(201);
  clock.set(`2025-12-03T10:00:00+01:00`);
  consultant = await bearerFor(t.app, "consulent@demo.local");
  for (const invitation of invitations.json().items as { letterId: string }[]) {
    const delivery = await t.app.inject({
      method: "POST",
      url: `/api/v1/letters/${invitation.letterId}/deliveries`,
      headers: consultant,
      payload: { status: "returned", trackingNumber: "3SABCD1234" },
    });
    expect(delivery.statusCode, delivery.body).toBe(201);
  }

  clock.set(`${TODAY}T08:30:00+01:00`);
  consultant = await bearerFor(t.app, "consulent@demo.local");
  const checkIn = await t.app.inject({
    method: "POST",
    url: `/api/v1/clients/${wellbeingId}/check-ins`,
    headers: consultant,
    payload: { heldOn: TODAY, channel: "phone", who5: [1, 1, 1, 1, 1], readyForNextStep: false },
  });
  expect(checkIn.statusCode, checkIn.body).toBe(201);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe("the work queue ranks by severity, the newest severe signal first", () => {
  it("puts a WHO-5 of 5 recorded today on page 1, ahead of thirty letters returned a year ago", async () => {
    const letters = await page("reason=letterReturned&pageSize=200");
    const yearOld = letters.items.filter((i) => returnedIds.includes(i.clientId));
    // Enough to fill page 1 by themselves: the old order (letters first, the oldest first) put the WHO-5 on page 2.
    expect(yearOld).toHaveLength(RETURNED);
    expect(yearOld.every((i) => i.reasons[0]?.code === "letterReturned" && i.ageDays >= 363)).toBe(true);

    const first = await page("page=1&pageSize=25");
    const index = first.items.findIndex((i) => i.clientId === wellbeingId);
    expect(index).toBeGreaterThanOrEqual(0);
    const item = expectDefined(first.items[index], "the WHO-5 item");
    expect(item).toMatchObject({ severity: "wellbeing", ageDays: 0 });
    expect(item.reasons[0]).toEqual({ code: "lowWellbeing", since: TODAY, suggestedAction: "callClient" });
    const firstLetter = first.items.findIndex((i) => i.reasons[0]?.code === "letterReturned");
    if (firstLetter >= 0) expect(index).toBeLessThan(firstLetter);
    // Only more severe items, or wellbeing signals as new or newer, come before it.
    for (const before of first.items.slice(0, index)) {
      expect(before.urgency).toBeLessThanOrEqual(item.urgency);
      if (before.urgency === item.urgency) expect((before.reasons[0]?.since ?? "") >= TODAY).toBe(true);
    }
  });

  it("orders the whole queue by severity, then the newest first (deadlines: the first to fall due)", async () => {
    const all = (await page("pageSize=200")).items;
    for (const [i, item] of all.entries()) {
      const next = all[i + 1];
      if (!next) break;
      expect(item.urgency).toBeLessThanOrEqual(next.urgency);
      if (item.urgency !== next.urgency) continue;
      const [a, b] = [item.reasons[0]?.since ?? "", next.reasons[0]?.since ?? ""];
      if (item.severity === "deadline") expect(a <= b).toBe(true);
      else expect(a >= b).toBe(true);
    }
  });

  it("filters by severity, by client and by name in any order", async () => {
    const wellbeing = await page("severity=wellbeing&pageSize=200");
    expect(wellbeing.items.map((i) => i.clientId)).toContain(wellbeingId);
    expect(wellbeing.items.every((i) => i.severity === "wellbeing")).toBe(true);

    const one = await page(`clientId=${wellbeingId}`);
    expect(one.total).toBe(1);
    expect(one.items[0]?.clientId).toBe(wellbeingId);

    const client = await t.db.kysely
      .selectFrom("clients")
      .select(["given_name", "family_name"])
      .where("id", "=", wellbeingId)
      .executeTakeFirstOrThrow();
    for (const name of [
      `${client.family_name}, ${client.given_name}`,
      `${client.given_name} ${client.family_name}`,
      client.family_name.toUpperCase(),
    ]) {
      const found = await page(`client=${encodeURIComponent(name)}&pageSize=200`);
      expect(found.items.map((i) => i.clientId)).toContain(wellbeingId);
    }
    expect((await page("client=zzzqqq")).total).toBe(0);
  });

  it("answers an unknown severity with problem+json naming the field", async () => {
    const response = await t.app.inject({ url: "/api/v1/work-queue?severity=whenever", headers: consultant });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().invalidParams[0].name).toBe("severity");
  });
});
