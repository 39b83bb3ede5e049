import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clients: 40 });
});
afterAll(() => t.close());

const body = { name: "Stadsboerderij De Kooi", kvkNumber: "87654321", postcode: "3071ab", houseNumber: 5, guidanceHoursPerWeek: 6 };

describe("organisations", () => {
  it("rejects the unauthenticated, and hosts, clients and researchers", async () => {
    expect((await t.app.inject({ url: "/api/v1/organisations" })).statusCode).toBe(401);
    for (const email of ["organisatie@demo.local", "klant@demo.local", "onderzoeker@demo.local"]) {
      expect((await t.app.inject({ url: "/api/v1/organisations", headers: await bearerFor(t.app, email) })).statusCode, email).toBe(403);
    }
  });

  it("lets a consultant register one, with district derived from the postcode", async () => {
    const headers = await bearerFor(t.app, "consulent@demo.local");
    const response = await t.app.inject({ method: "POST", url: "/api/v1/organisations", headers, payload: body });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ postcode: "3071 AB", district: "Feijenoord", kvkNumber: "87654321" });
    const found = (await t.app.inject({ url: "/api/v1/organisations?q=kooi", headers })).json();
    expect(found.items.map((o: { name: string }) => o.name)).toEqual(["Stadsboerderij De Kooi"]);
  });

  it("rejects a malformed KvK number and negative guidance hours, naming both", async () => {
    const headers = await bearerFor(t.app, "admin@demo.local");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers,
      payload: { ...body, kvkNumber: "1234", guidanceHoursPerWeek: -1 },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(["guidanceHoursPerWeek", "kvkNumber"]);
  });
});
