import { type AbilityCheck, evaluateAbilities, refusalOf } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import type { ExemptionRow, SanctionRow } from "@server/db/schema.js";
import { conflict, type FieldErrorCode, forbidden, invalidField } from "@server/http/errors.js";
import { addDays, addMonths } from "@shared/dates.js";
import type { ProblemCode } from "@shared/problem-codes.js";
import type { Ordinance } from "@shared/schemas/ordinance.js";
import {
  SANCTION_BLOCKS,
  type SanctionAbilities,
  type SanctionDecisionInput,
  type SanctionLetterStep,
  type SanctionProposalInput,
} from "@shared/schemas/sanctions.js";
import { assertBuddyNoGround } from "../buddies/buddies.rules.js";
import { isFullExemptionOn } from "../exemptions/exemptions.rules.js";
import { assertLetterMayBeWithdrawn, type LetterDispatchFacts } from "../letters/letters.rules.js";
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
  "planId:unknownPlan",
  "planStepId:unknownPlanStep",
  "urgentReasons",
  "nothingToUndo",
  "objectionExists",
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
type Evidence = Pick<
  SanctionProposalInput,
  "ground" | "factsDate" | "placementId" | "appointmentId" | "letterId" | "planId" | "planStepId" | "notDone"
>;
/** What an earlier sanction named as its facts. */
type EarlierSanction = Pick<SanctionRow, "ground" | "appointment_id" | "placement_id" | "letter_id" | "plan_id" | "plan_step_id">;
/** A placement as the proposal rules see it. */
export interface PlacementFacts {
  status: string;
  attributable_to: string | null;
  ended_on?: string | null;
}
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
 * Who ended a placement is the consultant's determination after hearing the client: until then it is pending
 * (`undetermined`, or not recorded), and only an ending attributed to the client can carry a sanction.
 */
export function assertEndingAttributedToClient(placement: Pick<PlacementFacts, "attributable_to">): void {
  const cause = placement.attributable_to;
  if (cause === null || cause === "undetermined")
    throw refuse("attributionPending", "Who ended this placement is not determined yet: hear the client and determine it first.");
  if (cause !== "client") throw refuse("dropoutNotAttributable", `The placement ended attributable to ${cause}: no ground for a sanction.`);
}

/**
 * The linked placement is the client's, ended, and its ending is attributed to the client by the consultant: an
 * ending caused by the organisation, health, caring duties or no one is no ground for a sanction.
 */
export function assertDropoutAttributable(placement: PlacementFacts | undefined): void {
  if (!placement) throw invalid("placementId:unknownPlacement", "Not a placement of this client");
  if (placement.status !== "ended") throw refuse("placementNotEnded", "The placement has not ended.");
  assertEndingAttributedToClient(placement);
}

/**
 * A placement named for insufficient effort is the client's and has started; when it has ended, only an ending
 * attributed to the client may be looked at again as lack of effort.
 */
export function assertPlacementConcerned(placement: PlacementFacts | undefined): void {
  if (!placement) throw invalid("placementId:unknownPlacement", "Not a placement of this client");
  if (placement.status === "ended") assertEndingAttributedToClient(placement);
  else if (placement.status !== "active") throw refuse("noObligation", "A placement that has not started asked nothing of the client yet.");
}

/** The linked appointment is the client's and was missed. */
export function assertAppointmentMissed(appointment: { status: string } | undefined): void {
  if (!appointment) throw invalid("appointmentId:unknownAppointment", "Not an appointment of this client");
  if (appointment.status !== "missed") throw refuse("appointmentNotMissed", "The appointment was not missed.");
}

/** A missed appointment as the proposal rules see it. */
export interface AppointmentFacts {
  status: string;
  kind: string;
  /** The invitation letter, which states the duty to attend; null when the appointment was made without one. */
  invitation_letter_id: string | null;
}

/**
 * A missed appointment is a ground only when a letter invited to it that stated the duty to attend (its delivery
 * is checked with the other letters), and never the first missed intake: the work queue and the first invitation
 * letter promise a second invitation first (`earlierMissedIntakes` counts the client's intakes missed before it).
 */
export function assertMissedAfterInvitation(appointment: AppointmentFacts, earlierMissedIntakes: number): void {
  if (!appointment.invitation_letter_id)
    throw refuse("letterRequired", "No invitation letter stated the duty to attend this appointment: no sanction without it.");
  if (appointment.kind === "intake" && earlierMissedIntakes === 0)
    throw refuse("secondInvitationFirst", "A first missed intake is no ground for a sanction: invite the client a second time first.");
}

/** A refused contribution rests on the delivered letter or the confirmed plan that asked it; "no letter" is no way around. */
export function assertContributionAsked(
  input: Pick<Evidence, "letterId" | "planId">,
  plan: { confirmed_on: string | null } | undefined,
): void {
  if (!input.letterId && !input.planId)
    throw refuse("letterRequired", "Name the delivered letter or the confirmed plan that asked this contribution.");
  if (input.planId) {
    if (!plan) throw invalid("planId:unknownPlan", "Not a plan of this client");
    if (!plan.confirmed_on) throw refuse("letterRequired", "A plan that is not confirmed asked nothing of the client.");
  }
}

/** Insufficient effort names the confirmed plan step or the placement it concerns, and what was asked and not done. */
export function assertObligationNamed(
  input: Pick<Evidence, "planStepId" | "placementId" | "notDone">,
  planStep: { plan_confirmed_on: string | null } | undefined,
): void {
  if ((!input.planStepId && !input.placementId) || !input.notDone?.trim())
    throw refuse("noObligation", "Name the plan step or placement concerned, and what was asked and not done.");
  if (input.planStepId) {
    if (!planStep) throw invalid("planStepId:unknownPlanStep", "Not a step of a plan of this client");
    if (!planStep.plan_confirmed_on) throw refuse("noObligation", "A step of a plan that is not confirmed asked nothing of the client.");
  }
}

/** The facts are recent: older than the ordinance's `maxFactsAgeDays` they are no ground. */
export function assertFactsRecent(factsDate: string, today: string, maxFactsAgeDays: number): void {
  if (factsDate < addDays(today, -maxFactsAgeDays))
    throw refuse("factsTooOld", `The facts are older than the ordinance's ${maxFactsAgeDays} days.`);
}

/**
 * No side door around who ended a placement. When the client's most recent placement ending lies within the last
 * three months and was not attributed to the client (pending, or to another party), a proposal on another ground
 * about the same facts is refused as the ending itself would be. "The same facts": a proposal that names no missed
 * appointment of its own (a missed appointment is a fact of its own, with its own letter) and whose facts date lies
 * within the three months before that ending or after it. A placement named directly is checked by its own rules.
 */
export function assertNoSideDoor(
  input: Pick<Evidence, "ground" | "factsDate" | "appointmentId">,
  latestEnding: Required<Pick<PlacementFacts, "attributable_to" | "ended_on">> | null,
  today: string,
): void {
  if (!latestEnding?.ended_on || input.ground === "stoppedPlacementWithoutReason" || input.appointmentId) return;
  if (latestEnding.ended_on < addMonths(today, -3)) return;
  if (input.factsDate < addMonths(latestEnding.ended_on, -3)) return;
  assertEndingAttributedToClient(latestEnding);
}

/** The facts a proposal rests on, as (column, id): a sanction counts each fact once. */
function factsNamed(input: Evidence): [keyof EarlierSanction, string][] {
  const named: [keyof EarlierSanction, string | null | undefined][] = [
    ["appointment_id", input.appointmentId],
    ["placement_id", input.placementId],
    ["plan_step_id", input.planStepId],
    // A letter or plan is the fact itself only when it asked the contribution that was refused.
    ...(input.ground === "refusedContribution"
      ? ([
          ["letter_id", input.letterId],
          ["plan_id", input.planId],
        ] as [keyof EarlierSanction, string | null | undefined][])
      : []),
  ];
  return named.filter((entry): entry is [keyof EarlierSanction, string] => Boolean(entry[1]));
}

/**
 * One sanction per fact: no proposal names an appointment, placement or plan step (or, for a refused contribution,
 * the letter or plan that asked it) that an earlier sanction of the client named, whether open, decided or revoked
 * on objection (the fact has then been judged).
 */
export function assertOneSanctionPerFact(input: Evidence, earlier: readonly EarlierSanction[]): void {
  const facts = factsNamed(input);
  const same = earlier.some((sanction) =>
    facts.some(
      ([column, id]) =>
        sanction[column] === id && (column !== "letter_id" && column !== "plan_id" ? true : sanction.ground === "refusedContribution"),
    ),
  );
  if (same) throw refuse("duplicateFact", "A sanction on these facts has been proposed or decided already.");
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
  /** The ordinance in force today: facts older than this many days are no ground. */
  maxFactsAgeDays: number;
  exemptions: readonly Exemption[];
  /** The linked placement of this client (undefined when not found); absent when none is linked. */
  placement?: PlacementFacts | undefined;
  /** The linked appointment of this client (undefined when not found); absent when none is linked. */
  appointment?: AppointmentFacts | undefined;
  /** How many of the client's intakes were missed that an invitation before the linked appointment's invited to. */
  earlierMissedIntakes: number;
  /** The linked letter to this client (undefined when not found); absent when none is linked. */
  letter?: { delivery_status: string; decision_type?: string | null } | undefined;
  /** The linked plan of this client (undefined when not found); absent when none is linked. */
  plan?: { confirmed_on: string | null } | undefined;
  /** The linked plan step of this client with its type and its plan's confirmation (undefined when not found). */
  planStep?: { plan_confirmed_on: string | null; type?: string } | undefined;
  /** The client's most recently ended placement, if any. */
  latestEnding: Required<Pick<PlacementFacts, "attributable_to" | "ended_on">> | null;
  /** The client's earlier sanctions, with the facts they named. */
  earlier: readonly EarlierSanction[];
  /** The delivery of every letter the proposal relies on: the appointment's invitation and the linked letter. */
  reliedOnDeliveries: readonly string[];
}

/** Every rule a proposal passes before anything is stored, in the order they are explained to the consultant. */
export function assertMayPropose(input: SanctionProposalInput, facts: ProposalFacts): void {
  assertProposalComplete(input, facts.today);
  assertBuddyNoGround({ planStep: input.planStepId ? facts.planStep : undefined, letter: input.letterId ? facts.letter : undefined });
  assertCulpable(input.culpability);
  assertFactsRecent(input.factsDate, facts.today, facts.maxFactsAgeDays);
  assertNoExemptionInForce(facts.exemptions, [input.factsDate, facts.today]);
  assertNoExemptionPending(facts.exemptions);
  if (input.ground === "stoppedPlacementWithoutReason") assertDropoutAttributable(facts.placement);
  else if (input.placementId) assertPlacementConcerned(facts.placement);
  if (input.ground === "refusedContribution") assertContributionAsked(input, facts.plan);
  if (input.ground === "insufficientEffort") assertObligationNamed(input, facts.planStep);
  assertNoSideDoor(input, facts.latestEnding, facts.today);
  if (input.appointmentId) {
    assertAppointmentMissed(facts.appointment);
    if (facts.appointment && input.ground === "missedAppointments")
      assertMissedAfterInvitation(facts.appointment, facts.earlierMissedIntakes);
  }
  if (input.letterId) assertLetterOfClient(facts.letter);
  assertLetterDelivered(facts.reliedOnDeliveries);
  assertOneSanctionPerFact(input, facts.earlier);
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

/**
 * A sanction is not imposed while the urgent reasons recorded with the proposal stand: the decider refrains, or
 * records with reasons, as a new weighing, that they no longer apply. Refraining is always possible.
 */
export function assertNoUrgentReasons(
  sanction: Pick<SanctionRow, "urgent_reasons">,
  input: Pick<SanctionDecisionInput, "outcome" | "urgentReasonsLapsed">,
): void {
  if (input.outcome === "refrained" || sanction.urgent_reasons !== 1 || input.urgentReasonsLapsed?.reasons.trim()) return;
  throw refuse("urgentReasons", "Urgent reasons to refrain are recorded: refrain, or record with reasons that they no longer apply.");
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

type Undoable = Pick<
  SanctionRow,
  "status" | "hearing_letter_id" | "hearing_record" | "decision_letter_id" | "reconsidered_on" | "revoked" | "reconsideration_decision_id"
>;

/**
 * The latest step of a sanction that sent the client a letter, which an undo would take back: the reconsideration
 * that ended it (its decision has the letter), else the decision, else the invitation to the hearing.
 */
export function latestLetterStep(sanction: Undoable): SanctionLetterStep | null {
  if (sanction.reconsideration_decision_id) return "reconsideration";
  if (sanction.status === "decided") return sanction.decision_letter_id ? "decision" : null;
  return sanction.hearing_letter_id ? "hearingInvitation" : null;
}

/**
 * A step is undone only while it is the sanction's latest that sent a letter (409 nothingToUndo) and nothing has
 * answered it: an invitation not once the client has been heard (alreadyHeard), a decision not once it was
 * reconsidered (alreadyReconsidered) or objected to (objectionExists), a reconsideration not once its decision was
 * objected to. Whether its letter is still inside is the letters' rule, checked beside this one.
 */
export function assertSanctionStepUndoable(sanction: Undoable, step: SanctionLetterStep, objected: boolean): void {
  if (step === "hearingInvitation") {
    assertStillProposed(sanction);
    assertNotHeard(sanction);
  } else if (step === "decision") {
    assertDecided(sanction);
    if (sanction.reconsidered_on) throw refuse("alreadyReconsidered", "This decision was reconsidered: undo the reconsideration first.");
  }
  if (latestLetterStep(sanction) !== step) throw refuse("nothingToUndo", "This step sent no letter that is the sanction's latest.");
  if (objected || sanction.revoked === 1) throw refuse("objectionExists", "The client objected to this decision: it stands.");
}

/** What undoing a sanction's latest letter step looks at, loaded with it. */
export interface SanctionUndoFacts {
  /** That step's letter, as far as it says whether the letter has left the building, and who made it. */
  letter: LetterDispatchFacts & { createdBy: string | null };
  /** An objection was made against the decision that step made. */
  objected: boolean;
}

/** What the abilities of a sanction look at, loaded with it. */
export interface SanctionFacts {
  sanction: SanctionRow;
  /** The delivery status of the latest hearing invitation, if any. */
  invitationDelivery: string | null;
  /** How many versions the hearing record has. */
  hearingVersions: number;
  /** The latest step that sent a letter, with that letter; null when no step did. */
  undo: SanctionUndoFacts | null;
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
  { sanction, invitationDelivery, hearingVersions, undo, today }: SanctionFacts,
): Record<keyof SanctionAbilities, AbilityCheck> {
  return {
    invite: { policy: sanctionPolicy.invite, assert: () => assertMayInvite(sanction, invitationDelivery) },
    hear: { policy: sanctionPolicy.hearing, assert: () => assertMayHear(sanction) },
    correctHearing: {
      policy: sanctionPolicy.invite,
      assert: () => assertMayHear(sanction, Math.max(hearingVersions, 1), hearingVersions),
    },
    decide: { policy: sanctionPolicy.decide, assert: () => assertMayDecide(sanction, actor, invitationDelivery, today) },
    impose: {
      policy: sanctionPolicy.decide,
      assert: () => {
        assertMayDecide(sanction, actor, invitationDelivery, today);
        assertNoUrgentReasons(sanction, { outcome: "imposed" });
      },
    },
    reconsider: { policy: sanctionPolicy.decide, assert: () => assertMayReconsider(sanction) },
    undo: {
      policy: sanctionPolicy.undo,
      assert: () => {
        const step = latestLetterStep(sanction);
        if (!step || !undo) throw refuse("nothingToUndo", "No step of this sanction sent a letter.");
        assertSanctionStepUndoable(sanction, step, undo.objected);
        assertLetterMayBeWithdrawn(undo.letter, actor);
      },
    },
  };
}

/** What the caller may do with a client's sanctions as a whole. */
export function sanctionListAbilities(actor: Actor): { propose: boolean } {
  return { propose: sanctionPolicy.propose.allows(actor) };
}
