import { type Kysely, sql } from "kysely";

/**
 * State that several server instances on one database share instead of keeping in memory:
 * - `throttle_events`: one row per counted attempt (a login, a complaint) under a limit `kind` for a `key_hash`
 *   (the SHA-256 of the account name or client address), so a limit holds across restarts and instances;
 * - at most one placement plan in progress, whichever instance starts it (a partial unique index on a constant).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("throttle_events")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("kind", "varchar(40)", (c) => c.notNull())
    .addColumn("key_hash", "varchar(64)", (c) => c.notNull())
    .addColumn("at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("throttle_events_key_idx").on("throttle_events").columns(["kind", "key_hash", "at"]).execute();
  await db.schema.createIndex("throttle_events_at_idx").on("throttle_events").column("at").execute();

  await sql`CREATE UNIQUE INDEX match_plans_one_in_progress ON match_plans ((1))
    WHERE status IN ('queued', 'running')`.execute(db);
}
