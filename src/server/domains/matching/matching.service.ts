import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { type Clock, nowIso } from "@server/clock.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, forbidden, invalidField, notFound } from "@server/http/errors.js";
import { verifyOptimal } from "@server/matching/certificate.js";
import type { MatchInstance } from "@server/matching/instance.js";
import { solveMatching } from "@server/matching/solver.js";
import { DISTRICTS } from "@shared/districts.js";
import { distanceKm, type LatLon } from "@shared/geo.js";
import {
  MATCH_CONSTRAINTS,
  type MatchConstraint,
  SHORTFALL_CAUSES,
  type ShortfallCause,
  type SuggestionsOutput,
} from "@shared/schemas/matching.js";
import type { GuidanceLevel } from "@shared/schemas/roles.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient, visibleClients } from "../clients/clients.repo.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { proposePlacement } from "../placements/placements.service.js";
import { OPEN_PLACEMENT_STATUSES } from "../vocabulary.js";
import { loadClientProfiles, loadRoleOffers } from "./matching.repo.js";
import { type ClientProfile, causeWithoutRoles, type Evaluation, evaluate, type RoleOffer, scoreOf } from "./matching.rules.js";

/** Each client's candidates in a city-wide plan: its cheapest fitting roles, as many as this. */
export const PAIRS_PER_CLIENT = 100;

/** A plan still queued or running after this long was cut off. */
const STALE_PLAN_MINUTES = 15;

const emptyExcluded = () => Object.fromEntries(MATCH_CONSTRAINTS.map((c) => [c, 0])) as Record<MatchConstraint, number>;

/** Roles grouped by postcode area, so a client's search starts from the areas within the travel radius. */
class OfferIndex {
  private readonly areas: { point: LatLon | null; offers: RoleOffer[] }[];

  constructor(offers: RoleOffer[]) {
    const byArea = new Map<string, { point: LatLon | null; offers: RoleOffer[] }>();
    for (const offer of offers) {
      const key = offer.point ? `${offer.point.lat},${offer.point.lon}` : "unknown";
      const area = byArea.get(key) ?? { point: offer.point, offers: [] };
      area.offers.push(offer);
      byArea.set(key, area);
    }
    this.areas = [...byArea.values()];
  }

  /** Open roles within the client's radius; with `all`, every role, for counting what rules the others out. */
  candidates(client: ClientProfile, all = false): RoleOffer[] {
    const result: RoleOffer[] = [];
    for (const area of this.areas) {
      if (!all && (!client.point || !area.point || distanceKm(client.point, area.point) > client.travelRadiusKm + 1e-9)) continue;
      for (const offer of area.offers) if (all || offer.freePlaces > 0) result.push(offer);
    }
    return result;
  }
}

/** The fitting open roles of a client, cheapest first, with what ruled out the others. */
function fittingRoles(client: ClientProfile, offers: RoleOffer[], hoursPerLevel: Record<GuidanceLevel, number>) {
  const fits: { offer: RoleOffer; evaluation: Evaluation }[] = [];
  const excluded = emptyExcluded();
  for (const offer of offers) {
    if (offer.freePlaces <= 0 || client.openRoles.has(offer.id)) continue;
    const evaluation = evaluate(client, offer, hoursPerLevel);
    if (evaluation.failures.length) excluded[evaluation.failures[0]!]++;
    else fits.push({ offer, evaluation });
  }
  fits.sort(
    (a, b) =>
      a.evaluation.cost - b.evaluation.cost ||
      (a.evaluation.distanceKm ?? 0) - (b.evaluation.distanceKm ?? 0) ||
      a.offer.id.localeCompare(b.offer.id),
  );
  return { fits, excluded };
}

/**
 * The best open roles for one client, with reasons in plain words (as codes) and a score. Roles that fail a
 * hard constraint never appear; the counts say which constraint ruled out how many.
 */
export async function suggestionsFor(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  limit: number,
): Promise<SuggestionsOutput> {
  const client = await requireVisibleClient(db, ctx.actor, clientId);
  const today = ctx.clock.today();
  const { guidanceHoursPerLevel } = await ordinanceOn(db, today);
  const { profiles } = await loadClientProfiles(db, [client], today);
  const profile = profiles[0];
  await recordAudit(db, ctx, {
    action: "client.suggestions",
    category: "read:profile",
    clientId,
    subjectType: "client",
    subjectId: clientId,
  });
  const blocked = (blockedBy: SuggestionsOutput["blockedBy"]): SuggestionsOutput => ({
    items: [],
    blockedBy,
    capacityLeft: profile?.capacityLeft ?? null,
    travelRadiusKm: profile?.travelRadiusKm ?? null,
    considered: 0,
    excluded: emptyExcluded(),
  });
  if (!profile) return blocked("noIntake");
  if (profile.capacityLeft === null) return blocked("capacityNotAssessed");
  if (profile.capacityLeft <= 0) return blocked("noCapacityLeft");
  if (!profile.point) return blocked("postcodeUnknown");
  const offers = (await loadRoleOffers(db, guidanceHoursPerLevel, today)).filter((o) => o.freePlaces > 0);
  const { fits, excluded } = fittingRoles(profile, offers, guidanceHoursPerLevel);
  return {
    items: fits.slice(0, limit).map(({ offer, evaluation }) => ({
      roleId: offer.id,
      title: offer.title,
      organisationId: offer.organisationId,
      organisationName: offer.organisationName,
      postcode: offer.postcode,
      hoursPerWeek: evaluation.hours,
      freePlaces: offer.freePlaces,
      score: scoreOf(evaluation.cost),
      cost: evaluation.cost,
      reasons: evaluation.reasons,
    })),
    blockedBy: null,
    capacityLeft: profile.capacityLeft,
    travelRadiusKm: profile.travelRadiusKm,
    considered: offers.length,
    excluded,
  };
}

// ——— City-wide plans ———

/** Starts a plan for a district (or, for admins, the whole city) and runs it in the background. */
export async function startPlan(db: Kysely<Database>, ctx: RequestContext, district: string | null, run = runPlan): Promise<string> {
  if (district !== null && !DISTRICTS.includes(district)) throw invalidField("district", "unknownDistrict", "No such district");
  if (ctx.actor.role === "teamLead" && (district === null || !ctx.actor.districts.includes(district))) {
    throw forbidden(
      "districtOutOfScope",
      "A team lead plans for the districts of their team; the whole city is planned by an administrator.",
    );
  }
  // A plan that did not finish in time was cut off (e.g. by a restart) and no longer blocks the next.
  const staleBefore = new Date(ctx.clock.now().getTime() - STALE_PLAN_MINUTES * 60_000).toISOString();
  await db
    .updateTable("match_plans")
    .set({
      status: "failed",
      error: `Stopped: not finished within ${STALE_PLAN_MINUTES} minutes (the server may have restarted).`,
      finished_at: nowIso(ctx.clock),
    })
    .where("status", "in", ["queued", "running"])
    .where("created_at", "<", staleBefore)
    .execute();
  const running = await db.selectFrom("match_plans").select("id").where("status", "in", ["queued", "running"]).executeTakeFirst();
  if (running) throw conflict("planRunning", "A placement plan is being made; start the next one when it is done.");
  const id = randomUUID();
  await db
    .insertInto("match_plans")
    .values({
      id,
      district,
      status: "queued",
      progress: 0,
      summary: null,
      error: null,
      requested_by: ctx.actor.id,
      created_at: nowIso(ctx.clock),
      finished_at: null,
    })
    .execute();
  await recordAudit(db, ctx, {
    action: "matchPlan.start",
    category: "write",
    subjectType: "matchPlan",
    subjectId: id,
    details: { district },
  });
  setImmediate(() => void run(db, id, ctx.clock));
  return id;
}

interface DistrictTally {
  eligible: number;
  placed: number;
  causes: Record<ShortfallCause, number>;
}

/**
 * Makes a plan: loads the eligible clients (an intake, capacity left, no referral or placement, not already
 * contributing) and the open roles, builds each client's fitting roles, solves for the most clients placed at the
 * least cost within role places and organisation guidance, proves the answer optimal, stores one proposal per
 * placed client and the shortfall per district. Never throws: a failure is stored on the plan.
 */
export async function runPlan(db: Kysely<Database>, planId: string, clock: Clock): Promise<void> {
  const progress = (value: number) => db.updateTable("match_plans").set({ progress: value }).where("id", "=", planId).execute();
  try {
    const started = performance.now();
    const plan = await db.selectFrom("match_plans").selectAll().where("id", "=", planId).executeTakeFirstOrThrow();
    await db.updateTable("match_plans").set({ status: "running", progress: 0.05 }).where("id", "=", planId).execute();
    const today = clock.today();
    const { guidanceHoursPerLevel } = await ordinanceOn(db, today);

    let clientQuery = db
      .selectFrom("clients")
      .select(["id", "district", "postcode", "guidance_need", "capacity_hours_per_week"])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("placements")
              .select("id")
              .whereRef("placements.client_id", "=", "clients.id")
              .where("placements.status", "in", [...OPEN_PLACEMENT_STATUSES]),
          ),
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("contributions")
              .select("id")
              .whereRef("contributions.client_id", "=", "clients.id")
              .where("contributions.status", "=", "active"),
          ),
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("caregiving")
              .select("id")
              .whereRef("caregiving.client_id", "=", "clients.id")
              .where("caregiving.status", "=", "active")
              .where("caregiving.beyond_customary_care", "=", 1),
          ),
        ),
      );
    if (plan.district) clientQuery = clientQuery.where("district", "=", plan.district);
    const clients = await clientQuery.orderBy("id").execute();
    const load = await loadClientProfiles(db, clients, today);
    const profiles = load.profiles.filter((p) => (p.capacityLeft ?? 0) > 0);
    const offers = await loadRoleOffers(db, guidanceHoursPerLevel, today);
    await progress(0.2);

    // The instance: each client's cheapest fitting roles; organisations carry what their guidance hours allow.
    const index = new OfferIndex(offers);
    const roleIndex = new Map<string, number>();
    const roles: RoleOffer[] = [];
    const chosen: Evaluation[][] = [];
    const pairStart = [0];
    const pairRole: number[] = [];
    const pairCost: number[] = [];
    const highestNeed = new Map<string, number>();
    for (const profile of profiles) {
      const { fits } = fittingRoles(profile, index.candidates(profile), guidanceHoursPerLevel);
      const kept = fits.slice(0, PAIRS_PER_CLIENT);
      chosen.push(kept.map((f) => f.evaluation));
      for (const { offer, evaluation } of kept) {
        if (!roleIndex.has(offer.id)) {
          roleIndex.set(offer.id, roles.length);
          roles.push(offer);
        }
        pairRole.push(roleIndex.get(offer.id)!);
        pairCost.push(evaluation.cost);
        const need = guidanceHoursPerLevel[profile.guidanceNeed];
        highestNeed.set(offer.organisationId, Math.max(highestNeed.get(offer.organisationId) ?? 0, need));
      }
      pairStart.push(pairRole.length);
    }
    const organisations = [...new Set(roles.map((r) => r.organisationId))];
    const groupOf = new Map(organisations.map((id, g) => [id, g]));
    const guidanceLeft = new Map(roles.map((r) => [r.organisationId, r.guidanceHoursLeft]));
    const placesOf = new Map<string, number>();
    for (const r of roles) placesOf.set(r.organisationId, (placesOf.get(r.organisationId) ?? 0) + r.freePlaces);
    const instance: MatchInstance = {
      clientCount: profiles.length,
      roleCount: roles.length,
      places: roles.map((r) => r.freePlaces),
      pairStart,
      pairRole,
      pairCost,
      roleGroup: roles.map((r) => groupOf.get(r.organisationId)!),
      // Conservative: as many placements as the hours allow at the highest need among this organisation's candidates.
      groupCapacity: organisations.map((id) => {
        const byHours = highestNeed.get(id)! > 0 ? Math.floor((guidanceLeft.get(id)! + 1e-9) / highestNeed.get(id)!) : Infinity;
        return Math.max(0, Math.min(byHours, placesOf.get(id)!));
      }),
    };
    await progress(0.5);

    const solution = solveMatching(instance);
    verifyOptimal(instance, solution, solution.potentials);
    await progress(0.8);

    // One proposal per placed client.
    const rows = profiles.flatMap((profile, i) => {
      const j = solution.assignment[i]!;
      if (j === -1) return [];
      let k = pairStart[i]!;
      while (pairRole[k] !== j) k++;
      const evaluation = chosen[i]![k - pairStart[i]!]!;
      return [
        {
          id: randomUUID(),
          plan_id: planId,
          client_id: profile.id,
          role_id: roles[j]!.id,
          hours_per_week: evaluation.hours,
          cost: evaluation.cost,
          reasons: JSON.stringify(evaluation.reasons),
          status: "pending",
          reject_reason: null,
          placement_id: null,
          decided_by: null,
          decided_at: null,
        },
      ];
    });
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto("match_proposals")
        .values(rows.slice(i, i + 500))
        .execute();

    // The shortfall: why each unplaced client stays unplaced, per district.
    const used = new Int32Array(roles.length);
    const groupUsed = new Int32Array(organisations.length);
    for (const j of solution.assignment) {
      if (j === -1) continue;
      used[j]!++;
      groupUsed[instance.roleGroup![j]!]!++;
    }
    const tallies = new Map<string, DistrictTally>();
    const tally = (district: string | null) => {
      const key = district ?? "—";
      if (!tallies.has(key))
        tallies.set(key, {
          eligible: 0,
          placed: 0,
          causes: Object.fromEntries(SHORTFALL_CAUSES.map((c) => [c, 0])) as Record<ShortfallCause, number>,
        });
      return tallies.get(key)!;
    };
    profiles.forEach((profile, i) => {
      const t = tally(profile.district);
      t.eligible++;
      if (solution.assignment[i] !== -1) {
        t.placed++;
        return;
      }
      let cause: ShortfallCause;
      if (pairStart[i + 1]! > pairStart[i]!) {
        // It had fitting roles, all taken: by their places, or by their organisation's guidance hours.
        let guidance = false;
        for (let k = pairStart[i]!; k < pairStart[i + 1]!; k++) {
          const j = pairRole[k]!;
          const g = instance.roleGroup![j]!;
          if (used[j]! < instance.places[j]! && groupUsed[g]! >= instance.groupCapacity![g]!) guidance = true;
        }
        cause = guidance ? "guidance" : "places";
      } else {
        const only = new Map<MatchConstraint, number>();
        let fullButFitting = 0;
        for (const offer of index.candidates(profile, true)) {
          const { failures } = evaluate(profile, offer, guidanceHoursPerLevel);
          if (offer.freePlaces <= 0) {
            if (failures.length === 0) fullButFitting++;
          } else if (failures.length === 1) only.set(failures[0]!, (only.get(failures[0]!) ?? 0) + 1);
        }
        cause = causeWithoutRoles(only, fullButFitting);
      }
      t.causes[cause]++;
    });
    const shortfall = [...tallies]
      .sort(([a], [b]) => a.localeCompare(b, "nl"))
      .map(([district, t]) => {
        const unplaced = t.eligible - t.placed;
        const [most, count] = SHORTFALL_CAUSES.map((c) => [c, t.causes[c]] as const).reduce((best, next) =>
          next[1] > best[1] ? next : best,
        );
        return {
          district,
          eligible: t.eligible,
          placed: t.placed,
          unplaced,
          causes: t.causes,
          bindsMost: unplaced > 0 && count > 0 ? most : null,
        };
      });
    const summary = {
      eligible: profiles.length,
      withoutIntake: load.withoutIntake.length,
      pairs: pairRole.length,
      placed: solution.placed,
      unplaced: profiles.length - solution.placed,
      totalCost: solution.cost,
      seconds: Math.round((performance.now() - started) / 10) / 100,
      shortfall,
    };
    await db
      .updateTable("match_plans")
      .set({ status: "done", progress: 1, summary: JSON.stringify(summary), finished_at: nowIso(clock) })
      .where("id", "=", planId)
      .execute();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .updateTable("match_plans")
      .set({ status: "failed", error: message, finished_at: nowIso(clock) })
      .where("id", "=", planId)
      .execute();
  }
}

/** A proposal of a plan, if its client is in the actor's scope; else 404. */
async function requireVisibleProposal(db: Kysely<Database>, ctx: RequestContext, id: string) {
  const proposal = await db
    .selectFrom("match_proposals")
    .selectAll()
    .where("id", "=", id)
    .where("client_id", "in", visibleClients(db, ctx.actor).select("clients.id"))
    .executeTakeFirst();
  if (!proposal) throw notFound("proposal");
  if (proposal.status !== "pending") throw conflict("proposalDecided", `This proposal is ${proposal.status} already.`);
  return proposal;
}

/**
 * The consultant follows a proposal: it becomes a placement proposal (referral) under every rule a referral
 * has, in one transaction with it: the proposal is claimed first, so two consultants cannot both follow it, and
 * a refused referral rolls the claim back with it.
 */
export async function acceptProposal(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  guidanceOverrideReason?: string,
): Promise<string> {
  const proposal = await requireVisibleProposal(db, ctx, id);
  return inTransaction(db, async (trx) => {
    const claimed = await trx
      .updateTable("match_proposals")
      .set({ status: "accepted", decided_by: ctx.actor.id, decided_at: nowIso(ctx.clock) })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw conflict("proposalDecided", "This proposal was decided just now.");
    const placementId = await proposePlacement(trx, ctx, {
      clientId: proposal.client_id,
      roleId: proposal.role_id,
      hoursPerWeek: proposal.hours_per_week,
      guidanceOverrideReason,
    });
    await trx.updateTable("match_proposals").set({ placement_id: placementId }).where("id", "=", id).execute();
    await recordAudit(trx, ctx, {
      action: "matchProposal.accept",
      category: "write",
      clientId: proposal.client_id,
      subjectType: "matchProposal",
      subjectId: id,
      details: { placementId },
    });
    return placementId;
  });
}

/** The consultant does not follow a proposal, and records why. */
export async function rejectProposal(db: Kysely<Database>, ctx: RequestContext, id: string, reason: string): Promise<void> {
  const proposal = await requireVisibleProposal(db, ctx, id);
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable("match_proposals")
      .set({ status: "rejected", reject_reason: reason, decided_by: ctx.actor.id, decided_at: nowIso(ctx.clock) })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, ctx, {
      action: "matchProposal.reject",
      category: "write",
      clientId: proposal.client_id,
      subjectType: "matchProposal",
      subjectId: id,
    });
  });
}
