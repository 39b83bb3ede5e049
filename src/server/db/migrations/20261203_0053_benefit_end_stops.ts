import type { Kysely } from "kysely";
import { trackCaseworkChanges } from "../casework-changes.js";

/**
 * What the recorded end of a benefit stopped, one row per placement ended or plan step stopped, with the status it had
 * and the letter that told the client: while that letter is inside, the end can be undone and each is put back as it
 * was (a step's status, planned or running, cannot be told from the step afterwards).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("benefit_end_stops")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("letter_id", "varchar(36)", (c) => c.notNull().references("letters.id"))
    .addColumn("subject_type", "varchar(20)", (c) => c.notNull())
    .addColumn("subject_id", "varchar(36)", (c) => c.notNull())
    .addColumn("previous_status", "varchar(20)", (c) => c.notNull())
    .addColumn("stopped_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("benefit_end_stops_letter").on("benefit_end_stops").column("letter_id").execute();
  await trackCaseworkChanges(db, "benefit_end_stops");
}
