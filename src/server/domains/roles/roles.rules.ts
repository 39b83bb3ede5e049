import type { Actor } from "@server/auth/actor.js";
import { conflict, forbidden } from "@server/http/errors.js";

/** Hosts describe roles of their own organisation; staff describe roles of any organisation. */
export function assertMayDescribeRoleFor(actor: Pick<Actor, "role" | "organisationId">, organisationId: string): void {
  if (actor.role === "host" && actor.organisationId !== organisationId) {
    throw forbidden("otherOrganisation", "Hosts describe roles of their own organisation.");
  }
}

/**
 * A reviewer decides a role whose displacement check asked for a review, once; and may reject an approved role on a
 * later review (signs of displacement without a complaint). A rejected role stays rejected.
 */
export function assertRoleReviewable(role: { status: string }, outcome: "approved" | "rejected"): void {
  if (role.status === "needsReview") return;
  if (role.status === "approved" && outcome === "rejected") return;
  throw conflict(
    "roleNotUnderReview",
    role.status === "approved"
      ? "This role is approved; a later review can only reject it."
      : `This role is ${role.status}; only roles that need review or are approved are reviewed.`,
  );
}

/** A displacement complaint is decided once. */
export function assertComplaintOpen(complaint: { status: string }): void {
  if (complaint.status !== "open") throw conflict("complaintDecided", "This complaint has been decided.");
}

/** What an undo of a role's rejection looks at, read under the locks of the role, its clients and its placements. */
export interface RejectionUndoFacts {
  role: { status: string };
  /** The role's latest displacement check, with what a rejection keeps to put back. */
  check: { kind: string; outcome: string; role_status_before?: string | null } | undefined;
  /** How many placements the rejection ended, and those placements as they are now. */
  endedCount: number;
  placements: readonly { status: string; end_reason: string | null; attributable_to: string | null; client_side_account: string | null }[];
}

/** Each placement a rejection ended is still ended as it left it: no other attribution, no side of the client's since. */
function placementsAsLeft({ endedCount, placements }: Pick<RejectionUndoFacts, "endedCount" | "placements">): boolean {
  const asLeft = (p: RejectionUndoFacts["placements"][number]) =>
    p.status === "ended" && p.end_reason === "roleRejected" && p.attributable_to === "organisation" && p.client_side_account === null;
  return placements.length === endedCount && placements.every(asLeft);
}

/**
 * A review's rejection of a role is undone only when it is the role's latest decision and ended placements with letters
 * (409 nothingToUndo otherwise), the role is still rejected and each placement it ended is still ended as it left it:
 * no other attribution, no side of the client's given since (409 roleMovedOn).
 */
export function assertRejectionUndoable({ role, check, endedCount, placements }: RejectionUndoFacts): void {
  if (check?.kind !== "review" || check.outcome !== "rejected" || !check.role_status_before || endedCount === 0) {
    throw conflict("nothingToUndo", "The role's latest review did not end placements with letters that can be taken back.");
  }
  if (role.status !== "rejected") throw conflict("roleMovedOn", `The role is ${role.status} now.`);
  if (!placementsAsLeft({ endedCount, placements })) throw conflict("roleMovedOn", "A placement the rejection ended has changed since.");
}

/** What an undo of an upheld complaint looks at: the complaint, and the same as an undo of a rejection. */
export interface UpheldComplaintUndoFacts extends Omit<RejectionUndoFacts, "check"> {
  complaint: { status: string; decided_by: string | null; decided_at: string | null };
  check: (RejectionUndoFacts["check"] & { decided_by: string | null; created_at: string }) | undefined;
}

/**
 * An upheld complaint is undone only when it is upheld, its rejection is the role's latest decision (the check it made,
 * same moment and same reviewer) and that rejection ended placements with letters (409 nothingToUndo otherwise); and,
 * as for a review's rejection, the role is still rejected and each placement it ended still ended as it left it (409
 * roleMovedOn).
 */
export function assertUpheldComplaintUndoable({ complaint, role, check, endedCount, placements }: UpheldComplaintUndoFacts): void {
  const itsCheck = check?.kind === "complaint" && check.created_at === complaint.decided_at && check.decided_by === complaint.decided_by;
  if (complaint.status !== "upheld" || !itsCheck || !check.role_status_before || endedCount === 0) {
    throw conflict("nothingToUndo", "This complaint's decision is not the role's latest, or ended no placements with letters.");
  }
  if (role.status !== "rejected") throw conflict("roleMovedOn", `The role is ${role.status} now.`);
  if (!placementsAsLeft({ endedCount, placements })) throw conflict("roleMovedOn", "A placement the rejection ended has changed since.");
}
