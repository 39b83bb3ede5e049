import type { Kysely } from "kysely";

/** Formalised contributions a client already makes, such as volunteer work they found themselves. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("contributions")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("kind", "varchar(30)", (c) => c.notNull())
    .addColumn("organisation_id", "varchar(36)", (c) => c.references("organisations.id"))
    .addColumn("organisation_name", "varchar(200)", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("hours_per_week", "real", (c) => c.notNull())
    .addColumn("since", "varchar(10)", (c) => c.notNull())
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("ended_on", "varchar(10)")
    .addColumn("letter_id", "varchar(36)", (c) => c.notNull().references("letters.id"))
    .addColumn("created_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("contributions_client_idx").on("contributions").columns(["client_id", "status"]).execute();
}
