import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { type Clock, nowIso } from "@server/clock.js";
import type { Database, MatchPlansTable, MatchProposalsTable } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { notFound } from "@server/http/errors.js";
import { runInWorker } from "@server/worker-thread.js";
import type { MatchPlanOutput } from "@shared/schemas/matching.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import {
  countVisibleProposals,
  displayNames,
  failPlansStartedBefore,
  findPlan,
  findPlanInProgress,
  insertPlan,
  insertProposals,
  listRecentPlans,
  systemEligibleClients,
  updatePlan,
} from "./match-plans.repo.js";
import { matchPlanListAbilities } from "./matching.policy.js";
import { presentMatchPlan } from "./matching.presenter.js";
import { loadClientProfiles, loadRoleOffers } from "./matching.repo.js";
import {
  assertMayPlanFor,
  assertNoPlanInProgress,
  assertPlanDistrictKnown,
  STALE_PLAN_MINUTES,
  stalePlanCutoff,
} from "./matching.rules.js";
import type { PlanSolveInput, PlanSolveResult } from "./plan-solve.js";

/** Each client's candidates in a city-wide plan: its cheapest fitting roles, as many as this. */
export const PAIRS_PER_CLIENT = 100;

/** Computes a plan (`solvePlan`) on a worker thread. */
export function solvePlanInWorker(input: PlanSolveInput): Promise<PlanSolveResult> {
  return runInWorker(import.meta.url, "plan", input);
}

/** Plans with their proposal counts in the actor's scope and the name of who asked for them. */
async function presentPlans(db: Kysely<Database>, ctx: RequestContext, rows: MatchPlansTable[]): Promise<MatchPlanOutput[]> {
  const counts = await countVisibleProposals(
    db,
    ctx.actor,
    rows.map((r) => r.id),
  );
  const names = await displayNames(db, [...new Set(rows.flatMap((r) => (r.requested_by ? [r.requested_by] : [])))]);
  return rows.map((row) => presentMatchPlan(row, counts, (row.requested_by && names.get(row.requested_by)) || null));
}

/** The last 20 plans, and whether the actor may start the next one now. */
export async function listPlans(db: Kysely<Database>, ctx: RequestContext) {
  const items = await presentPlans(db, ctx, await listRecentPlans(db, 20));
  return { items, abilities: matchPlanListAbilities(ctx.actor, await findPlanInProgress(db)) };
}

/** One plan, or 404. */
export async function readPlan(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<MatchPlanOutput> {
  const row = await findPlan(db, id);
  if (!row) throw notFound("placement plan");
  const [plan] = await presentPlans(db, ctx, [row]);
  if (!plan) throw notFound("placement plan");
  return plan;
}

/** Starts a plan for a district (or, for admins, the whole city) and runs it in the background. */
export async function startPlan(db: Kysely<Database>, ctx: RequestContext, district: string | null, run = runPlan): Promise<string> {
  assertPlanDistrictKnown(district);
  assertMayPlanFor(ctx.actor, district);
  const now = ctx.clock.now();
  const id = randomUUID();
  // One plan in progress in the whole database, whichever instance starts it: the check reads inside the
  // transaction, and the index match_plans_one_in_progress refuses the loser of a race with planRunning.
  await inTransaction(db, async (trx) => {
    // A plan that did not finish in time was cut off (e.g. its instance stopped) and no longer blocks the next.
    await failPlansStartedBefore(
      trx,
      stalePlanCutoff(now),
      `Stopped: not finished within ${STALE_PLAN_MINUTES} minutes (the server may have restarted).`,
      now.toISOString(),
    );
    assertNoPlanInProgress(await findPlanInProgress(trx));
    await insertPlan(trx, {
      id,
      district,
      status: "queued",
      progress: 0,
      summary: null,
      error: null,
      requested_by: ctx.actor.id,
      created_at: now.toISOString(),
      finished_at: null,
    });
    await recordAudit(trx, ctx, {
      action: "matchPlan.start",
      category: "write",
      subjectType: "matchPlan",
      subjectId: id,
      details: { district },
    });
  });
  setImmediate(() => void run(db, id, ctx.clock));
  return id;
}

/**
 * Makes a plan: loads the eligible clients (an intake, capacity left, no referral or placement, not already
 * contributing) and the open roles; on a worker thread (`solvePlan`) builds each client's fitting roles, solves for
 * the most clients placed at the least cost within role places and organisation guidance and proves the answer
 * optimal; stores one proposal per placed client and the shortfall per district. Never throws: a failure is stored on
 * the plan.
 */
export async function runPlan(db: Kysely<Database>, planId: string, clock: Clock): Promise<void> {
  try {
    const started = performance.now();
    const plan = await findPlan(db, planId);
    if (!plan) return;
    // A plan no longer in progress (cut off as stale) is not made.
    if (!(await updatePlan(db, planId, { status: "running", progress: 0.05 }))) return;
    const today = clock.today();
    const { guidanceHoursPerLevel } = await ordinanceOn(db, today);
    const load = await loadClientProfiles(db, await systemEligibleClients(db, plan.district), today);
    const profiles = load.profiles.filter((p) => (p.capacityLeft ?? 0) > 0);
    const offers = await loadRoleOffers(db, guidanceHoursPerLevel, today);
    await updatePlan(db, planId, { progress: 0.2 });

    // Seconds of computing for a city: on a worker thread, while this one goes on answering requests.
    const result = await solvePlanInWorker({ profiles, offers, hoursPerLevel: guidanceHoursPerLevel, pairsPerClient: PAIRS_PER_CLIENT });
    await updatePlan(db, planId, { progress: 0.8 });

    const proposals = result.proposals.map(
      (proposal): MatchProposalsTable => ({
        id: randomUUID(),
        plan_id: planId,
        client_id: proposal.clientId,
        role_id: proposal.roleId,
        hours_per_week: proposal.hours,
        cost: proposal.cost,
        reasons: JSON.stringify(proposal.reasons),
        status: "pending",
        reject_reason: null,
        reject_reason_code: null,
        placement_id: null,
        decided_by: null,
        decided_at: null,
      }),
    );
    const summary = {
      eligible: profiles.length,
      withoutIntake: load.withoutIntake.length,
      pairs: result.pairs,
      placed: result.placed,
      unplaced: profiles.length - result.placed,
      totalCost: result.totalCost,
      seconds: Math.round((performance.now() - started) / 10) / 100,
      shortfall: result.shortfall,
    };
    // The proposals count only with the plan done; a plan cut off as stale meanwhile keeps none.
    await inTransaction(db, async (trx) => {
      const done = await updatePlan(trx, planId, {
        status: "done",
        progress: 1,
        summary: JSON.stringify(summary),
        finished_at: nowIso(clock),
      });
      if (done) await insertProposals(trx, proposals);
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await updatePlan(db, planId, { status: "failed", error: message, finished_at: nowIso(clock) });
  }
}
