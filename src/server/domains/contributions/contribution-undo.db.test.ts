import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Undoing the formalising of a contribution while its agreement letter is still inside: the contribution gone, its
// hours free again, the letter withdrawn; refused once the letter has left or the contribution moved on.

let t: TestApp;
let consultant: { authorization: string };
let lead: { authorization: string };
let clientIds: string[];

const call = (method: "GET" | "POST", url: string, payload?: object, headers = consultant) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const client = (index: number) => expectDefined(clientIds[index], `client ${index}`);
const letterOf = (id: string) => t.db.kysely.selectFrom("letters").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const contributionsOf = (clientId: string) =>
  t.db.kysely.selectFrom("contributions").selectAll().where("client_id", "=", clientId).execute();

async function formalise(clientId: string, hoursPerWeek = 6) {
  const response = await call("POST", `/clients/${clientId}/contributions`, {
    kind: "existingVolunteerWork",
    organisationName: "Buurthuis De Horizon",
    description: "Schenkt koffie op de inloopochtend",
    hoursPerWeek,
    since: "2026-01-05",
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; letterId: string; abilities: { undo: boolean } };
}

beforeAll(async () => {
  t = await createTestApp({ clients: 150 });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  const me = (await call("GET", "/me")).json();
  clientIds = (
    await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).orderBy("family_name").limit(8).execute()
  ).map((r) => r.id);
  await t.db.kysely.updateTable("clients").set({ capacity_hours_per_week: 10 }).where("id", "in", clientIds).execute();
});
afterAll(() => t.close());

describe("undoing the formalising of a contribution", () => {
  it("removes the contribution, frees its hours and withdraws its letter", async () => {
    const made = await formalise(client(0), 8);
    expect(made.abilities.undo).toBe(true);
    const undone = await call("POST", `/contributions/${made.id}/undo`);
    expect(undone.statusCode, undone.body).toBe(204);
    const list = (await call("GET", `/clients/${client(0)}/contributions`)).json();
    expect([list.items, list.contributing]).toEqual([[], false]);
    expect((await letterOf(made.letterId)).withdrawn_at).not.toBeNull();
    const letters = (await call("GET", `/clients/${client(0)}/letters`)).json().items;
    expect(letters.find((l: { id: string }) => l.id === made.letterId)?.withdrawnAt).toBeTruthy();
    const audit = await t.db.kysely.selectFrom("audit_events").select("action").where("subject_id", "=", made.id).execute();
    expect(audit.map((a) => a.action)).toContain("contribution.undo");
    // Its hours are free again: the same 8 hours fit, where before they would not have.
    expect((await formalise(client(0), 8)).abilities.undo).toBe(true);
    expect((await call("POST", `/contributions/${made.id}/undo`)).statusCode).toBe(404);
  });

  it("is refused once the letter was printed or delivered, and says so in the abilities", async () => {
    const printed = await formalise(client(1), 2);
    expect((await call("GET", `/letters/${printed.letterId}/pdf`)).statusCode).toBe(200);
    const delivered = await formalise(client(1), 2);
    expect((await call("POST", `/letters/${delivered.letterId}/deliveries`, { status: "delivered" })).statusCode).toBe(201);
    for (const made of [printed, delivered]) {
      const listed = (await call("GET", `/clients/${client(1)}/contributions`)).json();
      expect(listed.items.find((c: { id: string }) => c.id === made.id).abilities.undo).toBe(false);
      const refused = await call("POST", `/contributions/${made.id}/undo`);
      expect([refused.statusCode, refused.json().code]).toEqual([409, "letterLeftBuilding"]);
      expect((await letterOf(made.letterId)).withdrawn_at).toBeNull();
    }
    expect(await contributionsOf(client(1))).toHaveLength(2);
  });

  it("is refused once the contribution ended or the client was asked about it", async () => {
    const made = await formalise(client(2), 2);
    await t.db.kysely.updateTable("contributions").set({ status: "ended", ended_on: "2026-02-01" }).where("id", "=", made.id).execute();
    const refused = await call("POST", `/contributions/${made.id}/undo`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "activityMovedOn"]);
    expect((await letterOf(made.letterId)).withdrawn_at).toBeNull();
  });

  it("is for the consultant who made it or a team lead, and absent outside one's districts", async () => {
    const made = await formalise(client(3), 2);
    const other = await t.db.kysely.selectFrom("users").select("id").where("email", "=", "consulent2@demo.local").executeTakeFirstOrThrow();
    expect(
      (await call("POST", `/contributions/${made.id}/undo`, undefined, await bearerFor(t.app, "consulent2@demo.local"))).statusCode,
    ).toBe(404);
    await t.db.kysely.updateTable("letters").set({ created_by: other.id }).where("id", "=", made.letterId).execute();
    const refused = await call("POST", `/contributions/${made.id}/undo`);
    expect([refused.statusCode, refused.json().code]).toEqual([403, "notLetterAuthor"]);
    expect((await call("GET", `/clients/${client(3)}/contributions`, undefined, lead)).json().items[0].abilities.undo).toBe(true);
    expect((await call("POST", `/contributions/${made.id}/undo`, undefined, lead)).statusCode).toBe(204);
  });

  it("lets exactly one of undo and printing the letter win", async () => {
    for (const index of [4, 5, 6, 7]) {
      const made = await formalise(client(index), 2);
      const [undo, print] = await Promise.all([
        call("POST", `/contributions/${made.id}/undo`),
        call("GET", `/letters/${made.letterId}/pdf`),
      ]);
      const letter = await letterOf(made.letterId);
      const stored = await contributionsOf(client(index));
      if (undo.statusCode === 204) {
        // Staff may still read a withdrawn letter for the record; it is not a print.
        expect(print.statusCode).toBe(200);
        expect([letter.printed_at, stored]).toEqual([null, []]);
      } else {
        expect([undo.statusCode, undo.json().code]).toEqual([409, "letterLeftBuilding"]);
        expect(letter.printed_at).not.toBeNull();
        expect(stored).toHaveLength(1);
      }
    }
  });
});
