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
