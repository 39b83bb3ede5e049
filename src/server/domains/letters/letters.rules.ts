import { conflict, forbidden, invalidField } from "@server/http/errors.js";

/**
 * A delivery is recorded on the day it happened at the post, which cannot lie in the future nor before the letter was
 * sent: a registered letter delivered on a date before its own date would make a term start too early.
 */
export function assertDeliveryDatePlausible(occurredOn: string, letterDate: string, today: string): void {
  if (occurredOn > today) throw invalidField("occurredOn", "dateInFuture", "A delivery is recorded once it has happened");
  if (occurredOn < letterDate) throw invalidField("occurredOn", "beforeLetterDate", `The letter is dated ${letterDate}`);
}

/** Minutes a client's notice of a letter that can still be undone is held back, unless configured otherwise. */
export const DEFAULT_UNDO_HOLD_MINUTES = 5;

/** What decides whether a letter has left the building, as loaded under the letter's lock. */
export interface LetterDispatchFacts {
  /** Staff downloaded its PDF, or its batch's PDF, to print it. */
  printedAt: string | null;
  /** The client opened it in the portal. */
  openedAt: string | null;
  /** A delivery was recorded (sent with a tracking number, delivered, returned, not collected). */
  deliveryRecordedAt: string | null;
  /** The outbox took its e-mail or text notice to send (or sent it). */
  noticeTaken: boolean;
  withdrawnAt: string | null;
}

/**
 * A letter has left the building once it was printed, its delivery was recorded, its notice went to the outbox's
 * transport, or the client opened it. From then on the client may know of it, so the action is no longer undone but
 * put right by a new action (and letter).
 */
export function hasLeftTheBuilding(facts: LetterDispatchFacts): boolean {
  return facts.printedAt !== null || facts.openedAt !== null || facts.deliveryRecordedAt !== null || facts.noticeTaken;
}

/** Who may undo: the consultant who made the letter, or a team lead (of the client's district: scope decides). */
export function mayUndoAsActor(actor: { id: string; role: string }, createdBy: string | null): boolean {
  return actor.role === "teamLead" || (createdBy !== null && actor.id === createdBy);
}

/** Whether the actor may undo the action that made this letter now: not withdrawn, still inside, and theirs to undo. */
export function canWithdrawLetter(facts: LetterDispatchFacts & { createdBy: string | null }, actor: { id: string; role: string }): boolean {
  return facts.withdrawnAt === null && !hasLeftTheBuilding(facts) && mayUndoAsActor(actor, facts.createdBy);
}

/**
 * An action is undone only while its letter is still inside: 409 `letterWithdrawn` when it was undone already,
 * `letterLeftBuilding` once it was printed, delivered, notified or opened, 403 `notLetterAuthor` for someone who
 * neither made it nor leads the team.
 */
export function assertLetterMayBeWithdrawn(
  facts: LetterDispatchFacts & { createdBy: string | null },
  actor: { id: string; role: string },
): void {
  if (facts.withdrawnAt !== null) throw conflict("letterWithdrawn", "This was undone already.");
  if (hasLeftTheBuilding(facts)) {
    throw conflict(
      "letterLeftBuilding",
      "The letter was printed, delivered, announced to the client or opened by them: it can no longer be undone.",
    );
  }
  if (!mayUndoAsActor(actor, facts.createdBy)) {
    throw forbidden("notLetterAuthor", "Only the consultant who made it, or a team lead, can undo this.");
  }
}

/** A withdrawn letter is kept for the record but never printed again: 409 `letterWithdrawn`. */
export function assertLetterNotWithdrawn(letter: { withdrawnAt: string | null }): void {
  if (letter.withdrawnAt !== null) throw conflict("letterWithdrawn", "This letter was withdrawn and is not sent.");
}

/** Until when the client's notice of an undoable letter is held back: the moment it was made plus the hold. */
export function noticeHeldUntil(createdAt: Date, holdMinutes: number | undefined): string {
  return new Date(createdAt.getTime() + (holdMinutes ?? DEFAULT_UNDO_HOLD_MINUTES) * 60_000).toISOString();
}

/** The client sees a letter in the portal once its hold has passed, and never a withdrawn one. */
export function isVisibleToClient(letter: { withdrawnAt: string | null; visibleFrom: string }, now: string): boolean {
  return letter.withdrawnAt === null && letter.visibleFrom <= now;
}
