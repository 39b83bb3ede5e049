import { buildClient } from "@server/testing/factories.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nameSearchWords } from "./clients.repo.js";

let t: TestApp;
let consultant: { authorization: string };
let rosalia: string;
let other: string;

beforeAll(async () => {
  t = await createTestApp({ clients: 40 });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  const create = async (givenName: string, familyName: string) => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/clients",
      headers: consultant,
      payload: buildClient({ givenName, familyName }),
    });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };
  rosalia = await create("Rosalia", "Martina");
  // Shares one word with her, so a search on both words must leave this one out.
  other = await create("Rosalia", "Zwart_50%");
});
afterAll(() => t.close());

const idsFound = async (q: string, method: "GET" | "POST" = "POST") => {
  const response =
    method === "POST"
      ? await t.app.inject({ method: "POST", url: "/api/v1/clients/_search", headers: consultant, payload: { q, pageSize: 200 } })
      : await t.app.inject({ url: `/api/v1/clients?pageSize=200&q=${encodeURIComponent(q)}`, headers: consultant });
  expect(response.statusCode, q).toBe(200);
  return response.json().items.map((c: { id: string }) => c.id) as string[];
};

describe("name search", () => {
  it('reads "Martina, Rosalia", "Martina Rosalia" and "Rosalia Martina" as the same words', () => {
    expect(nameSearchWords("Martina, Rosalia")).toEqual(["martina", "rosalia"]);
    expect(nameSearchWords("  Martina   Rosalia ")).toEqual(["martina", "rosalia"]);
    expect(nameSearchWords("Rosalia,Martina")).toEqual(["rosalia", "martina"]);
  });

  it("finds the client in all three forms, by GET and by POST, and only her", async () => {
    for (const q of ["Martina, Rosalia", "Martina Rosalia", "Rosalia Martina", "martina,rosalia", "ROSALIA MART"]) {
      for (const method of ["GET", "POST"] as const) {
        const ids = await idsFound(q, method);
        expect(ids, `${method} ${q}`).toContain(rosalia);
        expect(ids, `${method} ${q}`).not.toContain(other);
      }
    }
  });

  it("finds a name by one word, and treats % and _ typed in a name as themselves", async () => {
    expect(await idsFound("rosalia")).toEqual(expect.arrayContaining([rosalia, other]));
    expect(await idsFound("zwart_50%")).toEqual([other]);
    expect(await idsFound("zwart%")).toEqual([]);
    expect(await idsFound("Martina, Petra")).toEqual([]);
  });
});
