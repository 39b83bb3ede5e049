import type { Kysely } from "kysely";

/**
 * Activities a client proposes as their own contribution (caring, a course, volunteer work, an own initiative). The
 * consultant accepts or declines each with reasons; that is a decision, and an accepted proposal becomes the
 * contribution (a formalised contribution, or caregiving beyond customary care) it names.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("activity_proposals")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("kind", "varchar(20)", (c) => c.notNull())
    .addColumn("relation", "varchar(30)")
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("place", "varchar(200)", (c) => c.notNull())
    .addColumn("hours_per_week", "real", (c) => c.notNull())
    .addColumn("since", "varchar(10)", (c) => c.notNull())
    .addColumn("contact", "varchar(200)")
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("proposed_by", "varchar(36)", (c) => c.notNull().references("users.id"))
    .addColumn("proposed_by_client", "integer", (c) => c.notNull())
    .addColumn("accepted_hours_per_week", "real")
    .addColumn("decision_reasons", "text")
    .addColumn("decided_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("decided_on", "varchar(10)")
    .addColumn("decision_id", "varchar(36)", (c) => c.references("decisions.id"))
    .addColumn("contribution_id", "varchar(36)", (c) => c.references("contributions.id"))
    .addColumn("caregiving_id", "varchar(36)", (c) => c.references("caregiving.id"))
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("activity_proposals_client_idx").on("activity_proposals").columns(["client_id", "status"]).execute();
}
