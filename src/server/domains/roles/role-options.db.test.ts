import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
let consultant: { authorization: string };
let clientId: string;

type Option = { id: string; title: string; organisationName: string; distanceKm: number | null; status: string };
const options = async (query: string, id = clientId, headers = consultant) => {
  const response = await t.app.inject({ url: `/api/v1/clients/${id}/role-options?${query}`, headers });
  return { status: response.statusCode, body: response.json() as { items: Option[]; total: number; page: number; pageSize: number } };
};

beforeAll(async () => {
  t = await createTestApp({ clients: 60 });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  clientId = (
    await t.db.kysely.selectFrom("clients").select("id").where("district", "=", "Charlois").orderBy("id").executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

describe("GET /clients/{id}/role-options", () => {
  it("rejects the unauthenticated, refuses a host, and hides another district's client", async () => {
    expect((await t.app.inject({ url: `/api/v1/clients/${clientId}/role-options` })).statusCode).toBe(401);
    expect((await options("", clientId, await bearerFor(t.app, "organisatie@demo.local"))).status).toBe(403);
    const overschie = await t.db.kysely.selectFrom("clients").select("id").where("district", "=", "Overschie").executeTakeFirstOrThrow();
    expect((await options("", overschie.id)).status).toBe(404);
  });

  it("pages through more than ten approved roles, nearest first", async () => {
    const first = await options("pageSize=10");
    expect(first.status).toBe(200);
    expect(first.body.total).toBeGreaterThan(10);
    const second = await options("pageSize=10&page=2");
    const all = [...first.body.items, ...second.body.items];
    expect(all).toHaveLength(20);
    expect(new Set(all.map((o) => o.id)).size).toBe(20);
    expect(new Set(all.map((o) => o.status))).toEqual(new Set(["approved"]));
    const distances = all.map((o) => o.distanceKm ?? Number.POSITIVE_INFINITY);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it("finds roles by words of the title and the organisation's name, in any order", async () => {
    const { items } = (await options("pageSize=1")).body;
    const role = items[0] as Option;
    const titleWord = role.title.split(" ")[0] ?? "";
    const organisationWord = role.organisationName.split(" ").at(-1) ?? "";
    for (const q of [role.organisationName, `${organisationWord}, ${titleWord}`, `${titleWord} ${organisationWord}`]) {
      const found = (await options(`pageSize=200&q=${encodeURIComponent(q)}`)).body.items;
      expect(
        found.map((o) => o.id),
        q,
      ).toContain(role.id);
      for (const o of found) expect(`${o.title} ${o.organisationName}`.toLowerCase(), q).toContain(organisationWord.toLowerCase());
    }
    expect((await options("q=geen-zo-een-rol-of-organisatie")).body.total).toBe(0);
  });

  it("leaves out what lies further than maxDistanceKm, and refuses a distance out of range naming it", async () => {
    const near = (await options("pageSize=200&maxDistanceKm=2")).body;
    const all = (await options("pageSize=200")).body;
    expect(near.total).toBeLessThan(all.total);
    for (const o of near.items) expect(o.distanceKm).not.toBeNull();
    for (const o of near.items) expect(o.distanceKm ?? 99).toBeLessThanOrEqual(2);
    const refused = await t.app.inject({ url: `/api/v1/clients/${clientId}/role-options?maxDistanceKm=0`, headers: consultant });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().invalidParams[0].name).toBe("maxDistanceKm");
  });
});
