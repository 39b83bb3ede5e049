import { type Kysely, sql } from "kysely";
import { trackCaseworkChanges } from "../casework-changes.js";

/**
 * Peer activation (maatjes): `buddies` are clients who volunteer as a buddy, with their training date and an
 * agreement (a decision whose contribution counts their hours); `buddy_pairings` pair a buddy with a client who wants
 * one, with the contact details the client agreed the buddy may use; `buddy_meetings` are the pair's meetings. A
 * client has at most one active buddy agreement and at most one active buddy (unique indexes: the rule holds under
 * concurrency); a pairing ends without a reason.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("buddies")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("contribution_id", "varchar(36)", (c) => c.notNull().references("contributions.id"))
    .addColumn("decision_id", "varchar(36)", (c) => c.notNull().references("decisions.id"))
    .addColumn("trained_on", "varchar(10)", (c) => c.notNull())
    .addColumn("since", "varchar(10)", (c) => c.notNull())
    .addColumn("max_pairings", "integer", (c) => c.notNull())
    .addColumn("contact_phone", "varchar(30)")
    .addColumn("contact_email", "varchar(200)")
    .addColumn("availability", "varchar(500)")
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("ended_on", "varchar(10)")
    .addColumn("created_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX buddies_one_active ON buddies (client_id) WHERE status = 'active'`.execute(db);

  await db.schema
    .createTable("buddy_pairings")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("buddy_id", "varchar(36)", (c) => c.notNull().references("buddies.id"))
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("buddy_client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("contact_phone", "varchar(30)")
    .addColumn("contact_email", "varchar(200)")
    .addColumn("paired_on", "varchar(10)", (c) => c.notNull())
    .addColumn("paired_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("ended_on", "varchar(10)")
    .addColumn("ended_by_side", "varchar(20)")
    .addColumn("ended_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX buddy_pairings_one_active ON buddy_pairings (client_id) WHERE status = 'active'`.execute(db);
  await db.schema.createIndex("buddy_pairings_buddy_idx").on("buddy_pairings").columns(["buddy_id", "status"]).execute();
  await db.schema.createIndex("buddy_pairings_buddy_client_idx").on("buddy_pairings").column("buddy_client_id").execute();

  await db.schema
    .createTable("buddy_meetings")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("pairing_id", "varchar(36)", (c) => c.notNull().references("buddy_pairings.id"))
    .addColumn("held_on", "varchar(10)", (c) => c.notNull())
    .addColumn("hours", "real", (c) => c.notNull())
    .addColumn("recorded_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("recorded_by_side", "varchar(20)", (c) => c.notNull())
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("buddy_meetings_pairing_idx").on("buddy_meetings").column("pairing_id").execute();

  for (const table of ["buddies", "buddy_pairings", "buddy_meetings"]) await trackCaseworkChanges(db, table);
}
