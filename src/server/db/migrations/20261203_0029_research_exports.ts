import type { Kysely } from "kysely";
import { isPostgres } from "../dialect.js";

/** Research exports made in the background: the period, progress, what was released, and the file (gzipped CSV). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = isPostgres(db) ? "bytea" : "blob";
  await db.schema
    .createTable("research_exports")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("requested_by", "varchar(36)", (c) => c.notNull().references("users.id"))
    .addColumn("period_from", "varchar(10)", (c) => c.notNull())
    .addColumn("period_to", "varchar(10)", (c) => c.notNull())
    .addColumn("status", "varchar(20)", (c) => c.notNull()) // queued, running, done, failed
    .addColumn("progress", "real", (c) => c.notNull())
    .addColumn("summary", "text") // JSON: rows released and suppressed, smallest group, generalisation applied
    .addColumn("csv_gzip", binary)
    .addColumn("error", "text")
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("finished_at", "varchar(40)")
    .execute();
  await db.schema.createIndex("research_exports_requester_idx").on("research_exports").columns(["requested_by", "created_at"]).execute();
}
