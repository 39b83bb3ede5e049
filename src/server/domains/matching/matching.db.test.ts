import { nowIso, TestClock } from "@server/clock.js";
import type { ClientRow } from "@server/db/schema.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays } from "@shared/dates.js";
import { postcodeDistanceKm } from "@shared/geo.js";
import { GUIDANCE_LEVELS } from "@shared/schemas/roles.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { capacityOf, committedHours, committedHoursByClient } from "../plans/capacity.js";
import { startPlan } from "./match-plans.service.js";
import { loadRoleOffers } from "./matching.repo.js";
import { STALE_PLAN_MINUTES } from "./matching.rules.js";

let t: TestApp;
let consultant: { authorization: string };
let lead: { authorization: string };
let admin: { authorization: string };
let host: { authorization: string };
// The app reads this clock; a test moves it on instead of back-dating rows.
const clock = new TestClock();
const today = clock.today();

beforeAll(async () => {
  // A share of the demo clients has a history: intakes, plans, placements.
  t = await createTestApp({ clients: 700, seed: 9, historyShare: 0.6, clock });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  admin = await bearerFor(t.app, "admin@demo.local");
  host = await bearerFor(t.app, "organisatie@demo.local");
}, 120_000);
afterAll(async () => t?.close());

const call = async (headers: { authorization: string }, method: "GET" | "POST", url: string, payload?: unknown) => {
  const response = await t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.body ? response.json() : undefined };
};

/** Demo clients of Charlois (the demo consultant's district) that have had an intake. */
async function charloisClientsWithIntake(): Promise<ClientRow[]> {
  return t.db.kysely
    .selectFrom("clients")
    .selectAll()
    .where("district", "=", "Charlois")
    .where((eb) => eb.exists(eb.selectFrom("intakes").select("id").whereRef("intakes.client_id", "=", "clients.id")))
    .orderBy("id")
    .execute();
}

async function latestIntake(clientId: string) {
  return t.db.kysely
    .selectFrom("intakes")
    .selectAll()
    .where("client_id", "=", clientId)
    .orderBy("held_on", "desc")
    .orderBy("created_at", "desc")
    .executeTakeFirstOrThrow();
}

describe("suggestions for one client", () => {
  it("never include a rejected, unreviewed, suspended or full role, a role above capacity left or beyond the travel radius (property over the demo data)", async () => {
    const db = t.db.kysely;
    // Make the demo data adversarial: reject some roles, suspend some by a complaint, fill some up.
    const roles = await db.selectFrom("volunteer_roles").select(["id", "status"]).where("status", "=", "approved").orderBy("id").execute();
    for (const [i, role] of roles.entries()) {
      if (i % 7 === 0) await db.updateTable("volunteer_roles").set({ status: "rejected" }).where("id", "=", role.id).execute();
      if (i % 7 === 1) {
        await db
          .insertInto("displacement_complaints")
          .values({
            id: crypto.randomUUID(),
            role_id: role.id,
            filed_by: null,
            filer_kind: "union",
            filer_name: "FNV",
            filer_email: null,
            description: "Dit werk deed vroeger een betaalde kracht.",
            status: "open",
            decided_by: null,
            decision_reason: null,
            decided_at: null,
            created_at: nowIso(clock),
          })
          .execute();
      }
      if (i % 7 === 2) await db.updateTable("volunteer_roles").set({ places: 0 }).where("id", "=", role.id).execute();
    }
    const clients = await charloisClientsWithIntake();
    expect(clients.length).toBeGreaterThan(10);
    let suggested = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...clients), async (client) => {
        const { status, body } = await call(consultant, "GET", `/clients/${client.id}/suggestions?limit=50`);
        expect(status).toBe(200);
        const intake = await latestIntake(client.id);
        const capacity = await capacityOf(db, client, t.clock.today());
        const left = (capacity.hoursPerWeek ?? 0) - (await committedHours(db, client.id));
        for (const item of body.items as { roleId: string; hoursPerWeek: number; postcode: string }[]) {
          suggested++;
          const role = await db.selectFrom("volunteer_roles").selectAll().where("id", "=", item.roleId).executeTakeFirstOrThrow();
          expect(role.status).toBe("approved");
          const complaints = await db
            .selectFrom("displacement_complaints")
            .select("id")
            .where("role_id", "=", role.id)
            .where("status", "=", "open")
            .execute();
          expect(complaints).toEqual([]);
          const taken = await db
            .selectFrom("placements")
            .select("id")
            .where("role_id", "=", role.id)
            .where("status", "in", ["proposed", "accepted", "active"])
            .execute();
          expect(taken.length).toBeLessThan(role.places);
          expect(role.min_hours_per_week).toBeLessThanOrEqual(left + 1e-9);
          expect(item.hoursPerWeek).toBeLessThanOrEqual(left + 1e-9);
          expect(item.hoursPerWeek).toBeLessThanOrEqual(role.hours_per_week);
          expect(postcodeDistanceKm(client.postcode, role.postcode)).toBeLessThanOrEqual(intake.travel_radius_km);
          expect(GUIDANCE_LEVELS.indexOf(role.guidance_level as never)).toBeGreaterThanOrEqual(
            GUIDANCE_LEVELS.indexOf(client.guidance_need as never),
          );
        }
        if (body.items.length === 0)
          expect(
            body.blockedBy !== null || Object.values(body.excluded as Record<string, number>).some((n) => n > 0) || body.considered === 0,
          ).toBe(true);
      }),
      { numRuns: Math.min(60, clients.length) },
    );
    expect(suggested).toBeGreaterThan(0);
  }, 120_000);

  it("ranks by cost with a score that falls as cost rises, and explains every suggestion", async () => {
    for (const client of await charloisClientsWithIntake()) {
      const { body } = await call(consultant, "GET", `/clients/${client.id}/suggestions`);
      if (body.items.length < 2) continue;
      expect(body.items.length).toBeLessThanOrEqual(10);
      const costs = body.items.map((i: { cost: number }) => i.cost);
      expect(costs).toEqual([...costs].sort((a, b) => a - b));
      const scores = body.items.map((i: { score: number }) => i.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      // Reading suggestions (which show capacity left) is audited.
      const audited = await t.db.kysely
        .selectFrom("audit_events")
        .select(["category"])
        .where("action", "=", "client.suggestions")
        .where("client_id", "=", client.id)
        .execute();
      expect(audited.map((e) => e.category)).toContain("read:profile");
      for (const item of body.items)
        expect(item.reasons.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(["distance", "fitsHours", "guidance"]));
      return;
    }
    throw new Error("no Charlois client with two suggestions");
  });

  it("leaves out an organisation where the client's placement ended through a poor fit in the past year", async () => {
    for (const client of await charloisClientsWithIntake()) {
      const before = await call(consultant, "GET", `/clients/${client.id}/suggestions?limit=50`);
      const first = before.body.items[0];
      if (!first) continue;
      const now = nowIso(clock);
      await t.db.kysely
        .insertInto("placements")
        .values({
          id: crypto.randomUUID(),
          client_id: client.id,
          role_id: first.roleId,
          organisation_id: first.organisationId,
          status: "ended",
          hours_per_week: 2,
          guidance_level: "regular",
          guidance_override_reason: null,
          proposed_by: null,
          decision_reason: null,
          decided_by: null,
          started_on: addDays(today, -90),
          ended_on: addDays(today, -30),
          end_reason: "poorFit",
          end_note: null,
          attributable_to: "none",
          ordinance_version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const after = await call(consultant, "GET", `/clients/${client.id}/suggestions?limit=50`);
      expect(after.body.items.some((i: { organisationId: string }) => i.organisationId === first.organisationId)).toBe(false);
      expect(after.body.excluded.history).toBeGreaterThan(0);
      return;
    }
    throw new Error("no Charlois client with a suggestion");
  });

  it("says why there are none without an intake; 404 outside the consultant's scope; hosts may not ask", async () => {
    const withoutIntake = await t.db.kysely
      .selectFrom("clients")
      .select("id")
      .where("district", "=", "Charlois")
      .where((eb) => eb.not(eb.exists(eb.selectFrom("intakes").select("id").whereRef("intakes.client_id", "=", "clients.id"))))
      .executeTakeFirstOrThrow();
    const blocked = await call(consultant, "GET", `/clients/${withoutIntake.id}/suggestions`);
    expect(blocked.status).toBe(200);
    expect(blocked.body).toMatchObject({ items: [], blockedBy: "noIntake" });
    const elsewhere = await t.db.kysely.selectFrom("clients").select("id").where("district", "=", "Noord").executeTakeFirstOrThrow();
    expect((await call(consultant, "GET", `/clients/${elsewhere.id}/suggestions`)).status).toBe(404);
    expect((await call(host, "GET", `/clients/${withoutIntake.id}/suggestions`)).status).toBe(403);
    const tooMany = await call(consultant, "GET", `/clients/${withoutIntake.id}/suggestions?limit=500`);
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain("limit");
  });

  it("adds up committed hours in one batch exactly as per client", async () => {
    const ids = (await t.db.kysely.selectFrom("clients").select("id").orderBy("id").limit(250).execute()).map((r) => r.id);
    const batch = await committedHoursByClient(t.db.kysely, ids);
    let nonZero = 0;
    for (const id of ids) {
      const single = await committedHours(t.db.kysely, id);
      expect(batch.get(id)).toBeCloseTo(single, 9);
      if (single > 0) nonZero++;
    }
    expect(nonZero).toBeGreaterThan(0);
  });
});

describe("city-wide placement plans", () => {
  async function finished(id: string) {
    for (let i = 0; i < 300; i++) {
      const { body } = await call(lead, "GET", `/match-plans/${id}`);
      if (body.status === "done" || body.status === "failed") return body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("plan did not finish");
  }

  it("refuses an unknown district, a district outside a team lead's scope, the whole city for a team lead, and a second plan while one runs", async () => {
    const unknown = await call(lead, "POST", "/match-plans", { district: "Atlantis" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.invalidParams[0].name).toBe("district");
    expect((await call(lead, "POST", "/match-plans", { district: "Noord" })).body.code).toBe("districtOutOfScope");
    expect((await call(lead, "POST", "/match-plans", {})).status).toBe(403);
    expect((await call(consultant, "POST", "/match-plans", { district: "Charlois" })).status).toBe(403);
    // A plan that stays queued (its run never starts) blocks the next one.
    const actor = {
      id: (await t.db.kysely.selectFrom("users").select("id").where("email", "=", "admin@demo.local").executeTakeFirstOrThrow()).id,
      email: "admin@demo.local",
      displayName: "Beheerder",
      role: "admin" as const,
      districts: [],
      organisationId: null,
      clientId: null,
      scopeDate: t.clock.today(),
    };
    const queued = await startPlan(t.db.kysely, { actor, requestId: "test", clock: t.clock }, null, async () => {});
    expect((await call(admin, "POST", "/match-plans", {})).body.code).toBe("planRunning");
    // Cut off (say, by a restart) and older than a quarter of an hour: it no longer blocks, and is marked failed.
    clock.advance({ minutes: STALE_PLAN_MINUTES - 1 });
    expect((await call(admin, "POST", "/match-plans", {})).body.code).toBe("planRunning");
    clock.advance({ minutes: 2 });
    const next = await call(admin, "POST", "/match-plans", { district: "Overschie" });
    expect(next.status).toBe(202);
    expect((await call(admin, "GET", `/match-plans/${queued}`)).body).toMatchObject({
      status: "failed",
      error: expect.stringContaining("15 minutes"),
    });
    await finished(next.body.id);
  });

  it("plans a district: the most clients placed within places and guidance hours, the shortfall per district, proposals reviewed one by one", async () => {
    const db = t.db.kysely;
    const { guidanceHoursPerLevel } = await ordinanceOn(db, t.clock.today());
    const offers = new Map((await loadRoleOffers(db, guidanceHoursPerLevel, t.clock.today())).map((o) => [o.id, o]));
    expect((await call(lead, "GET", "/match-plans")).body.abilities).toEqual({ start: true, startCityWide: false });
    expect((await call(consultant, "GET", "/match-plans")).body.abilities).toEqual({ start: false, startCityWide: false });
    expect((await call(consultant, "POST", "/match-plans", { district: "Charlois" })).status).toBe(403);
    const started = await call(lead, "POST", "/match-plans", { district: "Charlois" });
    expect(started.status).toBe(202);
    const plan = await finished(started.body.id);
    expect((await call(admin, "GET", "/match-plans")).body.abilities).toEqual({ start: true, startCityWide: true });
    expect(plan.status, plan.error).toBe("done");
    const summary = plan.summary;
    expect(summary.eligible).toBeGreaterThan(0);
    expect(summary.placed + summary.unplaced).toBe(summary.eligible);
    expect(plan.proposals.pending).toBe(summary.placed);
    const [charlois] = summary.shortfall;
    expect(charlois).toMatchObject({
      district: "Charlois",
      eligible: summary.eligible,
      placed: summary.placed,
      unplaced: summary.unplaced,
    });
    expect(Object.values(charlois.causes as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(summary.unplaced);

    // Every proposal fits: within the role's free places and the organisation's guidance hours.
    const page = await call(lead, "GET", `/match-plans/${plan.id}/proposals?pageSize=200`);
    expect(page.body.total).toBe(summary.placed);
    expect((await call(lead, "GET", `/match-plans/${plan.id}/proposals?district=Overschie`)).body.total).toBe(0);
    expect((await call(lead, "GET", `/match-plans/${plan.id}/proposals?district=Charlois&pageSize=1`)).body).toMatchObject({
      total: summary.placed,
      items: [expect.any(Object)],
    });
    // Grouped by the clients' consultant: the rows run consultant by consultant, in the order of the groups, whose
    // counts add up to the total; the consultant filter gives one group's proposals.
    const groups: { consultantId: string | null; consultantName: string | null; pending: number }[] = page.body.groups;
    expect(groups.reduce((sum, g) => sum + g.pending, 0)).toBe(summary.placed);
    const runs = page.body.items
      .map((p: { consultantId: string | null }) => p.consultantId)
      .filter((id: string | null, i: number, all: (string | null)[]) => i === 0 || all[i - 1] !== id);
    expect(runs).toEqual(groups.map((g) => g.consultantId));
    const [firstGroup] = groups;
    expect(firstGroup?.consultantName).toEqual(expect.any(String));
    const ofOne = await call(lead, "GET", `/match-plans/${plan.id}/proposals?consultantId=${firstGroup?.consultantId}&pageSize=200`);
    expect(ofOne.body.total).toBe(firstGroup?.pending);
    expect(new Set(ofOne.body.items.map((p: { consultantName: string }) => p.consultantName))).toEqual(
      new Set([firstGroup?.consultantName]),
    );
    const listed = await db
      .selectFrom("audit_events")
      .select("category")
      .where("action", "=", "matchProposal.list")
      .where("subject_id", "=", plan.id)
      .execute();
    expect(listed.map((e) => e.category)).toContain("read:list");
    const perRole = new Map<string, number>();
    const hoursPerOrganisation = new Map<string, number>();
    for (const proposal of page.body.items) {
      expect(proposal.district).toBe("Charlois");
      perRole.set(proposal.roleId, (perRole.get(proposal.roleId) ?? 0) + 1);
      const offer = expectDefined(offers.get(proposal.roleId), `the offer of role ${proposal.roleId}`);
      const client = await db.selectFrom("clients").select("guidance_need").where("id", "=", proposal.clientId).executeTakeFirstOrThrow();
      hoursPerOrganisation.set(
        offer.organisationId,
        (hoursPerOrganisation.get(offer.organisationId) ?? 0) + guidanceHoursPerLevel[client.guidance_need as "regular"],
      );
    }
    for (const [roleId, count] of perRole)
      expect(count).toBeLessThanOrEqual(expectDefined(offers.get(roleId), `the offer of role ${roleId}`).freePlaces);
    for (const [organisationId, hours] of hoursPerOrganisation) {
      const offer = expectDefined(
        [...offers.values()].find((o) => o.organisationId === organisationId),
        `an offer of organisation ${organisationId}`,
      );
      const left = offer.guidanceHoursLeft;
      expect(hours).toBeLessThanOrEqual(left + 1e-9);
    }

    // Review: follow one (a referral appears), do not follow another (with a reason), not twice.
    const [first, second] = page.body.items;
    // Abilities: pending proposals may be followed by a caseworker, never by an admin (who is refused).
    expect(first.abilities).toEqual({ follow: true, reject: true });
    expect(page.body.abilities).toEqual({ decide: true });
    const asAdmin = await call(admin, "GET", `/match-plans/${plan.id}/proposals?pageSize=1`);
    expect(asAdmin.body.items[0].abilities).toEqual({ follow: false, reject: false });
    expect((await call(admin, "POST", `/match-proposals/${first.id}/accept`, {})).status).toBe(403);
    const accepted = await call(consultant, "POST", `/match-proposals/${first.id}/accept`, {});
    expect(accepted.body.abilities).toEqual({ follow: false, reject: false });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ status: "accepted", placementId: expect.any(String) });
    const placement = await call(consultant, "GET", `/placements/${accepted.body.placementId}`);
    expect(placement.body).toMatchObject({ status: "proposed", clientId: first.clientId, roleId: first.roleId });
    expect((await call(consultant, "POST", `/match-proposals/${first.id}/accept`, {})).body.code).toBe("proposalDecided");
    const noReason = await call(consultant, "POST", `/match-proposals/${second.id}/reject`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.invalidParams[0].name).toBe("reasonCode");
    const notOnList = await call(consultant, "POST", `/match-proposals/${second.id}/reject`, { reasonCode: "clientRefused" });
    expect(notOnList.body.invalidParams[0].name).toBe("reasonCode");
    // "Another reason" needs it in words.
    const otherWithoutWords = await call(consultant, "POST", `/match-proposals/${second.id}/reject`, { reasonCode: "other" });
    expect(otherWithoutWords.status).toBe(400);
    expect(otherWithoutWords.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(["reason"]);
    expect((await call(consultant, "GET", `/match-plans/${plan.id}/proposals?status=rejected`)).body.total).toBe(0);
    const rejected = await call(consultant, "POST", `/match-proposals/${second.id}/reject`, {
      reasonCode: "otherStepFirst",
      reason: "Meneer start volgende maand met een taalcursus.",
    });
    expect(rejected.body).toMatchObject({
      status: "rejected",
      rejectReasonCode: "otherStepFirst",
      rejectReason: "Meneer start volgende maand met een taalcursus.",
    });
    const writes = await db
      .selectFrom("audit_events")
      .select("action")
      .where("category", "=", "write")
      .where("subject_id", "in", [plan.id, first.id, second.id])
      .execute();
    expect(writes.map((e) => e.action).sort()).toEqual(["matchPlan.start", "matchProposal.accept", "matchProposal.reject"]);
    const after = await call(lead, "GET", `/match-plans/${plan.id}`);
    expect(after.body.proposals).toEqual({ pending: summary.placed - 2, accepted: 1, rejected: 1 });

    // A referral the rules refuse now (the role filled up meanwhile) leaves the proposal pending.
    const third = page.body.items.slice(2).find((p: { roleId: string }) => p.roleId !== first.roleId);
    await db.updateTable("volunteer_roles").set({ places: 0 }).where("id", "=", third.roleId).execute();
    const refused = await call(consultant, "POST", `/match-proposals/${third.id}/accept`, {});
    expect(refused.body.code).toBe("roleFull");
    expect(
      (await call(lead, "GET", `/match-plans/${plan.id}/proposals?status=pending&pageSize=200`)).body.items.map(
        (p: { id: string }) => p.id,
      ),
    ).toContain(third.id);

    // Proposals of clients outside the scope stay hidden: a consultant of another district sees none.
    const other = await bearerFor(t.app, "consulent2@demo.local");
    expect((await call(other, "GET", `/match-plans/${plan.id}/proposals`)).body.total).toBe(0);
    expect((await call(other, "POST", `/match-proposals/${second.id}/accept`, {})).status).toBe(404);
  }, 60_000);
});
