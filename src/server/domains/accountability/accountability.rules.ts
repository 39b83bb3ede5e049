import { evaluateAbilities } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import type { AccountabilityRequestRow } from "@server/db/schema.js";
import { conflict } from "@server/http/errors.js";
import { addDays, addMonths } from "@shared/dates.js";
import type { AccountabilityAbilities } from "@shared/schemas/accountability.js";
import type { Ordinance } from "@shared/schemas/ordinance.js";
import { accountabilityPolicy } from "./accountability.policy.js";

/** Every code by which a rule of this file refuses; the table test lists a case for each. */
export const ACCOUNTABILITY_REFUSALS = ["alreadyAnswered"] as const;

type Versions = ReadonlyMap<number, Pick<Ordinance, "accountabilityOverdueDays" | "accountabilityReminderDays">>;

/** The ordinance version a request was made under; a request always keeps the rules of its own version. */
function versionOf<O>(versions: ReadonlyMap<number, O>, version: number): O {
  const ordinance = versions.get(version);
  if (!ordinance) throw new Error(`Ordinance version ${version} is missing`);
  return ordinance;
}

/**
 * A formalised activity is asked about again once the interval of the ordinance in force has passed since it was
 * formalised or last asked about.
 */
export function isRequestDue(lastAskedOrFormalisedOn: string, intervalMonths: number, date: string): boolean {
  return addMonths(lastAskedOrFormalisedOn, intervalMonths) <= date;
}

/** The date after which an open request is overdue, under the version it was made under. */
export function overdueOn(request: Pick<AccountabilityRequestRow, "requested_on" | "ordinance_version">, versions: Versions): string {
  return addDays(request.requested_on, versionOf(versions, request.ordinance_version).accountabilityOverdueDays);
}

/** Overdue: still open after its overdue date. A reason for a conversation, never a sanction by itself. */
export function isOverdue(
  request: Pick<AccountabilityRequestRow, "status" | "requested_on" | "ordinance_version">,
  versions: Versions,
  date: string,
): boolean {
  return request.status === "open" && overdueOn(request, versions) < date;
}

/** An open request not yet reminded gets one reminder once its version's reminder days have passed. */
export function isReminderDue(
  request: Pick<AccountabilityRequestRow, "status" | "reminded_on" | "requested_on" | "ordinance_version">,
  versions: Versions,
  date: string,
): boolean {
  return (
    request.status === "open" &&
    request.reminded_on === null &&
    addDays(request.requested_on, versionOf(versions, request.ordinance_version).accountabilityReminderDays) <= date
  );
}

/** A request is answered once. */
export function assertOpen(request: Pick<AccountabilityRequestRow, "status">): void {
  if (request.status !== "open") throw conflict("alreadyAnswered", "This request has been answered already.");
}

/** What the caller may do with a request, by the same rules its routes enforce. */
export function accountabilityAbilities(actor: Actor, request: AccountabilityRequestRow): AccountabilityAbilities {
  return evaluateAbilities(actor, {
    respond: { policy: accountabilityPolicy.respond, assert: () => assertOpen(request) },
    // Proof may follow an answer, so uploading has no rule beyond the role.
    addProof: { policy: accountabilityPolicy.respond, assert: () => undefined },
  });
}
