import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, notFound } from "@server/http/errors.js";
import type { ProposalOutput, ProposalRejectInput } from "@shared/schemas/matching.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { proposePlacement } from "../placements/placements.service.js";
import {
  claimPendingProposal,
  countProposalsByConsultant,
  findPlan,
  findVisibleProposal,
  listVisibleProposals,
  type ProposalFilters,
  setProposalPlacement,
} from "./match-plans.repo.js";
import { proposalListAbilities } from "./matching.policy.js";
import { groupByConsultant, presentProposal } from "./matching.presenter.js";
import { assertProposalPending } from "./matching.rules.js";

/** A page of a plan's proposals for clients in the actor's scope; the reading is audited. */
export async function listProposals(db: Kysely<Database>, ctx: RequestContext, planId: string, filters: ProposalFilters) {
  if (!(await findPlan(db, planId))) throw notFound("placement plan");
  const { rows, total } = await listVisibleProposals(db, ctx.actor, planId, filters);
  const counts = await countProposalsByConsultant(db, ctx.actor, planId, filters.district);
  await recordAudit(db, ctx, { action: "matchProposal.list", category: "read:list", subjectType: "matchPlan", subjectId: planId });
  return {
    items: rows.map((row) => presentProposal(ctx.actor, row)),
    page: filters.page,
    pageSize: filters.pageSize,
    total,
    abilities: proposalListAbilities(ctx.actor),
    groups: groupByConsultant(counts),
  };
}

/** One proposal in the actor's scope, or 404. */
export async function readProposal(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<ProposalOutput> {
  const row = await findVisibleProposal(db, ctx.actor, id);
  if (!row) throw notFound("proposal");
  return presentProposal(ctx.actor, row);
}

/** A pending proposal of a plan, if its client is in the actor's scope; else 404, or 409 when decided. */
async function requirePendingProposal(db: Kysely<Database>, ctx: RequestContext, id: string) {
  const proposal = await findVisibleProposal(db, ctx.actor, id);
  if (!proposal) throw notFound("proposal");
  assertProposalPending(proposal);
  return proposal;
}

const decidedJustNow = () => conflict("proposalDecided", "This proposal was decided just now.");

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
  const proposal = await requirePendingProposal(db, ctx, id);
  return inTransaction(db, async (trx) => {
    const decision = {
      status: "accepted" as const,
      reject_reason: null,
      reject_reason_code: null,
      decided_by: ctx.actor.id,
      decided_at: nowIso(ctx.clock),
    };
    if (!(await claimPendingProposal(trx, id, decision))) throw decidedJustNow();
    const placementId = await proposePlacement(trx, ctx, {
      clientId: proposal.client_id,
      roleId: proposal.role_id,
      hoursPerWeek: proposal.hours_per_week,
      guidanceOverrideReason,
    });
    await setProposalPlacement(trx, id, placementId);
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

/** The consultant does not follow a proposal, and records why: a reason from the list, and in words if given. */
export async function rejectProposal(db: Kysely<Database>, ctx: RequestContext, id: string, input: ProposalRejectInput): Promise<void> {
  const proposal = await requirePendingProposal(db, ctx, id);
  await inTransaction(db, async (trx) => {
    const decision = {
      status: "rejected" as const,
      reject_reason: input.reason ?? null,
      reject_reason_code: input.reasonCode,
      decided_by: ctx.actor.id,
      decided_at: nowIso(ctx.clock),
    };
    if (!(await claimPendingProposal(trx, id, decision))) throw decidedJustNow();
    await recordAudit(trx, ctx, {
      action: "matchProposal.reject",
      category: "write",
      clientId: proposal.client_id,
      subjectType: "matchProposal",
      subjectId: id,
      details: { reasonCode: input.reasonCode },
    });
  });
}
