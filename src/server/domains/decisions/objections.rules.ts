import { type AbilityCheck, evaluateAbilities } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import type { DecisionRow, ObjectionRow } from "@server/db/schema.js";
import { conflict, type FieldErrorCode, forbidden, invalidField } from "@server/http/errors.js";
import { addDays } from "@shared/dates.js";
import type { ObjectionAbilities, ObjectionOutcomeInput } from "@shared/schemas/decisions.js";
import { objectionPolicy } from "./decisions.policy.js";
import { SIX_WEEKS, termEnd } from "./decisions.rules.js";

/** Every code by which a rule of this file refuses; the table test lists a case for each. */
export const OBJECTION_REFUSALS = [
  "objectionDecided",
  "objectionOnTime",
  "alreadyPostponed",
  "hearingRequired",
  "hearingSkipped",
  "hearingChanged",
  "involvedInDecision",
  "latenessNotExcused",
  "notPostponed",
  "decideByChanged",
  "notInvitedToHearing",
  "objectionNotDecided",
  "postedOn:afterReceipt",
  "decideBy:notLater",
  "consentGivenOn:dateInFuture",
  "heldOn:dateInFuture",
  "percentage:required",
  "percentage:notLower",
  "months:notLower",
] as const;
type Refusal = (typeof OBJECTION_REFUSALS)[number];
type FieldRefusal = Extract<Refusal, `${string}:${string}`>;

const refuse = (code: Exclude<Refusal, FieldRefusal | "involvedInDecision">, detail: string) => conflict(code, detail);
const invalid = (code: FieldRefusal, reason: string) => {
  const [name = "", fieldCode = ""] = code.split(":");
  return invalidField(name, fieldCode as FieldErrorCode, reason);
};

/** The decision term with an advisory committee: twelve weeks (Awb 7:10 lid 1). */
export const TWELVE_WEEKS = 84;

/**
 * On time (Awb 6:9): received within the term, or posted within it and received no more than a week after it ended.
 */
export function isOnTime(input: { receivedOn: string; postedOn?: string | null | undefined }, termEndsOn: string): boolean {
  if (input.receivedOn <= termEndsOn) return true;
  return !!input.postedOn && input.postedOn <= termEndsOn && input.receivedOn <= addDays(termEndsOn, 7);
}

/** A letter cannot be posted after it arrived. */
export function assertPostedBeforeReceipt(input: { receivedOn: string; postedOn?: string | null | undefined }): void {
  if (input.postedOn && input.postedOn > input.receivedOn) throw invalid("postedOn:afterReceipt", "It was posted before it arrived");
}

/**
 * The date to decide by (Awb 7:10 lid 1): six weeks (twelve with an advisory committee) from the day after the
 * objection term ended; for a late objection, from the day after it was received. Moved past weekends and holidays.
 */
export function decideByFor(input: { onTime: boolean; termEndsOn: string; receivedOn: string; advisoryCommittee: boolean }): string {
  const from = input.onTime ? input.termEndsOn : input.receivedOn;
  return termEnd(addDays(from, input.advisoryCommittee ? TWELVE_WEEKS : SIX_WEEKS));
}

/** The one postponement (Awb 7:10 lid 3): six weeks after the current date. */
export function postponedDecideBy(decideBy: string): string {
  return termEnd(addDays(decideBy, SIX_WEEKS));
}

type Open = Pick<ObjectionRow, "outcome">;

/** An objection is decided once; nothing of its procedure changes afterwards. */
export function assertObjectionOpen(objection: Open): void {
  if (objection.outcome) throw refuse("objectionDecided", "This objection has been decided.");
}

/** Whether lateness is excused is recorded only for a late objection (Awb 6:11). */
export function assertLate(objection: Open & Pick<ObjectionRow, "on_time">): void {
  assertObjectionOpen(objection);
  if (objection.on_time === 1) throw refuse("objectionOnTime", "This objection was made on time.");
}

/** Postponed once by six weeks (Awb 7:10 lid 3); further only with the client's consent. */
export function assertMayPostpone(objection: Open & Pick<ObjectionRow, "postponed">): void {
  assertObjectionOpen(objection);
  if (objection.postponed === 1) throw refuse("alreadyPostponed", "The decision term was postponed once; further only with consent.");
}

/** A further postponement with the client's consent (Awb 7:10 lid 4): given on a day that has come, to a later date. */
export function assertMayExtendWithConsent(
  objection: Open & Pick<ObjectionRow, "decide_by">,
  input: { consentGivenOn: string; decideBy: string } | null,
  today: string,
): void {
  assertObjectionOpen(objection);
  if (!input) return;
  if (input.consentGivenOn > today) throw invalid("consentGivenOn:dateInFuture", "Record consent that was given");
  if (input.decideBy <= objection.decide_by) throw invalid("decideBy:notLater", `The date to decide by is ${objection.decide_by} already`);
}

/** Who is involved in a decision: its decider and whoever prepared (proposed) it. */
export function involvedIn(decision: Pick<DecisionRow, "decided_by" | "prepared_by">): string[] {
  return [decision.decided_by, decision.prepared_by].filter((id): id is string => !!id);
}

/**
 * The hearing in objection is conducted, and the decision on objection prepared and taken, by someone not involved
 * in the primary decision (Awb 7:5, and the municipality's mandate rules).
 */
export function assertNotInvolved(decision: Pick<DecisionRow, "decided_by" | "prepared_by">, actor: Pick<Actor, "id">): void {
  if (involvedIn(decision).includes(actor.id))
    throw forbidden("involvedInDecision", "You took part in the decision objected to: someone else hears and decides the objection.");
}

type HearingState = Open & Pick<ObjectionRow, "hearing_skip_reason">;

/** An invitation, a hearing record or a correction: while open, and not after the reason not to hear was recorded. */
export function assertMayHear(objection: HearingState): void {
  assertObjectionOpen(objection);
  if (objection.hearing_skip_reason) throw refuse("hearingSkipped", "It was recorded why the client is not heard.");
}

/** A correction names the latest version, so no correction is lost to another made at the same time. */
export function assertCorrectsLatest(latestVersion: number, correctionOf: number | null | undefined): void {
  if ((correctionOf ?? 0) !== latestVersion)
    throw refuse(
      "hearingChanged",
      latestVersion === 0 ? "There is no hearing record to correct yet." : `Correct the latest version (${latestVersion}) of the record.`,
    );
}

/** A hearing is recorded after it took place. */
export function assertHeldInPast(heldOn: string, today: string): void {
  if (heldOn > today) throw invalid("heldOn:dateInFuture", "Record a hearing that took place");
}

/** The reason not to hear is recorded before any hearing record exists (Awb 7:3). */
export function assertMayWaiveHearing(objection: HearingState, hearingVersions: number): void {
  assertMayHear(objection);
  if (hearingVersions > 0) throw refuse("hearingChanged", "The client has been heard: the record stands.");
}

/** The client is heard before the decision on objection, unless the reason not to is recorded (Awb 7:2, 7:3). */
export function assertHeardOrSkipped(objection: Pick<ObjectionRow, "hearing_skip_reason">, hearingVersions: number): void {
  if (hearingVersions === 0 && !objection.hearing_skip_reason)
    throw refuse("hearingRequired", "Hear the client first, or record why there is no hearing (Awb 7:3).");
}

/** A late objection whose lateness is not excused can only be declared inadmissible (Awb 6:11). */
export function assertLatenessAllows(objection: Pick<ObjectionRow, "on_time" | "lateness_excusable">, outcome: string): void {
  if (objection.on_time === 0 && objection.lateness_excusable !== 1 && outcome !== "inadmissible")
    throw refuse("latenessNotExcused", "A late objection whose lateness is not excused is inadmissible.");
}

/** A partly well-founded objection on a sanction gives a milder one: a lower percentage or fewer months, never more. */
export function assertMilder(
  sanction: { percentage: number | null; months: number | null },
  remains: Pick<ObjectionOutcomeInput, "percentage" | "months">,
): void {
  const percentage = remains.percentage ?? sanction.percentage;
  const months = remains.months ?? sanction.months;
  if (percentage === null || percentage === undefined || (remains.percentage == null && remains.months == null))
    throw invalid("percentage:required", "Say what remains of the sanction");
  if (percentage > (sanction.percentage ?? 0)) throw invalid("percentage:notLower", "A milder sanction has no higher percentage");
  if ((months ?? 0) > (sanction.months ?? 0)) throw invalid("months:notLower", "A milder sanction is not longer");
  if (percentage === sanction.percentage && months === sanction.months)
    throw invalid("percentage:notLower", "This is the sanction as it stands, not a milder one");
}

/** What deciding on an objection checks, before the outcome's own rules. */
export function assertMayDecideObjection(
  decision: Pick<DecisionRow, "decided_by" | "prepared_by">,
  objection: Open & Pick<ObjectionRow, "hearing_skip_reason" | "on_time" | "lateness_excusable">,
  hearingVersions: number,
  actor: Pick<Actor, "id">,
  outcome: string | null,
): void {
  assertNotInvolved(decision, actor);
  assertObjectionOpen(objection);
  if (outcome) assertLatenessAllows(objection, outcome);
  if (outcome !== "inadmissible") assertHeardOrSkipped(objection, hearingVersions);
}

/**
 * The postponement is undone while the objection is open and the date to decide by is still the one it set: 409
 * `notPostponed` when there is no postponement by letter to undo, `decideByChanged` when a consent extension moved the
 * date since (the client agreed to that date; the postponement stands). Whether its letter is inside is the letters' rule.
 */
export function assertPostponementUndoable(
  objection: Open & Pick<ObjectionRow, "postponed" | "postponement_letter_id" | "decide_by" | "decide_by_before_postponement">,
): void {
  assertObjectionOpen(objection);
  const before = objection.decide_by_before_postponement;
  if (objection.postponed !== 1 || !objection.postponement_letter_id || !before)
    throw refuse("notPostponed", "There is no postponement by letter to undo.");
  if (objection.decide_by !== postponedDecideBy(before))
    throw refuse("decideByChanged", "The date to decide by was changed since, with the client's consent: the postponement stands.");
}

/**
 * The hearing invitation is undone while the objection is open and nobody was heard yet: 409 `notInvitedToHearing`
 * without an invitation, `hearingChanged` once a hearing is on record (it took place: the invitation stands).
 */
export function assertHearingInvitationUndoable(
  objection: Open & Pick<ObjectionRow, "hearing_invitation_letter_id">,
  hearingVersions: number,
): void {
  assertObjectionOpen(objection);
  if (!objection.hearing_invitation_letter_id) throw refuse("notInvitedToHearing", "The client was not invited to be heard by letter.");
  if (hearingVersions > 0) throw refuse("hearingChanged", "The client has been heard: the invitation stands.");
}

/** Only a decided objection has a decision on objection to undo (409 `objectionNotDecided`). */
export function assertOutcomeUndoable(objection: Pick<ObjectionRow, "outcome" | "outcome_decision_id">): void {
  if (!objection.outcome || !objection.outcome_decision_id) throw refuse("objectionNotDecided", "This objection has not been decided.");
}

/** Per step that sent the client a letter: whether that letter is still inside and the caller's to withdraw. */
export interface ObjectionLettersUndoable {
  postponement: boolean;
  hearingInvitation: boolean;
  outcome: boolean;
}

/** What the caller may do with an objection, by the same assertions the routes enforce. */
export function objectionAbilities(
  actor: Actor,
  facts: { decision: DecisionRow; objection: ObjectionRow; hearingVersions: number; undoable: ObjectionLettersUndoable },
): ObjectionAbilities {
  const { decision, objection, hearingVersions, undoable } = facts;
  const checks: Record<keyof ObjectionAbilities, AbilityCheck> = {
    excuseLateness: { policy: objectionPolicy.handle, assert: () => assertLate(objection) },
    postpone: { policy: objectionPolicy.handle, assert: () => assertMayPostpone(objection) },
    extendWithConsent: { policy: objectionPolicy.handle, assert: () => assertMayExtendWithConsent(objection, null, "") },
    inviteToHearing: {
      policy: objectionPolicy.handle,
      assert: () => {
        assertNotInvolved(decision, actor);
        assertMayHear(objection);
      },
    },
    recordHearing: {
      policy: objectionPolicy.handle,
      assert: () => {
        assertNotInvolved(decision, actor);
        assertMayHear(objection);
      },
    },
    waiveHearing: { policy: objectionPolicy.handle, assert: () => assertMayWaiveHearing(objection, hearingVersions) },
    decide: { policy: objectionPolicy.decide, assert: () => assertMayDecideObjection(decision, objection, hearingVersions, actor, null) },
    undoPostponement: { policy: objectionPolicy.handle, assert: () => assertPostponementUndoable(objection) },
    undoHearingInvitation: {
      policy: objectionPolicy.handle,
      assert: () => assertHearingInvitationUndoable(objection, hearingVersions),
    },
    undoOutcome: { policy: objectionPolicy.decide, assert: () => assertOutcomeUndoable(objection) },
  };
  const abilities = evaluateAbilities(actor, checks);
  // Undo also needs the step's letter still inside and the caller's to withdraw (the letters' rule, read beforehand).
  return {
    ...abilities,
    undoPostponement: abilities.undoPostponement && undoable.postponement,
    undoHearingInvitation: abilities.undoHearingInvitation && undoable.hearingInvitation,
    undoOutcome: abilities.undoOutcome && undoable.outcome,
  };
}
