import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, requireFound } from "@server/http/errors.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { withdrawDecisionsOfLetter } from "../decisions/decisions.repo.js";
import { withdrawLetters } from "../letters/letters.service.js";
import { findExemption, updateExemptionIn } from "./exemptions.repo.js";
import { assertExemptionUndoable } from "./exemptions.rules.js";
import { requireVisibleExemption } from "./exemptions.service.js";
import { undoStateOf } from "./exemptions.undo-state.js";

/**
 * Undoes an exemption's last decision (granted or refused), co-signature, early end or refused extension while its
 * letter is still inside: the letter is withdrawn (kept), the decision it announced is marked withdrawn (never made
 * known, it never took effect), and the exemption is put back exactly as it was before: awaiting its decision or its
 * co-signature, or running with its old end and review dates. Under the client's lock, which the action took, and the
 * letter's, so of an undo and a print at the same moment exactly one wins.
 */
export async function undoExemption(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  const exemption = await requireVisibleExemption(db, ctx, id);
  await inTransaction(db, async (trx) => {
    await lockClient(trx, exemption.client_id);
    const fresh = requireFound(await findExemption(trx, id), "exemption");
    const undo = undoStateOf(fresh);
    assertExemptionUndoable(fresh, undo);
    await withdrawLetters(trx, ctx, [undo.letterId]);
    const now = nowIso(ctx.clock);
    await withdrawDecisionsOfLetter(trx, undo.letterId, ctx.actor.id, now);
    const restored = await updateExemptionIn(trx, id, undo.statusAfter, { ...undo.before, updated_at: now });
    if (!restored) throw conflict("exemptionChanged", "This exemption changed meanwhile.");
    await recordAudit(trx, ctx, {
      action: "exemption.undo",
      category: "write",
      clientId: fresh.client_id,
      subjectType: "exemption",
      subjectId: id,
      details: { action: undo.action, letterId: undo.letterId, status: undo.before.status },
    });
  });
}
