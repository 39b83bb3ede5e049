import { AppError } from "@server/http/errors.js";
import type { ProblemCode } from "@shared/problem-codes.js";
import type { Actor } from "./actor.js";
import type { Policy } from "./policy.js";

/** One action: the route's policy for the caller's role, then the rules that would refuse it in this state. */
export interface AbilityCheck {
  policy: Policy;
  assert: () => void;
}

/**
 * Whether an action would be allowed: the route's policy admits the role and no rule refuses. A refusal is an
 * AppError thrown by the same assertion the server runs; any other error is a fault and propagates.
 */
export function isAllowed(actor: Actor, check: AbilityCheck): boolean {
  return check.policy.allows(actor) && passes(check.assert);
}

/**
 * Whether a rule lets the action through: runs the named assertion the service runs and answers false where it
 * refuses. An ability is thereby computed by the very assertion that guards the action, never by a copy of it.
 */
export function passes(assertion: () => void): boolean {
  try {
    assertion();
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/**
 * Why a rule refuses an action the caller's role may take: the refusing assertion's code, or null when the action
 * is allowed or the role never may (there is nothing to explain then). The web app explains an absent action by it.
 */
export function refusalOf(actor: Actor, check: AbilityCheck): ProblemCode | null {
  if (!check.policy.allows(actor)) return null;
  try {
    check.assert();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

/** The caller's abilities on one resource: a boolean per action, from the assertions the server enforces. */
export function evaluateAbilities<K extends string>(actor: Actor, checks: Record<K, AbilityCheck>): Record<K, boolean> {
  const entries = (Object.keys(checks) as K[]).map((action) => [action, isAllowed(actor, checks[action])] as const);
  return Object.fromEntries(entries) as Record<K, boolean>;
}
