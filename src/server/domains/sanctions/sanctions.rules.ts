import { type AbilityCheck, evaluateAbilities, refusalOf } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import type { ExemptionRow, SanctionRow } from "@server/db/schema.js";
import { conflict, type FieldErrorCode, forbidden, invalidField } from "@server/http/errors.js";
import type { ProblemCode } from "@shared/problem-codes.js";
import type { Ordinance } from "@shared/schemas/ordinance.js";
import {
  SANCTION_BLOCKS,
  type SanctionAbilities,
  type SanctionDecisionInput,
  type SanctionProposalInput,
} from "@shared/schemas/sanctions.js";
import { isFullExemptionOn } from "../exemptions/exemptions.rules.js";
import { sanctionPolicy } from "./sanctions.policy.js";

/**
 * Every code by which a rule of this file refuses (a rule about one field as `field:code`, answered with 400);
 * the table test lists a case for each.
 */
export const SANCTION_REFUSALS = [
  ...SANCTION_BLOCKS,
  "factsDate:dateInFuture",
  "placementId:required",
  "appointmentId:required",
  "placementId:unknownPlacement",
  "placementNotEnded",
  "appointmentId:unknownAppointment",
  "appointmentNotMissed",
  "letterId:unknownLetter",
  "sanctionDecided",
  "alreadyHeard",
  "hearingAlreadyInvited",
  "heldOn:dateInFuture",
  "sameDecisionMaker",
  "hearingRequired",
  "percentage:required",
  "percentage:notLower",
  "months:notLower",
  "sanctionNotDecided",
  "nothingToReconsider",
  "alreadyReconsidered",
  "hearingChanged",
  "exemptionPending",
] as const;
type Refusal = (typeof SANCTION_REFUSALS)[number];
type FieldRefusal = Extract<Refusal, `${string}:${string}`>;

const refuse = (code: Exclude<Refusal, FieldRefusal | "sameDecisionMaker">, detail: string) => conflict(code, detail);
const invalid = (code: FieldRefusal, reason: string) => {
  const [name = "", fieldCode = ""] = code.split(":");
  return invalidField(name, fieldCode as FieldErrorCode, reason);
};

/** Attributions of a placement's ending that make it no ground for a sanction. */
export const NOT_ATTRIBUTABLE = ["organisation", "health", "caregiving"] as const;

/** Delivery statuses after which a registered letter did not reach the client. */
const NOT_REACHED = ["returned", "notCollected"];

export interface SanctionLevel {
  level: number;
  percentage: number;
  months: number;
  ordinanceVersion: number;
}

type ProposalLinks = Pick<SanctionProposalInput, "ground" | "factsDate" | "placementId" | "appointmentId">;
type Exemption = Pick<ExemptionRow, "scope" | "status" | "start_date" | "end_date" | "ended_on" | "covers_tegenprestatie">;
type Process = Pick<SanctionRow, "status" | "hearing_record">;

/**
 * The ordinance's level for a ground: its starting level, one higher for each recurrence within a year, one
 * lower when culpability is reduced; never below the first level or above the last.
 */
export function levelFor(
  ground: keyof Ordinance["sanctionGroundLevels"],
  recurrence: number,
  culpability: string,
  ordinance: Pick<Ordinance, "sanctionGroundLevels" | "sanctionLevels" | "version">,
): SanctionLevel {
  const raw = ordinance.sanctionGroundLevels[ground] + (recurrence - 1) - (culpability === "reduced" ? 1 : 0);
  const scale = ordinance.sanctionLevels[Math.min(Math.max(raw, 1), ordinance.sanctionLevels.length) - 1];
  if (!scale) throw new Error(`Ordinance version ${ordinance.version} has no sanction levels`);
  return { level: scale.level, percentage: scale.percentage, months: scale.months, ordinanceVersion: ordinance.version };
}

/** A proposal is about conduct that took place, linked to what it is about: the ended placement, the missed appointment. */
export function assertProposalComplete(input: ProposalLinks, today: string): void {
  if (input.factsDate > today) throw invalid("factsDate:dateInFuture", "The conduct must have taken place");
  if (input.ground === "stoppedPlacementWithoutReason" && !input.placementId)
    throw invalid("placementId:required", "Link the placement that ended");
  if (input.ground === "missedAppointments" && !input.appointmentId) throw invalid("appointmentId:required", "Link the missed appointment");
}

/** No sanction without culpability (art. 18 lid 9 Participatiewet). */
export function assertCulpable(culpability: string): void {
  if (culpability === "none") throw refuse("notCulpable", "Without any culpability no sanction may be imposed.");
}

/** A full exemption binding on the date of the conduct or today puts a sanction out of the question. */
export function assertNoExemptionInForce(exemptions: readonly Exemption[], dates: readonly string[]): void {
  if (exemptions.some((exemption) => dates.some((date) => isFullExemptionOn(exemption, date))))
    throw refuse("activeExemption", "The client has a full exemption covering this period.");
}

/** While a request for an exemption is undecided, no sanction is proposed: the request may cover the conduct. */
export function assertNoExemptionPending(exemptions: readonly Pick<ExemptionRow, "status">[]): void {
  if (exemptions.some((exemption) => exemption.status === "requested"))
    throw refuse("exemptionPending", "The client asked for an exemption that is not decided yet: decide it first.");
}

/**
 * The linked placement is the client's, ended, and its ending is attributable to the client: an ending caused by
 * the organisation, health or caring duties is no ground for a sanction.
 */
export function assertDropoutAttributable(placement: { status: string; attributable_to: string | null } | undefined): void {
  if (!placement) throw invalid("placementId:unknownPlacement", "Not a placement of this client");
  const cause = placement.attributable_to ?? "";
  if ((NOT_ATTRIBUTABLE as readonly string[]).includes(cause))
    throw refuse("dropoutNotAttributable", `The placement ended attributable to ${cause}: no ground for a sanction.`);
  if (placement.status !== "ended") throw refuse("placementNotEnded", "The placement has not ended.");
}

/** The linked appointment is the client's and was missed. */
export function assertAppointmentMissed(appointment: { status: string } | undefined): void {
  if (!appointment) throw invalid("appointmentId:unknownAppointment", "Not an appointment of this client");
  if (appointment.status !== "missed") throw refuse("appointmentNotMissed", "The appointment was not missed.");
}

/** The linked letter is one to this client. */
export function assertLetterOfClient(letter: object | undefined): void {
  if (!letter) throw invalid("letterId:unknownLetter", "Not a letter to this client");
}

/** Every letter the proposal relies on (the invitation, a warning) was delivered: otherwise the client may not have known. */
export function assertLetterDelivered(deliveryStatuses: readonly string[]): void {
  if (deliveryStatuses.some((status) => status !== "delivered"))
    throw refuse("letterNotDelivered", "The linked letter was not delivered: the client may not have known.");
}

/** What a proposal's rules look at, loaded beforehand. */
export interface ProposalFacts {
  today: string;
  exemptions: readonly Exemption[];
  /** The linked placement of this client (undefined when not found); absent when none is linked. */
  placement?: { status: string; attributable_to: string | null } | undefined;
  /** The linked appointment of this client (undefined when not found); absent when none is linked. */
  appointment?: { status: string } | undefined;
  /** The linked letter to this client (undefined when not found); absent when none is linked. */
  letter?: { delivery_status: string } | undefined;
  /** The delivery of every letter the proposal relies on: the appointment's invitation and the linked letter. */
  reliedOnDeliveries: readonly string[];
}

/** Every rule a proposal passes before anything is stored, in the order they are explained to the consultant. */
export function assertMayPropose(input: SanctionProposalInput, facts: ProposalFacts): void {
  assertProposalComplete(input, facts.today);
  assertCulpable(input.culpability);
  assertNoExemptionInForce(facts.exemptions, [input.factsDate, facts.today]);
  assertNoExemptionPending(facts.exemptions);
  if (input.placementId) assertDropoutAttributable(facts.placement);
  if (input.appointmentId) assertAppointmentMissed(facts.appointment);
  if (input.letterId) assertLetterOfClient(facts.letter);
  assertLetterDelivered(facts.reliedOnDeliveries);
}

/** Due process steps happen before the decision; a decided sanction is changed only by reconsideration or objection. */
export function assertStillProposed(sanction: Pick<SanctionRow, "status">): void {
  if (sanction.status !== "proposed") throw refuse("sanctionDecided", "This sanction has been decided.");
}

/** The client is heard once; the record of the hearing is part of the file. */
export function assertNotHeard(sanction: Pick<SanctionRow, "hearing_record">): void {
  if (sanction.hearing_record) throw refuse("alreadyHeard", "The client has been heard already.");
}

/** A new invitation to a hearing only when the last one did not reach the client. */
export function assertMayInvite(sanction: Process, lastInvitationDelivery: string | null): void {
  assertStillProposed(sanction);
  assertNotHeard(sanction);
  if (lastInvitationDelivery !== null && !NOT_REACHED.includes(lastInvitationDelivery))
    throw refuse("hearingAlreadyInvited", "The client has been invited to a hearing already.");
}

/**
 * The hearing is recorded while the sanction is proposed: once, and after that only as a correction of the latest
 * version, which becomes a new version (every version is kept and shown to the decider).
 */
export function assertMayHear(sanction: Process, correctionOf: number | null | undefined = null, latestVersion = 0): void {
  assertStillProposed(sanction);
  if (correctionOf === null || correctionOf === undefined) assertNotHeard(sanction);
  else if (correctionOf !== latestVersion)
    throw refuse(
      "hearingChanged",
      latestVersion === 0 ? "There is no hearing record to correct yet." : `Correct the latest version (${latestVersion}) of the record.`,
    );
}

/** A hearing is recorded after it took place. */
export function assertHeardInPast(heldOn: string, today: string): void {
  if (heldOn > today) throw invalid("heldOn:dateInFuture", "Record a hearing that took place");
}

/** A second person decides: the one who proposed a sanction cannot decide it. */
export function assertSecondDecisionMaker(sanction: Pick<SanctionRow, "proposed_by">, actor: Pick<Actor, "id">): void {
  if (sanction.proposed_by === actor.id) throw forbidden("sameDecisionMaker", "The one who proposed a sanction cannot decide it.");
}

/**
 * The client was heard, or a delivered invitation's term passed without a response: only then may a sanction be
 * decided (Awb 4:8).
 */
export function assertHeardOrTermPassed(
  sanction: Pick<SanctionRow, "hearing_record" | "hearing_letter_id" | "hearing_respond_by">,
  invitationDelivery: string | null,
  today: string,
): void {
  if (sanction.hearing_record) return;
  const termPassed =
    sanction.hearing_letter_id !== null &&
    sanction.hearing_respond_by !== null &&
    sanction.hearing_respond_by < today &&
    invitationDelivery === "delivered";
  if (!termPassed)
    throw refuse(
      "hearingRequired",
      "Hear the client first; only a delivered invitation whose term has passed without a response allows deciding without a hearing.",
    );
}

/** What deciding looks at, whatever the outcome: a second person, a proposal still open, the hearing. */
export function assertMayDecide(
  sanction: Pick<SanctionRow, "proposed_by" | "status" | "hearing_record" | "hearing_letter_id" | "hearing_respond_by">,
  actor: Pick<Actor, "id">,
  invitationDelivery: string | null,
  today: string,
): void {
  assertSecondDecisionMaker(sanction, actor);
  assertStillProposed(sanction);
  assertHeardOrTermPassed(sanction, invitationDelivery, today);
}

/** What a decision imposes: the ordinance's level, a lower one with its own reasons, or nothing. */
export function decidedTerms(
  input: SanctionDecisionInput,
  level: SanctionLevel,
): { level: number | null; percentage: number | null; months: number | null } {
  if (input.outcome === "refrained") return { level: null, percentage: null, months: null };
  if (input.outcome === "imposed") return { level: level.level, percentage: level.percentage, months: level.months };
  if ((input.percentage === null || input.percentage === undefined) && (input.months === null || input.months === undefined))
    throw invalid("percentage:required", "A lower sanction gives a lower percentage or fewer months");
  const percentage = input.percentage ?? level.percentage;
  const months = input.months ?? level.months;
  if (percentage > level.percentage)
    throw invalid("percentage:notLower", `The ordinance gives ${level.percentage} %; a lower sanction cannot be higher`);
  if (months > level.months)
    throw invalid("months:notLower", `The ordinance gives ${level.months} months; a lower sanction cannot be longer`);
  if (percentage === level.percentage && months === level.months)
    throw invalid("percentage:notLower", "This is the ordinance's level, not a lower one");
  return { level: level.level, percentage, months };
}

/** The decision letter, and an objection against it, follow a decision. */
export function assertDecided(sanction: Pick<SanctionRow, "status">): void {
  if (sanction.status !== "decided") throw refuse("sanctionNotDecided", "Decide the sanction first.");
}

/** An imposed sanction still in place is reconsidered once within three months (art. 18 lid 3). */
export function assertMayReconsider(sanction: Pick<SanctionRow, "reconsider_by" | "reconsidered_on" | "revoked">): void {
  if (!sanction.reconsider_by || sanction.revoked === 1) throw refuse("nothingToReconsider", "Only an imposed sanction is reconsidered.");
  if (sanction.reconsidered_on) throw refuse("alreadyReconsidered", "This sanction has been reconsidered.");
}

/** What the abilities of a sanction look at, loaded with it. */
export interface SanctionFacts {
  sanction: SanctionRow;
  /** The delivery status of the latest hearing invitation, if any. */
  invitationDelivery: string | null;
  /** How many versions the hearing record has. */
  hearingVersions: number;
  today: string;
}

/**
 * What the caller may do with a sanction, by the same assertions its routes enforce. Deciding is open when some
 * outcome is: refraining is allowed even under an exemption, so the exemption rule is checked with the outcome.
 */
export function sanctionAbilities(actor: Actor, facts: SanctionFacts): SanctionAbilities {
  return evaluateAbilities(actor, sanctionChecks(actor, facts));
}

/** Why the caller, whose role may decide, may not decide this sanction now (e.g. sameDecisionMaker), or null. */
export function sanctionDecideRefusal(actor: Actor, facts: SanctionFacts): ProblemCode | null {
  return refusalOf(actor, sanctionChecks(actor, facts).decide);
}

function sanctionChecks(
  actor: Actor,
  { sanction, invitationDelivery, hearingVersions, today }: SanctionFacts,
): Record<keyof SanctionAbilities, AbilityCheck> {
  return {
    invite: { policy: sanctionPolicy.invite, assert: () => assertMayInvite(sanction, invitationDelivery) },
    hear: { policy: sanctionPolicy.hearing, assert: () => assertMayHear(sanction) },
    correctHearing: {
      policy: sanctionPolicy.invite,
      assert: () => assertMayHear(sanction, Math.max(hearingVersions, 1), hearingVersions),
    },
    decide: { policy: sanctionPolicy.decide, assert: () => assertMayDecide(sanction, actor, invitationDelivery, today) },
    reconsider: { policy: sanctionPolicy.decide, assert: () => assertMayReconsider(sanction) },
  };
}

/** What the caller may do with a client's sanctions as a whole. */
export function sanctionListAbilities(actor: Actor): { propose: boolean } {
  return { propose: sanctionPolicy.propose.allows(actor) };
}
