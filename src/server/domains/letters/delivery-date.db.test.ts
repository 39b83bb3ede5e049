import { TestClock } from "@server/clock.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
let consultant: { authorization: string };
let letterId: string;
let letterDate: string;
// Thursday 3 December 2026.
const clock = new TestClock("2026-12-03");

const record = (body: object, headers = consultant) =>
  t.app.inject({ method: "POST", url: `/api/v1/letters/${letterId}/deliveries`, headers, payload: body });
const stored = () =>
  t.db.kysely.selectFrom("letters").select(["delivery_status", "delivery_date"]).where("id", "=", letterId).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestApp({ clients: 80, clock });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  await t.app.inject({
    method: "PUT",
    url: "/api/v1/me/availability",
    headers: consultant,
    payload: {
      blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: "09:00", endTime: "12:00", location: "Wijkteam Charlois" })),
    },
  });
  const client = await t.db.kysely
    .selectFrom("clients")
    .select("id")
    .where("district", "=", "Charlois")
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const invited = await t.app.inject({
    method: "POST",
    url: "/api/v1/invitations",
    headers: consultant,
    payload: { clientIds: [client.id] },
  });
  expect(invited.statusCode, invited.body).toBe(201);
  letterId = invited.json().items[0].letterId;
  letterDate = (await t.db.kysely.selectFrom("letters").select("letter_date").where("id", "=", letterId).executeTakeFirstOrThrow())
    .letter_date;
});
afterAll(() => t.close());

describe("recording a delivery on the day it happened", () => {
  it("refuses a day in the future and a day before the letter's date, naming occurredOn, and writes nothing", async () => {
    expect(letterDate).toBe("2026-12-03");
    for (const [occurredOn, code] of [
      ["2026-12-04", "dateInFuture"],
      ["2026-12-02", "beforeLetterDate"],
    ] as const) {
      const response = await record({ status: "delivered", occurredOn });
      expect(response.statusCode, occurredOn).toBe(400);
      expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(response.json().invalidParams).toEqual([expect.objectContaining({ name: "occurredOn", code })]);
    }
    expect(await stored()).toEqual({ delivery_status: "sent", delivery_date: null });
    const events = await t.db.kysely.selectFrom("letter_delivery_events").select("id").where("letter_id", "=", letterId).execute();
    expect(events).toEqual([]);
  });

  it("keeps the day the post delivered it, recorded days later", async () => {
    clock.set("2026-12-09");
    consultant = await bearerFor(t.app, "consulent@demo.local");
    const response = await record({ status: "delivered", trackingNumber: "3SABCD1234567", occurredOn: "2026-12-05" });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ deliveryStatus: "delivered", deliveryDate: "2026-12-05" });
    expect(await stored()).toEqual({ delivery_status: "delivered", delivery_date: "2026-12-05" });
    const event = await t.db.kysely
      .selectFrom("letter_delivery_events")
      .select(["status", "occurred_on"])
      .where("letter_id", "=", letterId)
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ status: "delivered", occurred_on: "2026-12-05" });
  });

  it("takes today when no day is given", async () => {
    const response = await record({ status: "returned" });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ deliveryStatus: "returned", deliveryDate: "2026-12-09" });
  });
});
