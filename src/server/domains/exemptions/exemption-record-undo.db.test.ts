import { TestClock } from "@server/clock.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { multipartFile, SAMPLE_PDF } from "@server/testing/multipart.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addMonths } from "@shared/dates.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Undoing the recording of an exemption, granted at once with its letter, while that letter is still inside: the
// exemption is gone, the letter and the grant withdrawn; refused once the letter has left or evidence hangs on it.

type Headers = { authorization: string };

const clock = new TestClock("2026-03-10T09:00:00+01:00");
const today = "2026-03-10";
let t: TestApp;
let consultant: Headers;
let lead: Headers;
/** Clients of the consultant without exemptions, handed out so that no two tests share one. */
let spare: string[];

const api = (method: "GET" | "POST", url: string, headers: Headers = consultant, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const take = () => expectDefined(spare.shift(), "a spare client");
const rowOf = (id: string) => t.db.kysely.selectFrom("exemptions").selectAll().where("id", "=", id).executeTakeFirst();
const letterOf = (id: string) => t.db.kysely.selectFrom("letters").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
/** The grant's decision row and its letter. */
const grantOf = (exemptionId: string) =>
  t.db.kysely.selectFrom("decisions").select(["id", "letter_id"]).where("subject_id", "=", exemptionId).executeTakeFirstOrThrow();
const listedDecisions = async (clientId: string) => (await api("GET", `/clients/${clientId}/decisions`)).json().items;
const listedExemptions = async (clientId: string) => (await api("GET", `/clients/${clientId}/exemptions`)).json().items;

/** A partial exemption the consultant records, granted at once with its letter. */
async function recorded(clientId: string): Promise<{ id: string; letterId: string }> {
  const response = await api("POST", `/clients/${clientId}/exemptions`, consultant, {
    type: "crisis",
    scope: "partial",
    maxHoursPerWeek: 4,
    startDate: today,
    reviewDate: addMonths(today, 3),
    reason: "Het huis is afgebrand; eerst een nieuwe woning.",
  });
  expect(response.statusCode, response.body).toBe(201);
  expect(response.json()).toMatchObject({ status: "active", abilities: { undo: true } });
  const id = response.json().id as string;
  return { id, letterId: expectDefined((await grantOf(id)).letter_id, "the grant's letter") };
}

beforeAll(async () => {
  t = await createTestApp({ clients: 200, clock });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  const me = (await api("GET", "/me")).json();
  const rows = await t.db.kysely
    .selectFrom("clients")
    .select("id")
    .where("consultant_id", "=", me.id)
    .where("id", "not in", t.db.kysely.selectFrom("exemptions").select("client_id"))
    .orderBy("id")
    .execute();
  spare = rows.map((r) => r.id);
}, 120_000);
afterAll(() => t.close());

describe("undoing an exemption's recording", () => {
  it("removes the exemption; its letter and its grant are withdrawn and listed nowhere", async () => {
    const clientId = take();
    const { id, letterId } = await recorded(clientId);
    // Held back from the client for a few minutes: until it leaves, the recording can be undone.
    expect((await letterOf(letterId)).held_until).not.toBeNull();
    expect(await listedDecisions(clientId)).toEqual([expect.objectContaining({ type: "exemptionGranted", letterId })]);

    const undone = await api("POST", `/exemptions/${id}/undo`);
    expect(undone.statusCode, undone.body).toBe(204);
    expect(await rowOf(id)).toBeUndefined();
    expect(await listedExemptions(clientId)).toEqual([]);
    expect((await letterOf(letterId)).withdrawn_at).not.toBeNull();
    expect(await listedDecisions(clientId)).toEqual([]);
    const withdrawn = await t.db.kysely
      .selectFrom("decision_withdrawals")
      .select("decision_id")
      .where("decision_id", "=", (await grantOf(id)).id)
      .execute();
    expect(withdrawn).toHaveLength(1);
    const audit = await t.db.kysely.selectFrom("audit_events").select(["action", "details"]).where("subject_id", "=", id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["exemption.create", "exemption.undo"]));
    expect((await api("POST", `/exemptions/${id}/undo`)).statusCode).toBe(404);
  });

  it("is refused once evidence hangs on the exemption, and once its letter was printed", async () => {
    const withEvidence = await recorded(take());
    const { payload, headers } = multipartFile("file", "verklaring.pdf", "application/pdf", SAMPLE_PDF);
    const upload = await t.app.inject({
      method: "POST",
      url: `/api/v1/exemptions/${withEvidence.id}/documents`,
      headers: { ...consultant, ...headers },
      payload,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const clientId = expectDefined((await rowOf(withEvidence.id))?.client_id, "client");
    expect((await listedExemptions(clientId))[0].abilities.undo).toBe(false);
    const refused = await api("POST", `/exemptions/${withEvidence.id}/undo`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "exemptionHasRecords"]);
    expect((await letterOf(withEvidence.letterId)).withdrawn_at).toBeNull();

    const printed = await recorded(take());
    expect((await api("GET", `/letters/${printed.letterId}/pdf`)).statusCode).toBe(200);
    const left = await api("POST", `/exemptions/${printed.id}/undo`);
    expect([left.statusCode, left.json().code]).toEqual([409, "letterLeftBuilding"]);
    expect((await rowOf(printed.id))?.status).toBe("active");
  });

  it("is for whoever recorded it or a team lead, and outside the district the exemption does not exist", async () => {
    const { id } = await recorded(take());
    expect((await api("POST", `/exemptions/${id}/undo`, await bearerFor(t.app, "consulent2@demo.local"))).statusCode).toBe(404);
    const other = await t.db.kysely.selectFrom("users").select("id").where("email", "=", "consulent2@demo.local").executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable("letters")
      .set({ created_by: other.id })
      .where("id", "=", (await grantOf(id)).letter_id)
      .execute();
    const refused = await api("POST", `/exemptions/${id}/undo`);
    expect([refused.statusCode, refused.json().code]).toEqual([403, "notLetterAuthor"]);
    expect((await api("POST", `/exemptions/${id}/undo`, lead)).statusCode).toBe(204);
  });

  it("lets exactly one of undo and printing the grant letter win", async () => {
    for (let round = 0; round < 4; round++) {
      const { id, letterId } = await recorded(take());
      const [undo] = await Promise.all([api("POST", `/exemptions/${id}/undo`), api("GET", `/letters/${letterId}/pdf`)]);
      const letter = await letterOf(letterId);
      const row = await rowOf(id);
      if (undo.statusCode === 204) {
        expect([letter.printed_at, row]).toEqual([null, undefined]);
        expect(letter.withdrawn_at).not.toBeNull();
      } else {
        expect([undo.statusCode, undo.json().code]).toEqual([409, "letterLeftBuilding"]);
        expect(letter.printed_at).not.toBeNull();
        expect([letter.withdrawn_at, row?.status]).toEqual([null, "active"]);
      }
    }
  });
});
