import { passes } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import { roles } from "@server/auth/policy.js";
import type { Abilities } from "@shared/schemas/abilities.js";
import type { PLAN_ACTIONS, PLAN_LIST_ACTIONS } from "@shared/schemas/plans.js";
import { assertPlanHasSteps, assertPlanIsDraft, assertPlanNotSuperseded } from "./plans.rules.js";

/** Consultants and team leads build plans; the client reads their own. */
export const planPolicy = {
  list: roles("plans.list", "admin", "consultant", "teamLead", "client"),
  change: roles("plans.change", "consultant", "teamLead"),
};

/** What the actor may do with a plan version, by the route's policy and the rules its service runs. */
export function planAbilities(
  actor: Actor,
  plan: { status: string },
  steps: readonly { status: string }[],
): Abilities<typeof PLAN_ACTIONS> {
  const changes = planPolicy.change.allows(actor);
  return {
    changeSteps: changes && passes(() => assertPlanNotSuperseded(plan)),
    confirm: changes && passes(() => assertPlanIsDraft(plan)) && passes(() => assertPlanHasSteps(steps)),
  };
}

/** What the actor may do with a client's plan as a whole: add a step (to the draft, opened when needed). */
export function planListAbilities(actor: Actor): Abilities<typeof PLAN_LIST_ACTIONS> {
  return { addStep: planPolicy.change.allows(actor) };
}
