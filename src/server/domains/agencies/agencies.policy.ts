import type { Actor } from "@server/auth/actor.js";
import { roles } from "@server/auth/policy.js";
import type { Abilities } from "@shared/schemas/abilities.js";
import type { AGENCY_ACTIONS } from "@shared/schemas/agencies.js";

/**
 * Admins register agencies; the municipality's team leads give clients to them and read their results; an agency
 * worker reads their own agency and its current assignments. Which agencies and assignments is decided in the repo.
 */
export const agencyPolicy = {
  list: roles("agencies.list", "admin", "teamLead", "agencyWorker"),
  read: roles("agencies.read", "admin", "teamLead", "agencyWorker"),
  create: roles("agencies.create", "admin"),
  assign: roles("agencies.assign", "teamLead"),
  assignments: roles("agencies.assignments", "admin", "teamLead", "agencyWorker"),
  results: roles("agencies.results", "admin", "teamLead"),
};

/** What the caller may do with an agency they can see. */
export function agencyAbilities(actor: Actor): Abilities<typeof AGENCY_ACTIONS> {
  return { assignClients: agencyPolicy.assign.allows(actor), viewResults: agencyPolicy.results.allows(actor) };
}
