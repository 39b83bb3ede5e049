import { passes } from "@server/auth/abilities.js";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { CaregivingRow, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { requireFound } from "@server/http/errors.js";
import type { Kysely } from "kysely";
import { wasAskedAbout } from "../accountability/accountability.repo.js";
import { recordAudit } from "../audit/audit.service.js";
import { withdrawDecisionsOfLetter } from "../decisions/decisions.repo.js";
import { mayWithdrawAll, withdrawLetters } from "../letters/letters.service.js";
import { caregivingPolicy } from "./caregiving.policy.js";
import { deleteCaregiving, findCaregiving, judgementLetterOf } from "./caregiving.repo.js";
import { assertCaregivingUndoable, type CaregivingUndoFacts } from "./caregiving.rules.js";
import { requireVisibleCaregiving } from "./caregiving.service.js";

async function undoFactsOf(db: Kysely<Database>, care: CaregivingRow): Promise<CaregivingUndoFacts> {
  return { letterId: await judgementLetterOf(db, care.id), askedAbout: await wasAskedAbout(db, { type: "caregiving", id: care.id }) };
}

/** Whether the actor can undo recording this caregiving now: judged with a letter, nothing followed, the letter inside. */
export async function mayUndoCaregiving(db: Kysely<Database>, ctx: RequestContext, care: CaregivingRow): Promise<boolean> {
  if (!caregivingPolicy.write.allows(ctx.actor)) return false;
  const facts = await undoFactsOf(db, care);
  if (facts.letterId === null || !passes(() => assertCaregivingUndoable(care, facts))) return false;
  return mayWithdrawAll(db, ctx, [facts.letterId]);
}

/**
 * Undoes recording caregiving judged customary care while the letter of that judgement is still inside: the letter is
 * withdrawn (kept), the decision marked withdrawn (never made known, it never took effect) and the record removed, as if
 * it had not been made. Under the client's lock, as every change of what a client contributes takes, and the letter's.
 */
export async function undoCaregiving(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  const care = await requireVisibleCaregiving(db, ctx, id);
  await inTransaction(db, async (trx) => {
    await lockClient(trx, care.client_id);
    const fresh = requireFound(await findCaregiving(trx, id), "caregiving");
    const facts = await undoFactsOf(trx, fresh);
    assertCaregivingUndoable(fresh, facts);
    const letterId = requireFound(facts.letterId, "letter");
    await withdrawLetters(trx, ctx, [letterId]);
    await withdrawDecisionsOfLetter(trx, letterId, ctx.actor.id, nowIso(ctx.clock));
    await deleteCaregiving(trx, id);
    await recordAudit(trx, ctx, {
      action: "caregiving.undo",
      category: "write",
      clientId: fresh.client_id,
      subjectType: "caregiving",
      subjectId: id,
      details: { beyondCustomaryCare: fresh.beyond_customary_care === 1, letterId },
    });
  });
}
