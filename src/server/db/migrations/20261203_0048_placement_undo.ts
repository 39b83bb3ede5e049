import type { Kysely } from "kysely";

/**
 * What an undo of a placement action puts back, kept with the record the action made: an agreement version remembers
 * the placement's hours a week before it was signed, and a review that rejected a role remembers the role's status and
 * reasons before, and which placements it ended, from which status, with which letter. Null for records made before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("placement_agreements").addColumn("hours_before", "real").execute();
  // One column per statement: SQLite adds one at a time.
  await db.schema.alterTable("displacement_checks").addColumn("role_status_before", "varchar(20)").execute();
  await db.schema.alterTable("displacement_checks").addColumn("role_reason_before", "text").execute();
  await db.schema.alterTable("displacement_checks").addColumn("role_reason_codes_before", "text").execute();
  await db.schema.alterTable("displacement_checks").addColumn("ended_placements", "text").execute();
}
