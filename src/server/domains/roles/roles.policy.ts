import { passes } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import { PUBLIC, roles } from "@server/auth/policy.js";
import type { Abilities } from "@shared/schemas/abilities.js";
import type { COMPLAINT_ACTIONS, ROLE_ACTIONS, ROLE_LIST_ACTIONS } from "@shared/schemas/roles.js";
import { placementPolicy } from "../placements/placements.policy.js";
import { roleTakesPlacements } from "../placements/placements.rules.js";
import type { RoleWithCounts } from "./roles.repo.js";
import { assertComplaintOpen, assertRoleReviewable } from "./roles.rules.js";

/** Hosts and consultants describe roles; team leads and admins review; anyone may file a complaint. */
export const rolePolicy = {
  list: roles("roles.list", "admin", "consultant", "teamLead", "host", "agencyWorker"),
  /** The role picker of a referral: who may propose a client for a role. */
  options: roles("roles.options", "consultant", "teamLead"),
  create: roles("roles.create", "admin", "consultant", "host"),
  review: roles("roles.review", "admin", "teamLead"),
  complain: PUBLIC,
  decideComplaint: roles("complaints.decide", "admin", "teamLead"),
};

/**
 * What the actor may do with a role, by the routes' policies and the rules their services run; whether they can undo
 * its rejection comes loaded (`mayUndoReview`).
 */
export function roleAbilities(actor: Actor, role: RoleWithCounts, reviewUndoable = false): Abilities<typeof ROLE_ACTIONS> {
  return {
    review: rolePolicy.review.allows(actor) && passes(() => assertRoleReviewable(role, "approved")),
    reject: rolePolicy.review.allows(actor) && passes(() => assertRoleReviewable(role, "rejected")),
    decideComplaints: rolePolicy.decideComplaint.allows(actor) && Number(role.open_complaints ?? 0) > 0,
    viewComplaints: rolePolicy.review.allows(actor),
    refer: placementPolicy.propose.allows(actor) && roleTakesPlacements(role),
    fileComplaint: true,
    undoReview: rolePolicy.review.allows(actor) && reviewUndoable,
  };
}

/** What the actor may do with the roles as a whole. */
export function roleListAbilities(actor: Actor): Abilities<typeof ROLE_LIST_ACTIONS> {
  return { create: rolePolicy.create.allows(actor) };
}

/**
 * What the caller (anyone, logged in or not) may do with a displacement complaint; whether they can undo its upholding
 * comes loaded (`mayUndoComplaint`).
 */
export function complaintAbilities(
  actor: Actor | null,
  complaint: { status: string },
  undoable = false,
): Abilities<typeof COMPLAINT_ACTIONS> {
  const decides = actor !== null && rolePolicy.decideComplaint.allows(actor);
  return { decide: decides && passes(() => assertComplaintOpen(complaint)), undo: decides && undoable };
}
