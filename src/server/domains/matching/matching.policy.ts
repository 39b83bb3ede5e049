import { passes } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import { roles } from "@server/auth/policy.js";
import type { Abilities } from "@shared/schemas/abilities.js";
import type { MATCH_PLAN_LIST_ACTIONS, PROPOSAL_ACTIONS, PROPOSAL_LIST_ACTIONS } from "@shared/schemas/matching.js";
import { assertMayPlanFor, assertNoPlanInProgress, assertProposalPending } from "./matching.rules.js";

/** Consultants and team leads see suggestions and review proposals; team leads (their districts) and admins plan. */
export const matchingPolicy = {
  suggest: roles("matching.suggest", "consultant", "teamLead", "agencyWorker"),
  plan: roles("matching.plan", "teamLead", "admin"),
  review: roles("matching.review", "consultant", "teamLead", "admin"),
  decide: roles("matching.decide", "consultant", "teamLead"),
};

/** Whether the actor may start a plan now: the route's policy, a district to plan for, and no plan in progress. */
export function matchPlanListAbilities(actor: Actor, inProgress: { id: string } | undefined): Abilities<typeof MATCH_PLAN_LIST_ACTIONS> {
  // A team lead plans one of their districts, an admin the city: the district they would plan first.
  const district = actor.role === "teamLead" ? (actor.districts[0] ?? null) : null;
  const start =
    matchingPolicy.plan.allows(actor) &&
    passes(() => assertMayPlanFor(actor, district)) &&
    passes(() => assertNoPlanInProgress(inProgress));
  return { start, startCityWide: start && passes(() => assertMayPlanFor(actor, null)) };
}

/** Whether the actor decides proposals at all (each proposal's own abilities say whether it still can be decided). */
export function proposalListAbilities(actor: Actor): Abilities<typeof PROPOSAL_LIST_ACTIONS> {
  return { decide: matchingPolicy.decide.allows(actor) };
}

/** Whether the actor may follow or reject a proposal: the decide policy and a proposal still pending. */
export function proposalAbilities(actor: Actor, proposal: { status: string }): Abilities<typeof PROPOSAL_ACTIONS> {
  const may = matchingPolicy.decide.allows(actor) && passes(() => assertProposalPending(proposal));
  return { follow: may, reject: may };
}
