import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
let consultant: { authorization: string };
let client: { id: string; given_name: string; family_name: string };

beforeAll(async () => {
  t = await createTestApp({ clients: 20 });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  client = await t.db.kysely
    .selectFrom("clients")
    .select(["id", "given_name", "family_name"])
    .where("district", "=", "Charlois")
    .orderBy("id")
    .executeTakeFirstOrThrow();
});

afterAll(async () => {
  await t.close();
});

const stored = () =>
  t.db.kysely.selectFrom("clients").select(["given_name", "family_name"]).where("id", "=", client.id).executeTakeFirstOrThrow();

describe("text with a NUL character", () => {
  it("is refused with a 400 naming each field, and nothing is written", async () => {
    const response = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/clients/${client.id}`,
      headers: consultant,
      payload: { givenName: "An\u0000na", familyName: "\u0000" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().invalidParams).toEqual([
      { name: "givenName", code: "nullCharacter", reason: expect.any(String) },
      { name: "familyName", code: "nullCharacter", reason: expect.any(String) },
    ]);
    expect(await stored()).toEqual({ given_name: client.given_name, family_name: client.family_name });
  });

  it("names a field a route does not know as nothing: its schema drops it before the check", async () => {
    const response = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/clients/${client.id}`,
      headers: consultant,
      payload: { phone: "0612345678", "": "\u0000" },
    });
    expect(response.statusCode).toBe(200);
  });

  it("is refused in a query string too", async () => {
    const response = await t.app.inject({ url: "/api/v1/clients?q=a%00b", headers: consultant });
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams).toEqual([{ name: "q", code: "nullCharacter", reason: expect.any(String) }]);
  });

  it("leaves other unusual text alone", async () => {
    const response = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/clients/${client.id}`,
      headers: consultant,
      payload: { givenName: "\u202EAnna\u200B" },
    });
    expect(response.statusCode).toBe(200);
    expect((await stored()).given_name).toBe("\u202EAnna\u200B");
  });
});
