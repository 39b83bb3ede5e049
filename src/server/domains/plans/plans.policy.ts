import { passes } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import { roles } from "@server/auth/policy.js";
import type { Abilities } from "@shared/schemas/abilities.js";
import type { PLAN_ACTIONS, PLAN_LIST_ACTIONS } from "@shared/schemas/plans.js";
import {
  asksHours,
  assertDurationWithin,
  assertPlanHasSteps,
  assertPlanIsDraft,
  assertPlanNotSuperseded,
  countsAgainstCapacity,
} from "./plans.rules.js";

/** Consultants and team leads build plans; the client reads their own. */
export const planPolicy = {
  list: roles("plans.list", "admin", "consultant", "teamLead", "client", "agencyWorker"),
  change: roles("plans.change", "consultant", "teamLead"),
};

type StepFacts = { status: string; hours_per_week: number; start_date: string; end_date: string | null };

/**
 * What the actor may do with a plan version, by the route's policy and the rules its service runs. Confirming also
 * needs every step that asks hours to end within the ordinance's maximum duration (the capacity and the norm count
 * what is asked outside the plan too, so only the server's answer to the confirmation decides those).
 */
export function planAbilities(
  actor: Actor,
  plan: { status: string },
  steps: readonly StepFacts[],
  frame: { maxDurationMonths: number },
  /** From `mayUndoConfirmation`: the plan in force, no newer draft, its letter still inside and the actor's to undo. */
  confirmationUndoable = false,
): Abilities<typeof PLAN_ACTIONS> {
  const changes = planPolicy.change.allows(actor);
  const withinDuration = steps
    .filter((s) => countsAgainstCapacity(s) && asksHours(s))
    .every((s) => passes(() => assertDurationWithin(frame.maxDurationMonths, s.start_date, s.end_date)));
  return {
    changeSteps: changes && passes(() => assertPlanNotSuperseded(plan)),
    confirm: changes && passes(() => assertPlanIsDraft(plan)) && passes(() => assertPlanHasSteps(steps)) && withinDuration,
    undoConfirmation: changes && confirmationUndoable,
  };
}

/** What the actor may do with a client's plan as a whole: add a step (to the draft, opened when needed). */
export function planListAbilities(actor: Actor): Abilities<typeof PLAN_LIST_ACTIONS> {
  return { addStep: planPolicy.change.allows(actor) };
}
