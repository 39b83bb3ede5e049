import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient, lockSanction } from "@server/db/locks.repo.js";
import type { Database, SanctionRow, SanctionsTable } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { notFound, requireFound } from "@server/http/errors.js";
import type { SanctionLetterStep } from "@shared/schemas/sanctions.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { objectionsAgainst, withdrawDecisionsOfLetter } from "../decisions/decisions.repo.js";
import { findLetters } from "../letters/letters.repo.js";
import { dispatchFactsOf, withdrawLetters } from "../letters/letters.service.js";
import { decisionLetterIds, findSanction, updateSanction } from "./sanctions.repo.js";
import { assertSanctionStepUndoable, latestLetterStep, type SanctionUndoFacts } from "./sanctions.rules.js";

/** The decision a step made (the invitation to a hearing makes none). */
export function decisionOfStep(sanction: SanctionRow, step: SanctionLetterStep): string | null {
  if (step === "decision") return sanction.decision_id;
  if (step === "reconsideration") return sanction.reconsideration_decision_id;
  return null;
}

/** The letter a step sent: the invitation's and the decision's are on the sanction, the reconsideration's on its decision. */
export function letterOfStep(sanction: SanctionRow, step: SanctionLetterStep, decisionLetters: Map<string, string>): string | null {
  if (step === "hearingInvitation") return sanction.hearing_letter_id;
  if (step === "decision") return sanction.decision_letter_id;
  return decisionLetters.get(sanction.reconsideration_decision_id ?? "") ?? null;
}

/**
 * For each sanction, what undoing its latest letter step looks at: that letter's dispatch facts and whether the
 * step's decision was objected to. Absent for a sanction whose steps sent no letter.
 */
export async function undoFactsOf(db: Kysely<Database>, sanctions: readonly SanctionRow[]): Promise<Map<string, SanctionUndoFacts>> {
  const steps = sanctions.flatMap((sanction) => {
    const step = latestLetterStep(sanction);
    return step ? [{ sanction, step, decisionId: decisionOfStep(sanction, step) }] : [];
  });
  const decisionIds = steps.flatMap((s) => (s.decisionId ? [s.decisionId] : []));
  const decisionLetters = await decisionLetterIds(db, decisionIds);
  const objections = await objectionsAgainst(db, decisionIds);
  const letterIds = new Map(steps.map((s) => [s.sanction.id, letterOfStep(s.sanction, s.step, decisionLetters)]));
  const letters = await dispatchFactsOf(
    db,
    await findLetters(
      db,
      [...letterIds.values()].filter((l): l is string => l !== null),
    ),
  );
  const facts = new Map<string, SanctionUndoFacts>();
  for (const { sanction, decisionId } of steps) {
    const letter = letters.get(letterIds.get(sanction.id) ?? "");
    if (letter) facts.set(sanction.id, { letter, objected: decisionId !== null && objections.has(decisionId) });
  }
  return facts;
}

/** What the sanction held before each step: undoing the step writes this back. */
const BEFORE: Record<SanctionLetterStep, Partial<SanctionsTable>> = {
  // No invitation, so no hearing term runs and nothing awaits the client's answer.
  hearingInvitation: { hearing_letter_id: null, hearing_respond_by: null },
  // Awaiting a decision again, with the hearing as it was.
  decision: {
    status: "proposed",
    outcome: null,
    decision_reasons: null,
    level: null,
    percentage: null,
    months: null,
    ordinance_version: null,
    decided_by: null,
    decided_at: null,
    decision_letter_id: null,
    decision_id: null,
    reconsider_by: null,
    urgent_reasons_lapsed_reasons: null,
    urgent_reasons_lapsed_by: null,
    urgent_reasons_lapsed_at: null,
  },
  // The decision it replaced in force again: not reconsidered, not ended.
  reconsideration: {
    reconsidered_on: null,
    reconsideration_outcome: null,
    reconsideration_note: null,
    reconsideration_decision_id: null,
    ended_on: null,
  },
};

const AUDIT_ACTION: Record<SanctionLetterStep, string> = {
  hearingInvitation: "sanction.undoHearingInvitation",
  decision: "sanction.undoDecision",
  reconsideration: "sanction.undoReconsideration",
};

/**
 * Undoes a sanction's latest step that sent a letter, while that letter is still inside and nothing answered it
 * (`assertSanctionStepUndoable`): the letter is withdrawn (kept) with its notice, the decision it announced is
 * kept, marked withdrawn (never in force, listed nowhere), and the sanction holds again what it held before the step.
 * Under the locks the step took (the client's for a decision, the sanction's) and the letter's, so of an undo and a
 * print, a delivery, the client's answer or a reconsideration at the same moment exactly one goes first.
 */
export async function undoSanctionStep(db: Kysely<Database>, ctx: RequestContext, id: string, step: SanctionLetterStep): Promise<void> {
  const sanction = await findSanction(db, id);
  if (!sanction) throw notFound("sanction");
  await requireVisibleClient(db, ctx.actor, sanction.client_id);
  await inTransaction(db, async (trx) => {
    if (step === "decision") await lockClient(trx, sanction.client_id);
    await lockSanction(trx, id);
    const fresh = requireFound(await findSanction(trx, id), "sanction");
    const decisionId = decisionOfStep(fresh, step);
    const objected = decisionId !== null && (await objectionsAgainst(trx, [decisionId])).has(decisionId);
    assertSanctionStepUndoable(fresh, step, objected);
    const letterId = requireFound(letterOfStep(fresh, step, await decisionLetterIds(trx, [decisionId])), "letter");
    await withdrawLetters(trx, ctx, [letterId]);
    await withdrawDecisionsOfLetter(trx, letterId, ctx.actor.id, nowIso(ctx.clock));
    await updateSanction(trx, id, BEFORE[step]);
    await recordAudit(trx, ctx, {
      action: AUDIT_ACTION[step],
      category: "write",
      clientId: fresh.client_id,
      subjectType: "sanction",
      subjectId: id,
      details: { letterId, ...(decisionId ? { decisionId } : {}) },
    });
  });
}
