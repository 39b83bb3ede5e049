import type { Kysely } from "kysely";
import { trackCaseworkChanges } from "../casework-changes.js";

/**
 * A letter leaves the building when it is printed, its delivery is recorded, its notice is sent or the client opens
 * it; until then the action that made it can be undone, and the letter is then kept as withdrawn. These columns record
 * until when the client is not yet told of it, the first print, the client's first opening and the withdrawal; a
 * decision announced by a withdrawn letter is marked withdrawn beside it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite adds one at a time.
  for (const column of ["held_until", "printed_at", "opened_at", "withdrawn_at"]) {
    await db.schema.alterTable("letters").addColumn(column, "varchar(40)").execute();
  }
  await db.schema.alterTable("letters").addColumn("withdrawn_by", "varchar(36)").execute();

  // A decision is never changed; one whose letter was withdrawn before it left was never made known, so it never took
  // effect (Awb 3:40). It stays, and this records that it was withdrawn.
  await db.schema
    .createTable("decision_withdrawals")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("decision_id", "varchar(36)", (c) => c.notNull().unique().references("decisions.id"))
    .addColumn("letter_id", "varchar(36)", (c) => c.notNull().references("letters.id"))
    .addColumn("withdrawn_by", "varchar(36)", (c) => c.notNull().references("users.id"))
    .addColumn("withdrawn_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await trackCaseworkChanges(db, "decision_withdrawals");
}
