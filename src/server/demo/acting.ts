import type { Actor, RequestContext } from "@server/auth/actor.js";
import { TestClock } from "@server/clock.js";
import { AppError } from "@server/http/errors.js";

/** A staff member who acts in the demo's past. */
export interface Staff {
  id: string;
  displayName: string;
  districts: string[];
}

/** The request context of a staff member on a day in the past: every rule and letter then reads that day. */
export function contextOn(staff: Staff, role: Actor["role"], day: string): RequestContext {
  const clock = new TestClock(`${day}T09:30:00.000Z`);
  const actor: Actor = {
    id: staff.id,
    email: "",
    displayName: staff.displayName,
    role,
    districts: staff.districts,
    organisationId: null,
    clientId: null,
    scopeDate: day,
  };
  return { actor, requestId: "demo-history", clock };
}

/** A refusal by rule is part of the demo (the service audits it); anything else is a fault in the seed. */
export async function refusedByRule<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof AppError && error.status === 409) return undefined;
    throw error;
  }
}
