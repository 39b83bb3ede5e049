import type { ContributionsTable } from "@server/db/schema.js";
import { conflict } from "@server/http/errors.js";

/** Every code by which a rule of this file refuses; the table test lists a case for each. */
export const CONTRIBUTION_REFUSALS = ["contributionOfDecision", "activityMovedOn"] as const;

/** The letter that formalising a contribution sends: the agreement, not a decision. */
export const CONTRIBUTION_AGREEMENT_LETTER = "contributionAgreement";

/** What undoing a formalised contribution is judged on, read under the client's lock. */
export interface ContributionUndoFacts {
  /** The kind of the letter it came with: its own agreement, or the decision of an accepted proposal or a buddy agreement. */
  letterKind: string;
  /** The client was asked to account for it at least once. */
  askedAbout: boolean;
}

/**
 * Formalising a contribution is undone only where its own agreement letter made it (one that came with a decision is
 * undone with that decision: 409 `contributionOfDecision`), and while nothing followed from it: still running and never
 * asked about (409 `activityMovedOn`). Whether the letter is still inside is the letters' rule.
 */
export function assertContributionUndoable(contribution: Pick<ContributionsTable, "status">, facts: ContributionUndoFacts): void {
  if (facts.letterKind !== CONTRIBUTION_AGREEMENT_LETTER) {
    throw conflict("contributionOfDecision", "This contribution came with a decision: undo that decision instead.");
  }
  if (contribution.status !== "active" || facts.askedAbout) {
    throw conflict("activityMovedOn", "This contribution ended or was asked about meanwhile: end it instead.");
  }
}
