import type { Kysely } from "kysely";

/**
 * A letter leaves the building when it is printed, its delivery is recorded, its notice is sent or the client opens
 * it; until then the action that made it can be undone, and the letter is then kept as withdrawn. These columns record
 * until when the client is not yet told of it, the first print, the client's first opening and the withdrawal.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite adds one at a time.
  for (const column of ["held_until", "printed_at", "opened_at", "withdrawn_at"]) {
    await db.schema.alterTable("letters").addColumn(column, "varchar(40)").execute();
  }
  await db.schema.alterTable("letters").addColumn("withdrawn_by", "varchar(36)").execute();
}
