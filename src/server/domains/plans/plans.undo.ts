import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { Database, PlanRow } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { notFound, requireFound } from "@server/http/errors.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { withdrawDecisionsOfLetter } from "../decisions/decisions.repo.js";
import { mayWithdrawAll, withdrawLetters } from "../letters/letters.service.js";
import * as repo from "./plans.repo.js";
import { assertConfirmationUndoable } from "./plans.rules.js";

/** Whether the actor can undo this plan's confirmation now: the plan in force, no newer draft, its letter inside. */
export async function mayUndoConfirmation(db: Kysely<Database>, ctx: RequestContext, plan: PlanRow): Promise<boolean> {
  if (plan.status !== "confirmed" || !plan.letter_id) return false;
  if (await repo.findDraft(db, plan.client_id)) return false;
  return mayWithdrawAll(db, ctx, [plan.letter_id]);
}

/**
 * Undoes a plan's confirmation while its letter is still inside: the letter is withdrawn (kept), the assignment decision
 * it announced is marked withdrawn (never made known, it never took effect), the version goes back to draft and the version it
 * superseded is in force again. Under the client's lock (which guards the open draft) and the letter's.
 */
export async function undoPlanConfirmation(db: Kysely<Database>, ctx: RequestContext, planId: string): Promise<PlanRow> {
  const plan = await repo.findPlan(db, planId);
  if (!plan) throw notFound("plan");
  await requireVisibleClient(db, ctx.actor, plan.client_id);
  return inTransaction(db, async (trx) => {
    await lockClient(trx, plan.client_id);
    const fresh = requireFound(await repo.findPlan(trx, planId), "plan");
    assertConfirmationUndoable(fresh, (await repo.findDraft(trx, fresh.client_id)) !== undefined);
    const letterId = requireFound(fresh.letter_id, "letter");
    await withdrawLetters(trx, ctx, [letterId]);
    // The assignment it announced was never made known: kept, marked withdrawn, the one before in force again.
    await withdrawDecisionsOfLetter(trx, letterId, ctx.actor.id, nowIso(ctx.clock));
    await repo.reopenAsDraft(trx, planId);
    await repo.restorePreviousConfirmed(trx, fresh.client_id, fresh.version);
    await recordAudit(trx, ctx, {
      action: "plan.undoConfirmation",
      category: "write",
      clientId: fresh.client_id,
      subjectType: "plan",
      subjectId: planId,
      details: { version: fresh.version, letterId },
    });
    return requireFound(await repo.findPlan(trx, planId), "plan");
  });
}
