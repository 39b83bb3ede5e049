import { passes } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import { conflict, forbidden, invalidField } from "@server/http/errors.js";
import { addDays } from "@shared/dates.js";
import {
  type AgreementParty,
  type Attribution,
  type AttributionState,
  type EndReason,
  REGULAR_ENDINGS,
} from "@shared/schemas/placements.js";
import { GUIDANCE_LEVELS, type GuidanceLevel } from "@shared/schemas/roles.js";
import { mayUndoAsActor } from "../letters/letters.rules.js";
import { isOneOf, OPEN_PLACEMENT_STATUSES, OPEN_REFERRAL_STATUS } from "../vocabulary.js";

/** Actions on a placement that only some of its statuses allow, and those statuses. */
const STATUSES_ALLOWING = {
  accept: [OPEN_REFERRAL_STATUS],
  decline: [OPEN_REFERRAL_STATUS],
  start: ["accepted"],
  signAgreement: ["active"],
  end: OPEN_PLACEMENT_STATUSES,
  sign: ["active"],
  attribute: ["ended"],
  giveClientSide: ["ended"],
  giveFeedback: ["active", "ended"],
  recordIntroduction: ["proposed", "accepted"],
  recordHostCheckIn: ["active"],
  recordExpense: ["active", "ended"],
} as const satisfies Record<string, readonly string[]>;
export type PlacementStatusAction = keyof typeof STATUSES_ALLOWING;

const DONE: Record<PlacementStatusAction, string> = {
  accept: "accepted",
  decline: "declined",
  start: "started",
  signAgreement: "given a new agreement",
  end: "ended",
  sign: "signed",
  attribute: "attributed",
  giveClientSide: "given the client's side",
  giveFeedback: "rated",
  recordIntroduction: "given an introduction meeting (that is before the start)",
  recordHostCheckIn: "given a check-in with the host",
  recordExpense: "given an expense allowance",
};

/** A placement moves one way: a referral is answered once, an accepted one starts, an open one ends. */
export function assertPlacementStatusAllows(placement: { status: string }, action: PlacementStatusAction): void {
  if (!isOneOf(STATUSES_ALLOWING[action], placement.status)) {
    throw conflict("placementState", `A ${placement.status} placement cannot be ${DONE[action]}.`);
  }
}

/** Hosts act for their own organisation only; staff may act on its behalf. */
export function assertMayActForOrganisation(actor: Pick<Actor, "role" | "organisationId">, organisationId: string): void {
  if (actor.role === "host" && actor.organisationId !== organisationId) {
    throw forbidden("otherOrganisation", "This referral is for another organisation.");
  }
}

/** A client is referred to a role once while that referral or placement is open. */
export function assertNotAlreadyReferred(openReferral: unknown): void {
  if (openReferral) throw conflict("alreadyReferred", "This client is already referred to or placed in this role.");
}

/** A referral asks at most the role's hours a week. */
export function assertHoursWithinRole(hoursPerWeek: number, roleHoursPerWeek: number): void {
  if (hoursPerWeek > roleHoursPerWeek) {
    throw invalidField("hoursPerWeek", "aboveRoleHours", `This role asks at most ${roleHoursPerWeek} hours a week`);
  }
}

/** An ending is recorded once it happened. */
export function assertEndedNotInFuture(endedOn: string, today: string): void {
  if (endedOn > today) throw invalidField("endedOn", "dateInFuture", "Record an ending once it happened");
}

/** No displacement: only an approved role without an open complaint takes placements. */
export function assertRoleMayTakePlacements(role: { status: string; open_complaints: number | string | null }): void {
  if (role.status !== "approved") {
    throw conflict(
      "roleNotApproved",
      role.status === "rejected" ? "This role failed the displacement check." : "This role awaits a displacement review.",
    );
  }
  if (Number(role.open_complaints ?? 0) > 0) {
    throw conflict("roleNotApproved", "A displacement complaint about this role is open; new placements wait for the decision.");
  }
}

/** A role has room while its proposed, accepted and active placements stay below its places. */
export function assertRoleHasPlace(role: { places: number; places_taken: number | string | null }): void {
  if (Number(role.places_taken ?? 0) >= role.places) throw conflict("roleFull", "All places of this role are taken.");
}

/** Whether a role takes a new placement now: approved, no open complaint, and a free place. */
export function roleTakesPlacements(role: {
  status: string;
  open_complaints: number | string | null;
  places: number;
  places_taken: number | string | null;
}) {
  return passes(() => assertRoleMayTakePlacements(role)) && passes(() => assertRoleHasPlace(role));
}

/** The role must offer at least the guidance the client needs. */
export function assertGuidanceLevelFits(offered: GuidanceLevel, needed: GuidanceLevel): void {
  if (GUIDANCE_LEVELS.indexOf(offered) < GUIDANCE_LEVELS.indexOf(needed)) {
    throw conflict("guidanceLevelTooLow", `This role offers ${offered} guidance; the client needs ${needed}.`);
  }
}

/**
 * Guidance is finite: the organisation's accepted and active placements, plus this one, may not ask more
 * guidance hours than it declared — unless a consultant overrides with a recorded reason.
 */
export function assertGuidanceAvailable(
  supply: number,
  committed: number,
  placementHours: number,
  overrideReason: string | undefined,
): void {
  const asked = committed + placementHours;
  if (asked > supply + 1e-9 && !overrideReason) {
    throw conflict("guidanceExceeded", `This placement would ask ${asked} guidance hours a week; the organisation offers ${supply}.`);
  }
}

const MUNICIPAL_STAFF = ["consultant", "teamLead"] as const;

/**
 * Who signs for a party: a member of the host organisation for the host, a consultant or team lead for the
 * municipality, and for the client the client themselves (in the portal) or a consultant or team lead recording the
 * signature the client put on paper. Nobody signs for a party that is not theirs.
 */
export function assertMaySignFor(
  actor: Pick<Actor, "role" | "organisationId" | "clientId">,
  party: AgreementParty,
  placement: { organisation_id: string; client_id: string },
): void {
  const staff = isOneOf(MUNICIPAL_STAFF, actor.role);
  const may =
    party === "host"
      ? actor.role === "host" && actor.organisationId === placement.organisation_id
      : party === "municipality"
        ? staff
        : staff || (actor.role === "client" && actor.clientId === placement.client_id);
  if (!may) throw forbidden("notSigningParty", `You cannot sign this agreement for the ${party}.`);
}

/** Each party signs an agreement version once; a signature given is never changed. */
export function assertNotSigned(agreement: Record<`${AgreementParty}_signed_on`, string | null>, party: AgreementParty): void {
  if (agreement[`${party}_signed_on`]) throw conflict("alreadySigned", `The ${party} has already signed this agreement.`);
}

/** A signature is recorded once it was given. */
export function assertSignedNotInFuture(signedOn: string, today: string): void {
  if (signedOn > today) throw invalidField("signedOn", "dateInFuture", "Record a signature once it was given");
}

/**
 * To whom an ending is attributed when it is recorded. A regular ending (completed, paid work) is nobody's doing. Any
 * other ending waits, `undetermined`, for the consultant to hear the client: a host gives its account and its view,
 * never the attribution. Staff may determine at once an attribution that is not to the client (it is favourable to
 * the client, who need not be heard on it); an ending attributed to the client always goes through the hearing.
 */
export function attributionAtEnding(actor: Pick<Actor, "role">, reason: EndReason, view: Attribution | undefined): AttributionState {
  if (REGULAR_ENDINGS.includes(reason)) return "none";
  if (isOneOf(MUNICIPAL_STAFF, actor.role) && view && view !== "client") return view;
  return "undetermined";
}

/** An ending's attribution is determined once, after hearing the client; a determined one is not redone here. */
export function assertAttributionUndetermined(placement: { attributable_to: string | null }): void {
  if (placement.attributable_to !== "undetermined")
    throw conflict("attributionDetermined", "To whom this ending is attributable has already been determined.");
}

/** The client gives their own side of an ending once; after that it is part of the record the consultant weighs. */
export function assertClientSideNotGiven(placement: { client_side_account: string | null }): void {
  if (placement.client_side_account !== null) throw conflict("clientSideGiven", "You already gave your side of this ending.");
}

/** The client rates a placement once. */
export function assertFeedbackNotGiven(placement: { feedback_rating: number | null }): void {
  if (placement.feedback_rating !== null) throw conflict("feedbackGiven", "You already rated this placement.");
}

/** The client's side is recorded once it was heard. */
export function assertHeardNotInFuture(heardOn: string, today: string): void {
  if (heardOn > today) throw invalidField("heardOn", "dateInFuture", "Record the client's side once you heard it");
}

/**
 * A placement runs only from its start date: an active placement whose agreement starts later has not begun (the
 * page says "begint op …" until then). An ended placement ran if it had started by its ending.
 */
export function hasPlacementBegun(placement: { status: string; started_on: string | null }, today: string): boolean {
  if (placement.started_on === null || placement.started_on > today) return false;
  return placement.status === "active" || placement.status === "ended";
}

/** Something that needs the placement to run (the check-in with the host) waits for its start date. */
export function assertPlacementBegun(placement: { status: string; started_on: string | null }, today: string): void {
  if (!hasPlacementBegun(placement, today)) {
    throw conflict("placementNotBegun", `This placement begins on ${placement.started_on ?? "a date still to agree"}.`);
  }
}

/** A meeting is recorded once it was held. */
export function assertHeldNotInFuture(heldOn: string, today: string): void {
  if (heldOn > today) throw invalidField("heldOn", "dateInFuture", "Record a meeting once it was held");
}

/** The introduction meeting is recorded once; what was said there is not rewritten. */
export function assertIntroductionNotRecorded(placement: { introduction_held_on?: string | null }): void {
  if (placement.introduction_held_on) throw conflict("introductionRecorded", "The introduction meeting has already been recorded.");
}

/** The check-in with the host is held this many days after the start: four weeks. */
export const HOST_CHECK_IN_AFTER_DAYS = 28;

/** The day the check-in with the host is due: four weeks after the placement's start. */
export function hostCheckInDueOn(startedOn: string): string {
  return addDays(startedOn, HOST_CHECK_IN_AFTER_DAYS);
}

/** The check-in with the host is recorded once. */
export function assertHostCheckInNotRecorded(placement: { host_check_in_held_on?: string | null }): void {
  if (placement.host_check_in_held_on) throw conflict("hostCheckInRecorded", "The check-in with the host has already been recorded.");
}

/** The check-in with the host is due: the placement runs, four weeks have passed since its start, and none was held. */
export function isHostCheckInDue(
  placement: { status: string; started_on: string | null; host_check_in_held_on?: string | null },
  today: string,
): boolean {
  if (placement.status !== "active" || placement.started_on === null || placement.host_check_in_held_on) return false;
  return hostCheckInDueOn(placement.started_on) <= today;
}

/** What decides whether a referral can still be undone, as loaded under the placement's lock. */
export interface ReferralUndoFacts {
  status: string;
  proposed_by: string | null;
  /** Until when the referral is kept from the host; null for one made before holds, which reached the host at once. */
  held_until?: string | null;
  host_opened_at?: string | null;
  introduction_held_on?: string | null;
}

/**
 * A referral has reached the host once its hold has passed (the host's lists show it), a member of the host opened it,
 * or the client was introduced there. From then on the host may know of it: it is answered or ended, no longer undone.
 */
export function hasReferralReachedHost(referral: ReferralUndoFacts, now: string): boolean {
  return !referral.held_until || referral.held_until <= now || !!referral.host_opened_at || !!referral.introduction_held_on;
}

/**
 * A referral is undone only while the host has neither seen nor answered it: 409 `placementState` once it was answered
 * (or ended), `referralReachedHost` once its hold passed or the host opened it, 403 `notLetterAuthor` for someone who
 * neither made it nor leads the team.
 */
export function assertReferralUndoable(referral: ReferralUndoFacts, actor: { id: string; role: string }, now: string): void {
  if (referral.status !== OPEN_REFERRAL_STATUS) {
    throw conflict("placementState", `A ${referral.status} placement can no longer be undone.`);
  }
  if (hasReferralReachedHost(referral, now)) {
    throw conflict("referralReachedHost", "The host organisation can see this referral already: it can no longer be undone.");
  }
  if (!mayUndoAsActor(actor, referral.proposed_by)) {
    throw forbidden("notLetterAuthor", "Only the consultant who made it, or a team lead, can undo this.");
  }
}
