import { passes } from "@server/auth/abilities.js";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { ActivityProposalRow, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { requireFound } from "@server/http/errors.js";
import type { Kysely } from "kysely";
import { wasAskedAbout } from "../accountability/accountability.repo.js";
import { recordAudit } from "../audit/audit.service.js";
import { deleteCaregiving, findCaregiving } from "../caregiving/caregiving.repo.js";
import { deleteContribution, findContribution } from "../contributions/contributions.repo.js";
import { withdrawDecisionsOfLetter } from "../decisions/decisions.repo.js";
import { mayWithdrawAll, withdrawLetters } from "../letters/letters.service.js";
import { activityProposalPolicy } from "./activity-proposals.policy.js";
import { type ProposalWithLetter, reopenProposal } from "./activity-proposals.repo.js";
import { assertDecisionUndoable, type DecisionUndoFacts } from "./activity-proposals.rules.js";
import { requireVisibleProposal } from "./activity-proposals.service.js";

/** Whether what accepting the proposal made has moved on: ended, or asked about in an accountability request. */
async function undoFactsOf(db: Kysely<Database>, proposal: ActivityProposalRow): Promise<DecisionUndoFacts> {
  if (proposal.contribution_id) {
    const contribution = await findContribution(db, proposal.contribution_id);
    const asked = await wasAskedAbout(db, { type: "contribution", id: proposal.contribution_id });
    return { activityMovedOn: contribution?.status !== "active" || asked };
  }
  if (proposal.caregiving_id) {
    const care = await findCaregiving(db, proposal.caregiving_id);
    const asked = await wasAskedAbout(db, { type: "caregiving", id: proposal.caregiving_id });
    return { activityMovedOn: care?.status !== "active" || asked };
  }
  return { activityMovedOn: false };
}

/** Whether the actor can undo the decision on this proposal now: decided, nothing followed, its letter inside. */
export async function mayUndoDecision(db: Kysely<Database>, ctx: RequestContext, proposal: ProposalWithLetter): Promise<boolean> {
  if (!activityProposalPolicy.decide.allows(ctx.actor) || proposal.letter_id === null) return false;
  const facts = await undoFactsOf(db, proposal);
  if (!passes(() => assertDecisionUndoable(proposal, facts))) return false;
  return mayWithdrawAll(db, ctx, [proposal.letter_id]);
}

/**
 * Undoes the decision on a proposal while its letter is still inside: the letter is withdrawn (kept), the decision it
 * announced is marked withdrawn (never made known, it never took effect), what accepting it made (a contribution or
 * caregiving) is removed so its hours are free again, and the proposal waits for a decision as before. Under the
 * client's lock (which deciding took, as it guards capacity) and the letter's.
 */
export async function undoProposalDecision(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  const { proposal } = await requireVisibleProposal(db, ctx, id);
  await inTransaction(db, async (trx) => {
    await lockClient(trx, proposal.client_id);
    const { proposal: fresh } = await requireVisibleProposal(trx, ctx, id);
    assertDecisionUndoable(fresh, await undoFactsOf(trx, fresh));
    const letterId = requireFound(fresh.letter_id, "letter");
    const now = nowIso(ctx.clock);
    await withdrawLetters(trx, ctx, [letterId]);
    await withdrawDecisionsOfLetter(trx, letterId, ctx.actor.id, now);
    // The proposal first lets go of what it made, so that can go.
    await reopenProposal(trx, id, now);
    if (fresh.contribution_id) await deleteContribution(trx, fresh.contribution_id);
    if (fresh.caregiving_id) await deleteCaregiving(trx, fresh.caregiving_id);
    await recordAudit(trx, ctx, {
      action: "activityProposal.undoDecision",
      category: "write",
      clientId: fresh.client_id,
      subjectType: "activityProposal",
      subjectId: id,
      details: { outcome: fresh.status, letterId },
    });
  });
}
