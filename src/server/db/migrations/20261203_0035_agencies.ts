import type { Kysely } from "kysely";
import { trackCaseworkChanges } from "../casework-changes.js";

/**
 * Intermediary agencies (bemiddelende instanties): the municipality hands a slice of the caseload to them under
 * production targets. An agency worker's account belongs to one agency (`users.agency_id`). An assignment gives one
 * client to an agency for a period, with the contract's targets: an intake within so many days, a placement within
 * so many days, and a placement that lasts so many weeks. One client's assignments never overlap (checked under the
 * client's row lock).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("agencies")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("name", "varchar(200)", (c) => c.notNull())
    .addColumn("kvk_number", "varchar(8)")
    .addColumn("district", "varchar(60)")
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable("users")
    .addColumn("agency_id", "varchar(36)", (c) => c.references("agencies.id"))
    .execute();
  await db.schema
    .createTable("agency_assignments")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("agency_id", "varchar(36)", (c) => c.notNull().references("agencies.id"))
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("start_date", "varchar(10)", (c) => c.notNull())
    .addColumn("end_date", "varchar(10)", (c) => c.notNull())
    .addColumn("intake_within_days", "integer", (c) => c.notNull())
    .addColumn("placement_within_days", "integer", (c) => c.notNull())
    .addColumn("placement_min_weeks", "integer", (c) => c.notNull())
    .addColumn("assigned_by", "varchar(36)", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("agency_assignments_client_idx").on("agency_assignments").columns(["client_id", "start_date"]).execute();
  await db.schema.createIndex("agency_assignments_agency_idx").on("agency_assignments").columns(["agency_id", "start_date"]).execute();
  await trackCaseworkChanges(db, "agencies");
  await trackCaseworkChanges(db, "agency_assignments");
}
