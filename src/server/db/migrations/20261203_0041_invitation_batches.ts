import type { Kysely } from "kysely";

/**
 * The invitations made by one request form a batch: its letters are printed together, in one PDF, with the registered
 * mail list (aangetekend-lijst) the post office signs for. Invitations made before batches existed have none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("invitations").addColumn("batch_id", "varchar(36)").execute();
  await db.schema.createIndex("invitations_batch_id_idx").on("invitations").column("batch_id").execute();
}
