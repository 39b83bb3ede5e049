import { passes } from "@server/auth/abilities.js";
import type { RequestContext } from "@server/auth/actor.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { ContributionsTable, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { notFound, requireFound } from "@server/http/errors.js";
import type { Kysely } from "kysely";
import { wasAskedAbout } from "../accountability/accountability.repo.js";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { findLetter } from "../letters/letters.repo.js";
import { mayWithdrawAll, withdrawLetters } from "../letters/letters.service.js";
import { contributionPolicy } from "./contributions.policy.js";
import { deleteContribution, findContribution } from "./contributions.repo.js";
import { assertContributionUndoable, type ContributionUndoFacts } from "./contributions.rules.js";

async function undoFactsOf(db: Kysely<Database>, contribution: ContributionsTable): Promise<ContributionUndoFacts> {
  const letter = requireFound(await findLetter(db, contribution.letter_id), "letter");
  return { letterKind: letter.kind, askedAbout: await wasAskedAbout(db, { type: "contribution", id: contribution.id }) };
}

/** Whether the actor can undo formalising this contribution now: its own agreement, nothing followed, its letter inside. */
export async function mayUndoContribution(db: Kysely<Database>, ctx: RequestContext, contribution: ContributionsTable): Promise<boolean> {
  if (!contributionPolicy.create.allows(ctx.actor)) return false;
  const facts = await undoFactsOf(db, contribution);
  if (!passes(() => assertContributionUndoable(contribution, facts))) return false;
  return mayWithdrawAll(db, ctx, [contribution.letter_id]);
}

/**
 * Undoes formalising a contribution while its agreement letter is still inside: the letter is withdrawn (kept), the
 * contribution removed, so its hours no longer fill capacity and the client is no longer counted as contributing through
 * it. Under the client's lock (which formalising took, as it guards capacity) and the letter's.
 */
export async function undoContribution(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  const contribution = await findContribution(db, id);
  if (!contribution) throw notFound("contribution");
  await requireVisibleClient(db, ctx.actor, contribution.client_id);
  await inTransaction(db, async (trx) => {
    await lockClient(trx, contribution.client_id);
    const fresh = requireFound(await findContribution(trx, id), "contribution");
    assertContributionUndoable(fresh, await undoFactsOf(trx, fresh));
    await withdrawLetters(trx, ctx, [fresh.letter_id]);
    await deleteContribution(trx, id);
    await recordAudit(trx, ctx, {
      action: "contribution.undo",
      category: "write",
      clientId: fresh.client_id,
      subjectType: "contribution",
      subjectId: id,
      details: { kind: fresh.kind, letterId: fresh.letter_id },
    });
  });
}
