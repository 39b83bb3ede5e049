import { evaluateAbilities } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import type { BuddyPairingRow, BuddyRow } from "@server/db/schema.js";
import { conflict, invalidField } from "@server/http/errors.js";
import type { BuddyAgreementInput, BuddyMeetingInput, BuddySide } from "@shared/schemas/buddies.js";
import type { DecisionType } from "@shared/schemas/decisions.js";
import { buddyPolicy } from "./buddies.policy.js";

/**
 * Every code by which a rule of this file refuses (`field:code` for one field, answered with 400); the table test
 * in `buddies.rules.test.ts` has a case for each.
 */
export const BUDDY_REFUSALS = [
  "trainedOn:dateInFuture",
  "alreadyBuddy",
  "buddyNotActive",
  "buddyFull",
  "ownBuddy",
  "alreadyPaired",
  "pairingEnded",
  "buddyAgreementInUse",
  "heldOn:dateInFuture",
  "heldOn:beforeStart",
  "buddyPairingNoGround",
] as const;

/** The plan step type by which a consultant proposes a buddy; voluntary, and never a ground for anything. */
export const PEER_SUPPORT_STEP_TYPE = "peerSupport";
/** The decision type of a buddy agreement. */
export const BUDDY_AGREEMENT_DECISION = "buddyAgreement" satisfies DecisionType;

/** A buddy is trained before the agreement: the training date has passed. */
export function assertTrained(input: Pick<BuddyAgreementInput, "trainedOn">, today: string): void {
  if (input.trainedOn > today) throw invalidField("trainedOn", "dateInFuture", "The buddy training must have been followed");
}

/** A client has one buddy agreement at a time. */
export function assertNotBuddyAlready(active: Pick<BuddyRow, "id"> | undefined): void {
  if (active) throw conflict("alreadyBuddy", "This client is a buddy already.");
}

/** Only a buddy whose agreement runs is paired. */
export function assertBuddyActive(buddy: Pick<BuddyRow, "status">): void {
  if (buddy.status !== "active") throw conflict("buddyNotActive", "This buddy's agreement has ended.");
}

/** A buddy supports no more people at once than their agreement says. */
export function assertBuddyHasRoom(buddy: Pick<BuddyRow, "max_pairings">, activePairings: number): void {
  if (activePairings >= buddy.max_pairings)
    throw conflict("buddyFull", `This buddy supports ${buddy.max_pairings} people already, as many as agreed.`);
}

/** Nobody is their own buddy. */
export function assertNotOwnBuddy(buddy: Pick<BuddyRow, "client_id">, clientId: string): void {
  if (buddy.client_id === clientId) throw conflict("ownBuddy", "A buddy cannot be paired with themselves.");
}

/** A client has one buddy at a time. */
export function assertNotPairedYet(activePairing: Pick<BuddyPairingRow, "id"> | undefined): void {
  if (activePairing) throw conflict("alreadyPaired", "This client has a buddy already. End that pairing first.");
}

/** Only a running pairing is ended or gets meetings. */
export function assertPairingActive(pairing: Pick<BuddyPairingRow, "status">): void {
  if (pairing.status !== "active") throw conflict("pairingEnded", "This pairing has ended.");
}

/** What may hang on a buddy agreement, read under the buddy's client lock. */
export interface AgreementUndoFacts {
  status: BuddyRow["status"];
  /** Pairings with this buddy, running or ended (a meeting hangs on a pairing). */
  pairings: number;
  /** Accountability requests about the agreement's contribution. */
  accountabilityRequests: number;
}

/**
 * A buddy agreement is undone only while it runs and nothing hangs on it: nobody was paired with the buddy (and so no
 * meeting was recorded) and no accountability request asked about it; otherwise 409 `buddyAgreementInUse`, and it is
 * ended instead. Its letter must still be inside too (`assertLetterMayBeWithdrawn`).
 */
export function assertAgreementUndoable(facts: AgreementUndoFacts): void {
  assertBuddyActive(facts);
  if (facts.pairings > 0 || facts.accountabilityRequests > 0) {
    throw conflict("buddyAgreementInUse", "Someone was paired with this buddy, or was asked about it: end the agreement instead.");
  }
}

/** A meeting took place, during the pairing. */
export function assertMeetingDate(input: Pick<BuddyMeetingInput, "heldOn">, pairing: Pick<BuddyPairingRow, "paired_on">, today: string) {
  if (input.heldOn > today) throw invalidField("heldOn", "dateInFuture", "Record a meeting that took place");
  if (input.heldOn < pairing.paired_on) throw invalidField("heldOn", "beforeStart", "The meeting is before the pairing started");
}

/** What a sanction proposal points at that may concern a buddy: a step of the plan, or the decision a letter carries. */
export interface BuddyGroundFacts {
  planStep?: { type?: string } | undefined;
  letter?: { decision_type?: string | null } | undefined;
}

/**
 * A buddy is never a ground for anything. Either side ends a pairing, and the buddy (or the consultant) ends the
 * buddy's own agreement, without giving a reason, and no sanction, culpability finding or attribution may rest on
 * having, ending or not meeting a buddy: a sanction proposal that names a buddy step of the client's plan, or relies on
 * the letter of a buddy agreement (the only ways a proposal can point at a pairing or an agreement), is refused. A
 * buddy is support the client may take or leave, and being one is help the client may give or stop giving.
 */
export function assertBuddyNoGround(pointedAt: BuddyGroundFacts): void {
  if (pointedAt.planStep?.type === PEER_SUPPORT_STEP_TYPE || pointedAt.letter?.decision_type === BUDDY_AGREEMENT_DECISION)
    throw conflict("buddyPairingNoGround", "A buddy is voluntary: having, ending or not meeting a buddy is never a ground for a sanction.");
}

/** Who ends a buddy agreement: the buddy themself (from the portal) or the consultant. */
export function agreementSideOf(actor: Pick<Actor, "role">): Extract<BuddySide, "buddy" | "consultant"> {
  return actor.role === "client" ? "buddy" : "consultant";
}

/** Which side of a pairing the caller is on: the supported client, the buddy, or staff (the consultant). */
export function sideOf(
  actor: Pick<Actor, "role" | "clientId">,
  pairing: Pick<BuddyPairingRow, "client_id" | "buddy_client_id">,
): BuddySide {
  if (actor.role !== "client") return "consultant";
  return actor.clientId === pairing.buddy_client_id ? "buddy" : "client";
}

/** The caller's abilities on a client's buddy matters: a client without a buddy is paired; a client not yet a buddy becomes one. */
export function clientBuddyAbilities(actor: Actor, facts: { activePairingId?: string | undefined; activeBuddyId?: string | undefined }) {
  return evaluateAbilities(actor, {
    pair: { policy: buddyPolicy.pair, assert: () => assertNotPairedYet(facts.activePairingId ? { id: facts.activePairingId } : undefined) },
    makeBuddy: {
      policy: buddyPolicy.createAgreement,
      assert: () => assertNotBuddyAlready(facts.activeBuddyId ? { id: facts.activeBuddyId } : undefined),
    },
  });
}

/**
 * The caller's abilities on a buddy agreement: it is ended while it runs, by the buddy or the consultant; it is undone
 * while `mayUndo` (nothing hangs on it and its letter is inside, as the service read), by staff.
 */
export function agreementAbilities(actor: Actor, buddy: Pick<BuddyRow, "status">, mayUndo: boolean) {
  return {
    ...evaluateAbilities(actor, { end: { policy: buddyPolicy.endAgreement, assert: () => assertBuddyActive(buddy) } }),
    undo: buddyPolicy.undoAgreement.allows(actor) && mayUndo,
  };
}

/** The caller's abilities on a pairing, by the same assertions the routes run. */
export function pairingAbilities(actor: Actor, pairing: Pick<BuddyPairingRow, "status">) {
  return evaluateAbilities(actor, {
    end: { policy: buddyPolicy.endPairing, assert: () => assertPairingActive(pairing) },
    recordMeeting: { policy: buddyPolicy.recordMeeting, assert: () => assertPairingActive(pairing) },
  });
}
