import { conflict } from "@server/http/errors.js";

/**
 * Every code by which a rule of this file refuses; the table test in `benefit-end.rules.test.ts` has a case for each.
 */
export const BENEFIT_END_REFUSALS = ["benefitEndMovedOn"] as const;

/** One placement or plan step the end of a benefit stopped, and how it stands now (undefined when it is gone). */
export interface StoppedNow {
  /** The status the end gave it: `ended` for a placement, `stopped` for a step. */
  stoppedAs: string;
  /** The moment the end wrote on it (its `updated_at` then). */
  stoppedAt: string;
  now: { status: string; updated_at: string } | undefined;
}

/**
 * The end of a benefit is undone only while it stands as it was recorded: the benefit is still ended and every
 * placement it ended and plan step it stopped is unchanged since (a later change is never overwritten); otherwise 409
 * `benefitEndMovedOn`. Its letter must still be inside too (`assertLetterMayBeWithdrawn`).
 */
export function assertBenefitEndUndoable(facts: { benefitEndDate: string | null; stops: readonly StoppedNow[] }): void {
  const changed = facts.stops.some((s) => s.now?.status !== s.stoppedAs || s.now.updated_at !== s.stoppedAt);
  if (facts.benefitEndDate === null || changed) {
    throw conflict("benefitEndMovedOn", "What the end of the benefit stopped has changed since: it can no longer be undone.");
  }
}
