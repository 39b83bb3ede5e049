import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { Database, ObjectionRow, SanctionRow } from "@server/db/schema.js";
import { conflict, requireFound } from "@server/http/errors.js";
import type { Kysely } from "kysely";
import { withdrawLetters } from "../letters/letters.service.js";
import { updateSanction } from "../sanctions/sanctions.repo.js";
import { findDecision, reopenObjection, updateOpenObjection, withdrawDecisionsOfLetter } from "./decisions.repo.js";
import { assertHearingInvitationUndoable, assertOutcomeUndoable, assertPostponementUndoable } from "./objections.rules.js";
import { changeObjection, mustUpdate, type SanctionOutcomeField } from "./objections.service.js";

/**
 * Undoes the postponement while its letter is still inside: the letter is withdrawn (kept) and the date to decide by is
 * the one before, so the objection may be postponed again. Under the client's lock (which every objection step takes)
 * and the letter's, so of an undo and a print at the same moment exactly one wins.
 */
export async function undoPostponement(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  await changeObjection(db, ctx, id, "objection.undoPostponement", assertPostponementUndoable, async (trx, objection) => {
    await withdrawLetters(trx, ctx, [requireFound(objection.postponement_letter_id, "letter")]);
    await mustUpdate(
      updateOpenObjection(
        trx,
        id,
        {
          postponed: 0,
          decide_by: requireFound(objection.decide_by_before_postponement, "objection"),
          decide_by_before_postponement: null,
          postponement_letter_id: null,
          postponement_reasons: null,
        },
        { column: "decide_by", is: objection.decide_by },
      ),
    );
  });
}

/** Undoes the hearing invitation while its letter is still inside and nobody was heard: the client is not invited. */
export async function undoHearingInvitation(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  await changeObjection(db, ctx, id, "objection.undoHearingInvitation", assertHearingInvitationUndoable, async (trx, objection) => {
    await withdrawLetters(trx, ctx, [requireFound(objection.hearing_invitation_letter_id, "letter")]);
    await mustUpdate(updateOpenObjection(trx, id, { hearing_invitation_letter_id: null }));
  });
}

/**
 * Undoes the decision on objection while its letter is still inside: the letter is withdrawn (kept), the decision on
 * objection is marked withdrawn (never made known, it never took effect, and so replaces nothing), a sanction it revoked
 * or lowered is as it was, and the objection is open again with its hearing and terms as they stood.
 */
export async function undoOutcome(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  await changeObjection(db, ctx, id, "objection.undoOutcome", assertOutcomeUndoable, async (trx, objection) => {
    const outcomeDecisionId = requireFound(objection.outcome_decision_id, "decision");
    const letterId = requireFound((await findDecision(trx, outcomeDecisionId))?.letter_id, "letter");
    await withdrawLetters(trx, ctx, [letterId]);
    await withdrawDecisionsOfLetter(trx, letterId, ctx.actor.id, nowIso(ctx.clock));
    const objectedTo = requireFound(await findDecision(trx, objection.decision_id), "decision");
    if (objection.sanction_before_outcome && objectedTo.subject_type === "sanction")
      await updateSanction(trx, objectedTo.subject_id, sanctionBefore(objection));
    if (!(await reopenObjection(trx, id, outcomeDecisionId)))
      throw conflict("objectionNotDecided", "This objection's decision was undone meanwhile.");
  });
}

/** What the decision on objection changed of the sanction, as it was before. */
function sanctionBefore(objection: Pick<ObjectionRow, "sanction_before_outcome">): Pick<SanctionRow, SanctionOutcomeField> {
  const { revoked, percentage, months } = JSON.parse(objection.sanction_before_outcome ?? "{}");
  return { revoked, percentage, months };
}
