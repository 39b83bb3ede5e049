import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, requireFound } from "@server/http/errors.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { withdrawDecisionsOfLetter } from "../decisions/decisions.repo.js";
import { listDocumentsOfSubjects } from "../documents/documents.repo.js";
import { withdrawLetters } from "../letters/letters.service.js";
import { deleteExemption, findExemption, medicalAdviceOf, updateExemptionIn } from "./exemptions.repo.js";
import { assertExemptionUndoable, assertRecordingUndoable } from "./exemptions.rules.js";
import { requireVisibleExemption } from "./exemptions.service.js";
import { undoStateOf } from "./exemptions.undo-state.js";

/** What an undo did: the exemption removed (its recording undone), or put back as it was before its last step. */
export type ExemptionUndone = "removed" | "restored";

/**
 * Undoes an exemption's recording with its grant, or its last decision (granted or refused), co-signature, early end or
 * refused extension, while its letter is still inside: the letter is withdrawn (kept), the decision it announced is
 * marked withdrawn (never made known, it never took effect). A recording is undone by removing the exemption, only while
 * no evidence or medical advice hangs on it; a later step by putting the exemption back exactly as it was before:
 * awaiting its decision or its co-signature, or running with its old end and review dates. Under the client's lock,
 * which the action took, and the letter's, so of an undo and a print at the same moment exactly one wins.
 */
export async function undoExemption(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<ExemptionUndone> {
  const exemption = await requireVisibleExemption(db, ctx, id);
  return inTransaction(db, async (trx) => {
    await lockClient(trx, exemption.client_id);
    const fresh = requireFound(await findExemption(trx, id), "exemption");
    const undo = undoStateOf(fresh);
    assertExemptionUndoable(fresh, undo);
    assertRecordingUndoable(undo, {
      evidence: (await listDocumentsOfSubjects(trx, "exemption", [id])).length,
      medicalAdvice: (await medicalAdviceOf(trx, [id])).get(id)?.length ?? 0,
    });
    await withdrawLetters(trx, ctx, [undo.letterId]);
    const now = nowIso(ctx.clock);
    await withdrawDecisionsOfLetter(trx, undo.letterId, ctx.actor.id, now);
    if (undo.action === "record") {
      await deleteExemption(trx, id);
    } else {
      const restored = await updateExemptionIn(trx, id, undo.statusAfter, { ...undo.before, updated_at: now });
      if (!restored) throw conflict("exemptionChanged", "This exemption changed meanwhile.");
    }
    await recordAudit(trx, ctx, {
      action: "exemption.undo",
      category: "write",
      clientId: fresh.client_id,
      subjectType: "exemption",
      subjectId: id,
      details: { action: undo.action, letterId: undo.letterId, status: undo.before?.status ?? null },
    });
    return undo.action === "record" ? "removed" : "restored";
  });
}
