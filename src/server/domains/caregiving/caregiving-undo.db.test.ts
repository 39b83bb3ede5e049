import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Undoing the recording of caregiving judged customary care while the letter of that judgement is still inside: the
// record gone, the letter and the decision kept, withdrawn; refused once the letter has left or the care moved on.

let t: TestApp;
let consultant: { authorization: string };
let lead: { authorization: string };
let clientIds: string[];

const call = (method: "GET" | "POST", url: string, payload?: object, headers = consultant) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const client = (index: number) => expectDefined(clientIds[index], `client ${index}`);
const letterOf = (id: string) => t.db.kysely.selectFrom("letters").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const careOf = (clientId: string) => t.db.kysely.selectFrom("caregiving").select("id").where("client_id", "=", clientId).execute();
/** The client's decisions as the API lists them: a withdrawn one is not among them. */
const decisionsOf = async (clientId: string): Promise<{ id: string; letterId: string }[]> =>
  (await call("GET", `/clients/${clientId}/decisions`)).json().items;

async function record(clientId: string, beyondCustomaryCare = false) {
  const response = await call("POST", `/clients/${clientId}/caregiving`, {
    relation: "partner",
    description: "Koken en de was.",
    hoursPerWeek: 3,
    since: "2026-01-05",
    beyondCustomaryCare,
    judgementReason: "Dit doen huisgenoten gewoonlijk voor elkaar.",
  });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json() as { id: string; decisionId: string | null; abilities: { undo: boolean } };
  const letterId = (await decisionsOf(clientId)).find((d) => d.id === body.decisionId)?.letterId ?? null;
  return { ...body, letterId };
}

beforeAll(async () => {
  t = await createTestApp({ clients: 150 });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  const me = (await call("GET", "/me")).json();
  clientIds = (
    await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).orderBy("family_name").limit(9).execute()
  ).map((r) => r.id);
});
afterAll(() => t.close());

describe("undoing the recording of caregiving judged customary care", () => {
  it("removes the record and withdraws its letter and decision", async () => {
    const care = await record(client(0));
    const letterId = expectDefined(care.letterId);
    expect(care.abilities.undo).toBe(true);
    const undone = await call("POST", `/caregiving/${care.id}/undo`);
    expect(undone.statusCode, undone.body).toBe(204);
    expect(await careOf(client(0))).toEqual([]);
    expect((await call("GET", `/clients/${client(0)}/caregiving`)).json().items).toEqual([]);
    expect((await letterOf(letterId)).withdrawn_at).not.toBeNull();
    // The decision is kept, marked withdrawn, and listed nowhere.
    expect((await decisionsOf(client(0))).map((d) => d.id)).not.toContain(care.decisionId);
    const kept = await t.db.kysely.selectFrom("decision_withdrawals").select("decision_id").where("letter_id", "=", letterId).execute();
    expect(kept.map((k) => k.decision_id)).toEqual([care.decisionId]);
    const audit = await t.db.kysely.selectFrom("audit_events").select("action").where("subject_id", "=", care.id).execute();
    expect(audit.map((a) => a.action)).toContain("caregiving.undo");
    expect((await call("POST", `/caregiving/${care.id}/undo`)).statusCode).toBe(404);
  });

  it("has nothing to undo for care beyond customary care, which sends no letter", async () => {
    const care = await record(client(1), true);
    expect(care.abilities.undo).toBe(false);
    const refused = await call("POST", `/caregiving/${care.id}/undo`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "caregivingWithoutLetter"]);
  });

  it("is refused once the letter was printed or the care ended, and says so in the abilities", async () => {
    const printed = await record(client(2));
    expect((await call("GET", `/letters/${printed.letterId}/pdf`)).statusCode).toBe(200);
    const listed = (await call("GET", `/clients/${client(2)}/caregiving`)).json().items;
    expect(listed.find((c: { id: string }) => c.id === printed.id).abilities.undo).toBe(false);
    const refused = await call("POST", `/caregiving/${printed.id}/undo`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "letterLeftBuilding"]);
    const ended = await record(client(3));
    expect((await call("POST", `/caregiving/${ended.id}/end`, { endedOn: "2026-02-01" })).statusCode).toBe(200);
    const moved = await call("POST", `/caregiving/${ended.id}/undo`);
    expect([moved.statusCode, moved.json().code]).toEqual([409, "activityMovedOn"]);
    expect(await careOf(client(3))).toHaveLength(1);
    expect((await letterOf(expectDefined(ended.letterId))).withdrawn_at).toBeNull();
  });

  it("is for the consultant who recorded it or a team lead, and absent outside one's districts", async () => {
    const care = await record(client(4));
    expect((await call("POST", `/caregiving/${care.id}/undo`, undefined, await bearerFor(t.app, "consulent2@demo.local"))).statusCode).toBe(
      404,
    );
    const other = await t.db.kysely.selectFrom("users").select("id").where("email", "=", "consulent2@demo.local").executeTakeFirstOrThrow();
    await t.db.kysely.updateTable("letters").set({ created_by: other.id }).where("id", "=", expectDefined(care.letterId)).execute();
    const refused = await call("POST", `/caregiving/${care.id}/undo`);
    expect([refused.statusCode, refused.json().code]).toEqual([403, "notLetterAuthor"]);
    expect((await call("POST", `/caregiving/${care.id}/undo`, undefined, lead)).statusCode).toBe(204);
  });

  it("lets exactly one of undo and printing the letter win", async () => {
    for (const index of [5, 6, 7, 8]) {
      const care = await record(client(index));
      const [undo, print] = await Promise.all([call("POST", `/caregiving/${care.id}/undo`), call("GET", `/letters/${care.letterId}/pdf`)]);
      const letter = await letterOf(expectDefined(care.letterId));
      if (undo.statusCode === 204) {
        // Staff may still read a withdrawn letter for the record; it is not a print.
        expect(print.statusCode).toBe(200);
        expect([letter.printed_at, await careOf(client(index))]).toEqual([null, []]);
      } else {
        expect([undo.statusCode, undo.json().code]).toEqual([409, "letterLeftBuilding"]);
        expect(letter.printed_at).not.toBeNull();
        expect(await careOf(client(index))).toHaveLength(1);
      }
    }
  });
});
