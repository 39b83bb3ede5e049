import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
let consultant: { authorization: string };
let clientId: string;
let letterId: string;

beforeAll(async () => {
  t = await createTestApp({ clients: 40 });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
  clientId = (await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).executeTakeFirstOrThrow()).id;
  await t.app.inject({
    method: "PUT",
    url: "/api/v1/me/availability",
    headers: consultant,
    payload: { blocks: [{ weekday: 2, startTime: "09:00", endTime: "12:00", slotMinutes: 30, location: "Wijkteam Charlois" }] },
  });
  const invited = await t.app.inject({
    method: "POST",
    url: "/api/v1/invitations",
    headers: consultant,
    payload: { clientIds: [clientId] },
  });
  expect(invited.statusCode).toBe(201);
  letterId = expectDefined(invited.json().items[0]).letterId;
});
afterAll(() => t.close());

/** The features a Permissions-Policy header switches off (`feature=()`). */
function featuresOff(response: LightMyRequestResponse): string[] {
  const header = String(response.headers["permissions-policy"] ?? "");
  return header
    .split(",")
    .map((directive) => directive.trim().split("="))
    .filter(([, allowlist]) => allowlist === "()")
    .map(([feature]) => String(feature));
}

const DEVICES_AND_TRACKING = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"];

describe("no API answer is kept in a cache, and every answer switches off the browser features the app never uses", () => {
  it("on a client record, a letter's PDF and the problems of the API, errors included", async () => {
    const answers = {
      "client record": await t.app.inject({ url: `/api/v1/clients/${clientId}`, headers: consultant }),
      "letter PDF": await t.app.inject({ url: `/api/v1/letters/${letterId}/pdf`, headers: consultant }),
      "401 without credentials": await t.app.inject({ url: `/api/v1/clients/${clientId}` }),
      "404 of a client out of scope": await t.app.inject({ url: `/api/v1/clients/${crypto.randomUUID()}`, headers: consultant }),
      "400 naming a field": await t.app.inject({ url: "/api/v1/clients?pageSize=many", headers: consultant }),
      "404 of an unknown route": await t.app.inject({ url: "/api/v1/no-such-thing", headers: consultant }),
      "health, public": await t.app.inject({ url: "/api/v1/health" }),
      "the OpenAPI document, public": await t.app.inject({ url: "/api/v1/openapi.json" }),
    };
    const statuses = Object.fromEntries(Object.entries(answers).map(([what, response]) => [what, response.statusCode]));
    expect(statuses).toEqual({
      "client record": 200,
      "letter PDF": 200,
      "401 without credentials": 401,
      "404 of a client out of scope": 404,
      "400 naming a field": 400,
      "404 of an unknown route": 404,
      "health, public": 200,
      "the OpenAPI document, public": 200,
    });
    expect(answers["letter PDF"].headers["content-type"]).toBe("application/pdf");
    for (const [what, response] of Object.entries(answers)) {
      expect(response.headers["cache-control"], what).toBe("no-store");
      expect(featuresOff(response), what).toEqual(expect.arrayContaining(DEVICES_AND_TRACKING));
    }
  });

  it("switches the features off outside the API too: the API's documentation page, and a page that is not there", async () => {
    for (const url of ["/api/docs/", "/no-such-page"]) {
      const response = await t.app.inject({ url });
      expect(featuresOff(response), url).toEqual(expect.arrayContaining(DEVICES_AND_TRACKING));
    }
  });
});
