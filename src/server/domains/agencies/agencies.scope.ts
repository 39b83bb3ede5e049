import type { Actor } from "@server/auth/actor.js";
import type { Database } from "@server/db/schema.js";
import type { Kysely } from "kysely";

/** The agency an agency worker's account belongs to, as a one-row query (no row for any other account). */
export function agencyOfActor(db: Kysely<Database>, actor: Actor) {
  return db.selectFrom("users").select("users.agency_id").where("users.id", "=", actor.id).where("users.agency_id", "is not", null);
}

/**
 * The clients an agency worker works: those assigned to their agency whose assignment's period holds the day the
 * request's scope is evaluated on. Before the start and after the end the client does not exist for them (404).
 */
export function agencyClientIds(db: Kysely<Database>, actor: Actor) {
  return db
    .selectFrom("agency_assignments")
    .select("agency_assignments.client_id")
    .where("agency_assignments.agency_id", "in", agencyOfActor(db, actor).$narrowType<{ agency_id: string }>())
    .where("agency_assignments.start_date", "<=", actor.scopeDate)
    .where("agency_assignments.end_date", ">=", actor.scopeDate);
}
