import { evaluateAbilities, refusalOf } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import type { ActivityProposalRow } from "@server/db/schema.js";
import { conflict, invalidField } from "@server/http/errors.js";
import type { ActivityProposalKind } from "@shared/schemas/activity-proposals.js";
import type { ContributionKind } from "@shared/schemas/contributions.js";
import { assertCapacityHolds, type CapacityFacts } from "../plans/plans.rules.js";
import { activityProposalPolicy } from "./activity-proposals.policy.js";

/**
 * Every code by which a rule of this file refuses (a field's code as `field:code`); the table test lists a case for
 * each. Capacity's own codes (`capacityExceeded`, `capacityNotAssessed`) are those of `assertCapacityHolds`.
 */
export const ACTIVITY_PROPOSAL_REFUSALS = [
  "activityProposalDecided",
  "hoursPerWeek:aboveProposed",
  "activityProposalNotDecided",
  "activityMovedOn",
] as const;

/** A proposal is decided once: accepted or declined, it stays so (an objection goes against the decision). */
export function assertProposalPending(proposal: Pick<ActivityProposalRow, "status">): void {
  if (proposal.status !== "pending") throw conflict("activityProposalDecided", "This proposal has been decided already.");
}

/** The consultant may count fewer hours than the client proposed, never more than the client said they do. */
export function assertWithinProposedHours(proposal: Pick<ActivityProposalRow, "hours_per_week">, acceptedHours: number): void {
  if (acceptedHours > proposal.hours_per_week + 1e-9)
    throw invalidField("hoursPerWeek", "aboveProposed", `At most the ${proposal.hours_per_week} hours a week proposed`);
}

/** The facts accepting a proposal is judged on: what the client can do and what is asked of them already. */
export interface AcceptFacts {
  capacity: CapacityFacts;
  /** Hours a week already asked: plan steps, placements, contributions and caregiving together. */
  committedHours: number;
}

/**
 * Accepting a proposal: it is still pending, counts no more hours than proposed, and capacity first — the hours
 * accepted fit beside everything else asked of the client (above it, the consultant may accept fewer hours).
 */
export function assertMayAccept(
  proposal: Pick<ActivityProposalRow, "status" | "hours_per_week">,
  acceptedHours: number,
  facts: AcceptFacts,
) {
  assertProposalPending(proposal);
  assertWithinProposedHours(proposal, acceptedHours);
  assertCapacityHolds(facts.capacity, facts.committedHours + acceptedHours);
}

/** What undoing the decision on a proposal is judged on, read under the client's lock. */
export interface DecisionUndoFacts {
  /** The contribution or caregiving that accepting it made has ended, or the client was asked to account for it. */
  activityMovedOn: boolean;
}

/**
 * The decision on a proposal is undone only where there is one (409 `activityProposalNotDecided`) and nothing followed
 * from it: what accepting it made still runs and was never asked about (409 `activityMovedOn`). Whether its letter is
 * still inside is the letters' rule.
 */
export function assertDecisionUndoable(proposal: Pick<ActivityProposalRow, "status" | "decision_id">, facts: DecisionUndoFacts): void {
  if (proposal.status === "pending" || proposal.decision_id === null) {
    throw conflict("activityProposalNotDecided", "This proposal waits for a decision: there is nothing to undo.");
  }
  if (facts.activityMovedOn) {
    throw conflict("activityMovedOn", "What accepting it made has ended or was asked about meanwhile: end that instead.");
  }
}

/** Hours a week still free within capacity, never below zero; null while capacity is not assessed. */
export function hoursAvailable(facts: AcceptFacts): number | null {
  if (facts.capacity.hoursPerWeek === null) return null;
  return Math.max(0, Math.round((facts.capacity.hoursPerWeek - facts.committedHours) * 100) / 100);
}

/** What an accepted proposal becomes: caregiving beyond customary care, or a formalised contribution of this kind. */
export function contributionKindOf(kind: ActivityProposalKind): ContributionKind | "caregiving" {
  if (kind === "caregiving") return "caregiving";
  if (kind === "volunteerWork") return "existingVolunteerWork";
  return kind;
}

const acceptCheck = (proposal: ActivityProposalRow, facts: AcceptFacts) => ({
  policy: activityProposalPolicy.decide,
  assert: () => assertMayAccept(proposal, proposal.hours_per_week, facts),
});

/** What the caller may do with one proposal, by the same assertions its routes run. */
export function activityProposalAbilities(actor: Actor, proposal: ActivityProposalRow, facts: AcceptFacts) {
  return evaluateAbilities(actor, {
    decide: { policy: activityProposalPolicy.decide, assert: () => assertProposalPending(proposal) },
    acceptAsProposed: acceptCheck(proposal, facts),
    addEvidence: { policy: activityProposalPolicy.upload, assert: () => assertProposalPending(proposal) },
  });
}

/** Why a pending proposal cannot be accepted with all its hours, for a caller who decides: the capacity rule's code. */
export function acceptRefusalOf(
  actor: Actor,
  proposal: ActivityProposalRow,
  facts: AcceptFacts,
): "capacityExceeded" | "capacityNotAssessed" | null {
  if (proposal.status !== "pending") return null;
  const code = refusalOf(actor, acceptCheck(proposal, facts));
  return code === "capacityExceeded" || code === "capacityNotAssessed" ? code : null;
}

/** What the caller may do with a client's proposals as a whole. */
export function activityProposalListAbilities(actor: Actor): { propose: boolean } {
  return { propose: activityProposalPolicy.propose.allows(actor) };
}
