import { evaluateAbilities } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import type { CaregivingRow } from "@server/db/schema.js";
import { conflict, invalidField } from "@server/http/errors.js";
import type { CaregivingAbilities } from "@shared/schemas/caregiving.js";
import { caregivingPolicy } from "./caregiving.policy.js";

/** Every code by which a rule of this file refuses (a field's code as `field:code`); the table test lists a case for each. */
export const CAREGIVING_REFUSALS = [
  "caregivingState",
  "since:dateInFuture",
  "endedOn:beforeStart",
  "caregivingWithoutLetter",
  "activityMovedOn",
] as const;

/**
 * The customary-care rule: care beyond what housemates customarily do for each other (mantelzorg) is the
 * client's contribution while it lasts, and its hours fill capacity; customary care counts for neither.
 */
export function countsAsContribution(care: Pick<CaregivingRow, "status" | "beyond_customary_care">): boolean {
  return care.status === "active" && care.beyond_customary_care === 1;
}

/** Care is recorded once it has started: it is a fact, not a plan. */
export function assertCareStarted(since: string, today: string): void {
  if (since > today) throw invalidField("since", "dateInFuture", "Record care that has started");
}

/** Only care that goes on can end. */
export function assertCareActive(care: Pick<CaregivingRow, "status">): void {
  if (care.status !== "active") throw conflict("caregivingState", "This caregiving has ended already.");
}

/** Care ends on or after the day it started. */
export function assertEndsAfterStart(care: Pick<CaregivingRow, "since">, endedOn: string): void {
  if (endedOn < care.since) throw invalidField("endedOn", "beforeStart", "Before the care started");
}

/** What undoing the recording of caregiving is judged on, read under the client's lock. */
export interface CaregivingUndoFacts {
  /** The letter of its own judgement (customary care), or null when none came with it. */
  letterId: string | null;
  /** The client was asked to account for it at least once. */
  askedAbout: boolean;
}

/**
 * Recording caregiving is undone only where its judgement was sent as a letter (customary care; care beyond it, recorded
 * or accepted from a proposal, has none of its own: 409 `caregivingWithoutLetter`), and while nothing followed: the care
 * still goes on and was never asked about (409 `activityMovedOn`). Whether the letter is still inside is the letters' rule.
 */
export function assertCaregivingUndoable(care: Pick<CaregivingRow, "status">, facts: CaregivingUndoFacts): void {
  if (facts.letterId === null) {
    throw conflict("caregivingWithoutLetter", "No letter of its own came with this caregiving: end it instead.");
  }
  if (care.status !== "active" || facts.askedAbout) {
    throw conflict("activityMovedOn", "This caregiving ended or was asked about meanwhile: end it instead.");
  }
}

/** What the caller may do with one record of caregiving, by the same rules its routes enforce (undo: see caregiving.undo.ts). */
export function caregivingAbilities(actor: Actor, care: CaregivingRow): Omit<CaregivingAbilities, "undo"> {
  return evaluateAbilities(actor, { end: { policy: caregivingPolicy.write, assert: () => assertCareActive(care) } });
}

/** What the caller may do with a client's caregiving as a whole. */
export function caregivingListAbilities(actor: Actor): { record: boolean } {
  return { record: caregivingPolicy.write.allows(actor) };
}
