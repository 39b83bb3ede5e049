import type { Kysely } from "kysely";

/**
 * A referral can be undone while nothing of it has reached the host: `held_until` keeps it from the host organisation's
 * lists, counts and its view of the client until the hold has passed (`NV_UNDO_HOLD_MINUTES`), and `host_opened_at`
 * records when a member of the host first opened it. Referrals made before have neither, and are simply visible.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite adds one at a time.
  for (const column of ["held_until", "host_opened_at"]) {
    await db.schema.alterTable("placements").addColumn(column, "varchar(40)").execute();
  }
}
