import type { Kysely } from "kysely";

/**
 * Notifications to clients, and the client's own choices for them:
 * - `clients.preferred_language` (`nl` or `en`) and `clients.notification_channel` (`email`, `sms` or `none`);
 * - `notifications`: the outbox. A message is written in the transaction of the change that causes it (a letter,
 *   a reminder of the daily job) with the channel, address and language chosen then and the facts it tells (a date,
 *   never a letter's content), and written out and sent later by the delivery step, which retries a failure with
 *   backoff and marks it failed after its last attempt. One message per kind and subject (`notifications_one_per_subject`), so a
 *   rerun of the daily job or a second instance adds no second reminder.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("clients")
    .addColumn("preferred_language", "varchar(2)", (c) => c.notNull().defaultTo("nl"))
    .execute();
  await db.schema
    .alterTable("clients")
    .addColumn("notification_channel", "varchar(10)", (c) => c.notNull().defaultTo("email"))
    .execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("kind", "varchar(30)", (c) => c.notNull())
    .addColumn("subject_type", "varchar(30)", (c) => c.notNull())
    .addColumn("subject_id", "varchar(36)", (c) => c.notNull())
    .addColumn("channel", "varchar(10)", (c) => c.notNull())
    .addColumn("recipient", "varchar(254)", (c) => c.notNull())
    .addColumn("language", "varchar(2)", (c) => c.notNull())
    .addColumn("facts", "text", (c) => c.notNull())
    .addColumn("status", "varchar(10)", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "varchar(40)", (c) => c.notNull())
    .addColumn("last_error", "varchar(500)")
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("sent_at", "varchar(40)")
    .addColumn("failed_at", "varchar(40)")
    .execute();
  await db.schema
    .createIndex("notifications_one_per_subject")
    .unique()
    .on("notifications")
    .columns(["kind", "subject_type", "subject_id"])
    .execute();
  await db.schema.createIndex("notifications_due_idx").on("notifications").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("notifications_client_idx").on("notifications").column("client_id").execute();
}
