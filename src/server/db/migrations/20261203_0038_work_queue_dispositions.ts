import type { Kysely } from "kysely";
import { trackCaseworkChanges } from "../casework-changes.js";

/**
 * A consultant can mark a reason on the work queue done or snooze it until a date with a note. One row per client and
 * reason (the latest word on it), with the `since` of the signal it set aside: a later signal of the same kind comes
 * back. The unique index keeps two consultants marking the same item at once from both writing. The queue is kept per
 * casework version, so the table is tracked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("work_queue_dispositions")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("reason", "varchar(40)", (c) => c.notNull())
    .addColumn("disposition", "varchar(10)", (c) => c.notNull())
    .addColumn("signal_since", "varchar(10)", (c) => c.notNull())
    .addColumn("snoozed_until", "varchar(10)")
    .addColumn("note", "text")
    .addColumn("decided_by", "varchar(36)", (c) => c.notNull().references("users.id"))
    .addColumn("decided_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("work_queue_dispositions_client_reason_key")
    .on("work_queue_dispositions")
    .columns(["client_id", "reason"])
    .unique()
    .execute();
  await trackCaseworkChanges(db, "work_queue_dispositions");
}
