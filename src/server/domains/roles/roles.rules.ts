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
  const asLeft = (p: RejectionUndoFacts["placements"][number]) =>
    p.status === "ended" && p.end_reason === "roleRejected" && p.attributable_to === "organisation" && p.client_side_account === null;
  if (placements.length !== endedCount || !placements.every(asLeft)) {
    throw conflict("roleMovedOn", "A placement the rejection ended has changed since.");
  }
}
