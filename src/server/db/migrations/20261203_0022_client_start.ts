import { type Kysely, sql } from "kysely";

/**
 * The client's start page:
 * - `reschedule_requests`: the client says "ik kan niet" to a planned appointment and asks for another time, with an
 *   optional reason; it waits on the consultant's work queue until the appointment is moved or its status recorded.
 *   At most one open request per appointment (a partial unique index), so a double submit makes one.
 * - `users.phone`: the direct number of a consultant, shown to their clients beside the e-mail address (the team's
 *   number from the sender block when it is empty).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("reschedule_requests")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("appointment_id", "varchar(36)", (c) => c.notNull().references("appointments.id"))
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("reason", "text")
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("requested_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("requested_at", "varchar(40)", (c) => c.notNull())
    .addColumn("closed_at", "varchar(40)")
    .addColumn("closed_by", "varchar(36)", (c) => c.references("users.id"))
    .execute();
  await db.schema.createIndex("reschedule_requests_client_idx").on("reschedule_requests").columns(["client_id", "status"]).execute();
  await sql`CREATE UNIQUE INDEX reschedule_requests_one_open ON reschedule_requests (appointment_id) WHERE status = 'open'`.execute(db);

  await db.schema.alterTable("users").addColumn("phone", "varchar(30)").execute();
}
