import type { Kysely } from "kysely";

/**
 * A team lead can end an agency assignment before its planned end, as of a date and for a reason from a list
 * (`ASSIGNMENT_END_REASONS`) with words if wanted. From that date the agency's workers no longer see the client:
 * `end_date` becomes the day before it, so every reader of the period (scope, overlaps, results, retention) follows
 * the real end; `planned_end_date` keeps the end the assignment was given. All null for an assignment not ended.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite adds one column per statement.
  await db.schema.alterTable("agency_assignments").addColumn("planned_end_date", "varchar(10)").execute();
  await db.schema.alterTable("agency_assignments").addColumn("ended_on", "varchar(10)").execute();
  await db.schema.alterTable("agency_assignments").addColumn("end_reason", "varchar(30)").execute();
  await db.schema.alterTable("agency_assignments").addColumn("end_note", "varchar(1000)").execute();
  await db.schema
    .alterTable("agency_assignments")
    .addColumn("ended_by", "varchar(36)", (c) => c.references("users.id"))
    .execute();
  await db.schema.alterTable("agency_assignments").addColumn("ended_at", "varchar(40)").execute();
}
