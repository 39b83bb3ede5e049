import { randomUUID } from "node:crypto";
import { TestClock } from "@server/clock.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Undoing a referral while it is held from the host: the host sees nothing of it until the hold has passed, the undo
// removes it (the role's place and guidance hours free again, a placement proposal pending again), and once the host
// can see it, or has answered it, it is no longer undone.

const clock = new TestClock("2026-12-03T09:00:00+01:00");
let t: TestApp;
let consultant: { authorization: string };
let lead: { authorization: string };
let other: { authorization: string };
let host: { authorization: string };
let admin: { authorization: string };
let hostOrgId: string;
let clientIds: string[];

type Headers = { authorization: string };
const call = (method: "GET" | "POST", url: string, headers: Headers = consultant, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const client = (index: number) => expectDefined(clientIds[index], `client ${index}`);

async function createRole(places = 3) {
  const response = await call("POST", "/roles", consultant, {
    organisationId: hostOrgId,
    title: "Gastvrouw of gastheer koffieochtend",
    description: "Koffie schenken, mensen welkom heten, tafels klaarzetten.",
    hoursPerWeek: 4,
    guidanceLevel: "intensive",
    places,
    weekdayParts: ["tue-am"],
    displacementCheck: {
      paidInLastThreeYears: false,
      doneByPaidStaffElsewhere: false,
      wouldOtherwiseBePaid: false,
      partOfPaidService: false,
      recentStaffCuts: false,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
}

async function refer(clientId: string, roleId: string, headers: Headers = consultant) {
  const response = await call("POST", "/placements", headers, { clientId, roleId });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; status: string; abilities: Record<string, boolean> };
}

const placesTaken = async (roleId: string) => (await call("GET", `/roles/${roleId}`)).json().placesTaken as number;
const hostListIds = async () => ((await call("GET", "/placements?pageSize=100", host)).json().items as { id: string }[]).map((p) => p.id);

beforeAll(async () => {
  t = await createTestApp({ clients: 150, clock });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  other = await bearerFor(t.app, "consulent2@demo.local");
  host = await bearerFor(t.app, "organisatie@demo.local");
  admin = await bearerFor(t.app, "admin@demo.local");
  hostOrgId = (await call("GET", "/me", host)).json().organisationId;
  const me = (await call("GET", "/me")).json();
  clientIds = (
    await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).orderBy("family_name").limit(12).execute()
  ).map((r) => r.id);
  await t.db.kysely
    .updateTable("clients")
    .set({ capacity_hours_per_week: 20, guidance_need: "regular" })
    .where("id", "in", clientIds)
    .execute();
});
afterAll(() => t.close());

describe("holding a referral from the host", () => {
  it("keeps it out of the host's lists, counts and view of the client until the hold has passed", async () => {
    const role = await createRole();
    const proposedHours = async () =>
      (await call("GET", `/organisations/${hostOrgId}/guidance`, host)).json().proposedHoursPerWeek as number;
    const before = await proposedHours();
    const referral = await refer(client(0), role.id);
    expect(referral.abilities.undo).toBe(true);
    expect(await hostListIds()).not.toContain(referral.id);
    expect((await call("GET", `/roles/${role.id}`, host)).json().placesTaken).toBe(0);
    expect(await proposedHours()).toBe(before);
    expect(await placesTaken(role.id)).toBe(1);
    expect((await call("GET", `/placements/${referral.id}`, host)).statusCode).toBe(404);
    expect((await call("POST", `/placements/${referral.id}/accept`, host)).statusCode).toBe(404);
    expect((await call("GET", `/clients/${client(0)}`, host)).statusCode).toBe(404);

    clock.advance({ minutes: 6 });
    expect(await hostListIds()).toContain(referral.id);
    expect((await call("GET", `/roles/${role.id}`, host)).json().placesTaken).toBe(1);
    expect(await proposedHours()).toBeGreaterThan(before);
    expect((await call("GET", `/placements/${referral.id}`)).json().abilities.undo).toBe(false);
    const refused = await call("POST", `/placements/${referral.id}/undo`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "referralReachedHost"]);
    // The host's first opening is recorded.
    expect((await call("GET", `/placements/${referral.id}`, host)).statusCode).toBe(200);
    const row = await t.db.kysely.selectFrom("placements").selectAll().where("id", "=", referral.id).executeTakeFirstOrThrow();
    expect(row.host_opened_at).toBe(clock.now().toISOString());
  });
});

describe("undoing a referral", () => {
  it("removes it, frees the role's place, and leaves the host nothing to see", async () => {
    const role = await createRole(1);
    const referral = await refer(client(1), role.id);
    expect(await placesTaken(role.id)).toBe(1);
    expect((await call("POST", "/placements", consultant, { clientId: client(2), roleId: role.id })).json().code).toBe("roleFull");

    const undone = await call("POST", `/placements/${referral.id}/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ id: referral.id, clientId: client(1), roleId: role.id, matchProposalId: null });
    expect((await call("GET", `/placements/${referral.id}`)).statusCode).toBe(404);
    expect(await placesTaken(role.id)).toBe(0);
    clock.advance({ minutes: 6 });
    expect(await hostListIds()).not.toContain(referral.id);
    expect((await call("GET", `/clients/${client(1)}`, host)).statusCode).toBe(404);
    // The place is free again, and the client can be referred once more.
    await refer(client(1), role.id);
    const audit = (await call("GET", `/audit-events?clientId=${client(1)}&action=placement.undoProposal`, admin)).json();
    expect(audit.items.map((e: { subjectId: string }) => e.subjectId)).toEqual([referral.id]);
  });

  it("is for the consultant who made it or a team lead: 403 for another consultant, 404 outside their scope", async () => {
    const role = await createRole();
    const byLead = await refer(client(3), role.id, lead);
    const refused = await call("POST", `/placements/${byLead.id}/undo`, consultant);
    expect([refused.statusCode, refused.json().code]).toEqual([403, "notLetterAuthor"]);
    expect((await call("GET", `/placements/${byLead.id}`, consultant)).json().abilities.undo).toBe(false);
    expect((await call("POST", `/placements/${byLead.id}/undo`, other)).statusCode).toBe(404);
    expect((await call("POST", `/placements/${byLead.id}/undo`, host)).statusCode).toBe(403);

    const byConsultant = await refer(client(4), role.id);
    expect((await call("POST", `/placements/${byConsultant.id}/undo`, lead)).statusCode).toBe(200);
    expect((await call("POST", `/placements/${byConsultant.id}/undo`)).statusCode).toBe(404);
  });

  it("is refused once the referral was answered on the host's behalf", async () => {
    const role = await createRole();
    const referral = await refer(client(5), role.id);
    expect((await call("POST", `/placements/${referral.id}/accept`)).statusCode).toBe(200);
    const refused = await call("POST", `/placements/${referral.id}/undo`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, "placementState"]);
  });

  it("puts the placement proposal it came from back to pending", async () => {
    const role = await createRole();
    const planId = randomUUID();
    const proposalId = randomUUID();
    const now = clock.now().toISOString();
    await t.db.kysely
      .insertInto("match_plans")
      .values({
        id: planId,
        district: null,
        status: "done",
        progress: 1,
        summary: null,
        error: null,
        requested_by: null,
        created_at: now,
        finished_at: now,
      })
      .execute();
    await t.db.kysely
      .insertInto("match_proposals")
      .values({
        id: proposalId,
        plan_id: planId,
        client_id: client(6),
        role_id: role.id,
        hours_per_week: 4,
        cost: 1,
        reasons: "[]",
        status: "pending",
        reject_reason: null,
        reject_reason_code: null,
        placement_id: null,
        decided_by: null,
        decided_at: null,
      })
      .execute();
    const accepted = await call("POST", `/match-proposals/${proposalId}/accept`, consultant, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    const placementId = expectDefined(accepted.json().placementId as string | null, "placement");
    expect((await call("GET", `/placements/${placementId}`)).json().abilities.undo).toBe(true);

    const undone = await call("POST", `/placements/${placementId}/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().matchProposalId).toBe(proposalId);
    const proposal = await t.db.kysely.selectFrom("match_proposals").selectAll().where("id", "=", proposalId).executeTakeFirstOrThrow();
    expect(proposal).toMatchObject({ status: "pending", placement_id: null, decided_by: null, decided_at: null });
    // It can be followed again.
    expect((await call("POST", `/match-proposals/${proposalId}/accept`, consultant, {})).statusCode).toBe(200);
  });

  it("lets exactly one of undo and accepting on the host's behalf win", async () => {
    const role = await createRole(6);
    for (const index of [7, 8, 9]) {
      const referral = await refer(client(index), role.id);
      const [undo, accept] = await Promise.all([
        call("POST", `/placements/${referral.id}/undo`),
        call("POST", `/placements/${referral.id}/accept`, lead),
      ]);
      const stored = await t.db.kysely.selectFrom("placements").select("status").where("id", "=", referral.id).executeTakeFirst();
      if (undo.statusCode === 200) {
        expect(accept.statusCode).toBe(404);
        expect(stored).toBeUndefined();
      } else {
        expect([undo.statusCode, undo.json().code]).toEqual([409, "placementState"]);
        expect(accept.statusCode).toBe(200);
        expect(stored?.status).toBe("accepted");
      }
    }
  });
});
