import { passes } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import { roles } from "@server/auth/policy.js";
import type { Abilities } from "@shared/schemas/abilities.js";
import type { AGENCY_ACTIONS, ASSIGNMENT_ACTIONS } from "@shared/schemas/agencies.js";
import { assertAssignmentEndable, type EndableAssignment } from "./agencies.rules.js";

/**
 * Admins register agencies and keep their registration up to date; the municipality's team leads give clients to
 * them, end an assignment early and read their results; an agency worker reads their own agency and its current
 * assignments, and never ends one or changes the agency. Which agencies and assignments is decided in the repo.
 */
export const agencyPolicy = {
  list: roles("agencies.list", "admin", "teamLead", "agencyWorker"),
  read: roles("agencies.read", "admin", "teamLead", "agencyWorker"),
  create: roles("agencies.create", "admin"),
  update: roles("agencies.update", "admin"),
  assign: roles("agencies.assign", "teamLead"),
  endAssignment: roles("agencies.endAssignment", "teamLead"),
  assignments: roles("agencies.assignments", "admin", "teamLead", "agencyWorker"),
  results: roles("agencies.results", "admin", "teamLead"),
};

/** What the caller may do with an agency they can see. */
export function agencyAbilities(actor: Actor): Abilities<typeof AGENCY_ACTIONS> {
  return {
    assignClients: agencyPolicy.assign.allows(actor),
    viewResults: agencyPolicy.results.allows(actor),
    update: agencyPolicy.update.allows(actor),
  };
}

/** What the caller may do with an assignment they can see: end it early, by the same assertion the server enforces. */
export function assignmentAbilities(actor: Actor, row: EndableAssignment, today: string): Abilities<typeof ASSIGNMENT_ACTIONS> {
  return { end: agencyPolicy.endAssignment.allows(actor) && passes(() => assertAssignmentEndable(row, today)) };
}
