import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import type { ActivityProposalOutput } from "@shared/schemas/activity-proposals.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Undoing the decision on a proposal while its letter is still inside: the proposal waits for a decision again, what
// accepting made is gone, the letter and the decision are kept, withdrawn; refused once the letter has left.

let t: TestApp;
let consultant: { authorization: string };
let lead: { authorization: string };
let clientIds: string[];

const call = (method: "GET" | "POST" | "DELETE", url: string, payload?: object, headers = consultant) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const client = (index: number) => expectDefined(clientIds[index], `client ${index}`);
const letterOf = (id: string) => t.db.kysely.selectFrom("letters").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
/** The client's decisions as the API lists them: a withdrawn one is not among them. */
const decisionsOf = async (clientId: string): Promise<string[]> =>
  (await call("GET", `/clients/${clientId}/decisions`)).json().items.map((d: { id: string }) => d.id);

const course = { kind: "course", description: "Een cursus Nederlands.", place: "Buurthuis De Boog", hoursPerWeek: 4, since: "2026-01-05" };
const caring = {
  kind: "caregiving",
  relation: "parent",
  description: "Boodschappen en helpen met wassen.",
  place: "Bij mijn moeder thuis",
  hoursPerWeek: 10,
  since: "2026-01-01",
};

async function decided(clientId: string, outcome: "accepted" | "declined", body: object = course): Promise<ActivityProposalOutput> {
  const proposed = await call("POST", `/clients/${clientId}/activity-proposals`, body);
  expect(proposed.statusCode, proposed.body).toBe(201);
  const decision = await call("POST", `/activity-proposals/${proposed.json().id}/decision`, { outcome, reasons: "Dit past bij u." });
  expect(decision.statusCode, decision.body).toBe(200);
  return decision.json();
}

beforeAll(async () => {
  t = await createTestApp({ clients: 150 });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  const me = (await call("GET", "/me")).json();
  clientIds = (
    await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).orderBy("family_name").limit(10).execute()
  ).map((r) => r.id);
  await t.db.kysely.updateTable("clients").set({ capacity_hours_per_week: 30 }).where("id", "in", clientIds).execute();
});
afterAll(() => t.close());

describe("undoing the decision on a proposal", () => {
  it("takes an accepted course back: the contribution gone, the letter and decision withdrawn, the proposal waiting", async () => {
    const proposal = await decided(client(0), "accepted");
    const { letterId, decisionId, contributionId } = proposal;
    expect([proposal.abilities.undo, contributionId !== null]).toEqual([true, true]);
    const undone = await call("DELETE", `/activity-proposals/${proposal.id}/decision`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ status: "pending", decisionId: null, letterId: null, contributionId: null, reasons: null });
    expect(undone.json().abilities).toMatchObject({ decide: true, undo: false });
    expect((await call("GET", `/clients/${client(0)}/contributions`)).json().items).toEqual([]);
    expect((await letterOf(expectDefined(letterId))).withdrawn_at).not.toBeNull();
    // The decision is kept, marked withdrawn, and listed nowhere.
    expect(await decisionsOf(client(0))).not.toContain(decisionId);
    const kept = await t.db.kysely
      .selectFrom("decision_withdrawals")
      .select("decision_id")
      .where("letter_id", "=", expectDefined(letterId))
      .execute();
    expect(kept.map((k) => k.decision_id)).toEqual([decisionId]);
    const audit = await t.db.kysely.selectFrom("audit_events").select("action").where("subject_id", "=", proposal.id).execute();
    expect(audit.map((a) => a.action)).toContain("activityProposal.undoDecision");
    // It can be decided again, with a new letter.
    const again = await call("POST", `/activity-proposals/${proposal.id}/decision`, { outcome: "declined", reasons: "Toch niet." });
    expect([again.statusCode, again.json().letterId === letterId]).toEqual([200, false]);
  });

  it("takes accepted caregiving back, and a refusal too", async () => {
    const care = await decided(client(1), "accepted", caring);
    expect(care.caregivingId).not.toBeNull();
    expect((await call("DELETE", `/activity-proposals/${care.id}/decision`)).statusCode).toBe(200);
    expect(await t.db.kysely.selectFrom("caregiving").select("id").where("client_id", "=", client(1)).execute()).toEqual([]);
    const refusal = await decided(client(1), "declined");
    const undone = await call("DELETE", `/activity-proposals/${refusal.id}/decision`);
    expect([undone.statusCode, undone.json().status]).toEqual([200, "pending"]);
    const again = await call("DELETE", `/activity-proposals/${refusal.id}/decision`);
    expect([again.statusCode, again.json().code]).toEqual([409, "activityProposalNotDecided"]);
  });

  it("is refused once the letter was printed, and says so in the abilities", async () => {
    const proposal = await decided(client(2), "accepted");
    expect((await call("GET", `/letters/${proposal.letterId}/pdf`)).statusCode).toBe(200);
    const listed = (await call("GET", `/clients/${client(2)}/activity-proposals`)).json();
    expect(listed.items.find((p: { id: string }) => p.id === proposal.id).abilities.undo).toBe(false);
    const refused = await call("DELETE", `/activity-proposals/${proposal.id}/decision`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "letterLeftBuilding"]);
    expect(await decisionsOf(client(2))).toContain(proposal.decisionId);
  });

  it("is refused once what accepting made has ended", async () => {
    const proposal = await decided(client(3), "accepted");
    const contributionId = expectDefined(proposal.contributionId);
    await t.db.kysely
      .updateTable("contributions")
      .set({ status: "ended", ended_on: "2026-02-01" })
      .where("id", "=", contributionId)
      .execute();
    const refused = await call("DELETE", `/activity-proposals/${proposal.id}/decision`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "activityMovedOn"]);
    // The contribution it made is undone with the decision, never on its own.
    const own = await call("POST", `/contributions/${contributionId}/undo`);
    expect([own.statusCode, own.json().code]).toEqual([409, "contributionOfDecision"]);
  });

  it("is for the consultant who decided or a team lead, and absent outside one's districts", async () => {
    const proposal = await decided(client(4), "accepted");
    const path = `/activity-proposals/${proposal.id}/decision`;
    expect((await call("DELETE", path, undefined, await bearerFor(t.app, "consulent2@demo.local"))).statusCode).toBe(404);
    const other = await t.db.kysely.selectFrom("users").select("id").where("email", "=", "consulent2@demo.local").executeTakeFirstOrThrow();
    await t.db.kysely.updateTable("letters").set({ created_by: other.id }).where("id", "=", expectDefined(proposal.letterId)).execute();
    const refused = await call("DELETE", path);
    expect([refused.statusCode, refused.json().code]).toEqual([403, "notLetterAuthor"]);
    expect((await call("DELETE", path, undefined, lead)).statusCode).toBe(200);
  });

  it("lets exactly one of undo and printing the letter win", async () => {
    for (const index of [5, 6, 7, 8]) {
      const proposal = await decided(client(index), "accepted");
      const [undo, print] = await Promise.all([
        call("DELETE", `/activity-proposals/${proposal.id}/decision`),
        call("GET", `/letters/${proposal.letterId}/pdf`),
      ]);
      const letter = await letterOf(expectDefined(proposal.letterId));
      const contributions = await t.db.kysely.selectFrom("contributions").select("id").where("client_id", "=", client(index)).execute();
      if (undo.statusCode === 200) {
        // Staff may still read a withdrawn letter for the record; it is not a print.
        expect(print.statusCode).toBe(200);
        expect([letter.printed_at, contributions, undo.json().status]).toEqual([null, [], "pending"]);
      } else {
        expect([undo.statusCode, undo.json().code]).toEqual([409, "letterLeftBuilding"]);
        expect(letter.printed_at).not.toBeNull();
        expect(contributions).toHaveLength(1);
      }
    }
  });
});
