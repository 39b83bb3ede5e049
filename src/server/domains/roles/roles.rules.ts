import type { Actor } from "@server/auth/actor.js";
import { conflict, forbidden } from "@server/http/errors.js";

/** Hosts describe roles of their own organisation; staff describe roles of any organisation. */
export function assertMayDescribeRoleFor(actor: Pick<Actor, "role" | "organisationId">, organisationId: string): void {
  if (actor.role === "host" && actor.organisationId !== organisationId) {
    throw forbidden("otherOrganisation", "Hosts describe roles of their own organisation.");
  }
}

/** A reviewer decides only a role whose displacement check asked for a review, and only once. */
export function assertRoleUnderReview(role: { status: string }): void {
  if (role.status !== "needsReview") {
    throw conflict("roleNotUnderReview", `This role is ${role.status}; only roles that need review are reviewed.`);
  }
}

/** A displacement complaint is decided once. */
export function assertComplaintOpen(complaint: { status: string }): void {
  if (complaint.status !== "open") throw conflict("complaintDecided", "This complaint has been decided.");
}
