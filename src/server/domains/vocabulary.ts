import { CASEWORK_DEFAULTS } from "@shared/casework.js";
import { addDays } from "@shared/dates.js";
import type { ExemptionStatus } from "@shared/schemas/exemptions.js";
import type { PlacementStatus } from "@shared/schemas/placements.js";

/**
 * The words of the domain that more than one capability uses, each defined once. A rule or query that means
 * "an open placement" or "an exemption in force" uses these, so the meaning cannot drift between copies.
 */

export { ACTIVE_STEP_STATUSES } from "@shared/schemas/plans.js";

/**
 * Open placements: referred, accepted or running. They hold a place in their role, count against the client's
 * capacity and guidance, keep the client visible to the host, and a client has at most one per role.
 */
export const OPEN_PLACEMENT_STATUSES = ["proposed", "accepted", "active"] as const satisfies readonly PlacementStatus[];

/** An open referral: a placement proposed to the host and not yet answered. Its guidance is asked, not yet in use. */
export const OPEN_REFERRAL_STATUS = "proposed" as const satisfies PlacementStatus;

/** Agreed placements: accepted or running. Their guidance hours are in use at the organisation. */
export const AGREED_PLACEMENT_STATUSES = ["accepted", "active"] as const satisfies readonly PlacementStatus[];

/** The status of an exemption that binds: decided (and co-signed where needed). It is in force within its dates. */
export const EXEMPTION_IN_FORCE_STATUS = "active" as const satisfies ExemptionStatus;

/** Exemptions that were granted: in force now or ended since. On a past date they bound if it fell in their term. */
export const GRANTED_EXEMPTION_STATUSES = ["active", "ended"] as const satisfies readonly ExemptionStatus[];

/** Exemptions that have not ended yet and can still end (by the consultant, or by the daily job at their end date). */
export const CURRENT_EXEMPTION_STATUSES = ["active", "awaitingCoSign"] as const satisfies readonly ExemptionStatus[];

/** Whether an exemption binds on a date: in force and within its dates. */
export function isExemptionInForce(row: { status: string; start_date: string; end_date: string | null }, date: string): boolean {
  return row.status === EXEMPTION_IN_FORCE_STATUS && row.start_date <= date && (row.end_date === null || row.end_date >= date);
}

/** How long a host still sees a client after a referral or placement ends or is declined, in days. */
export const HOST_VISIBILITY_DAYS_AFTER_END = CASEWORK_DEFAULTS.hostVisibilityDaysAfterEnd;

/** The first day of the host visibility window: a placement closed on or after it is still visible to its host. */
export function hostVisibleSince(today: string): string {
  return addDays(today, -HOST_VISIBILITY_DAYS_AFTER_END);
}

/** Whether a value is one of a constant list of statuses, narrowing it to that list's union. */
export function isOneOf<T extends string>(statuses: readonly T[], value: string): value is T {
  return (statuses as readonly string[]).includes(value);
}
