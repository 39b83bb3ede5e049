import type { Kysely } from "kysely";

/**
 * A registered letter's delivery has a day of its own: the day the post delivered it (or returned it, or reported it
 * uncollected), which may lie days before the consultant records it. Deliveries recorded before keep no such day: the
 * moment they were recorded is all that is known of them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("letters").addColumn("delivery_date", "varchar(10)").execute();
  await db.schema.alterTable("letter_delivery_events").addColumn("occurred_on", "varchar(10)").execute();
}
