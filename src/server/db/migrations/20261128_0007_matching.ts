import type { Kysely } from "kysely";

/** City-wide placement plans and the proposals consultants review one by one. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("match_plans")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("district", "varchar(60)") // null: the whole city
    .addColumn("status", "varchar(20)", (c) => c.notNull()) // queued, running, done, failed
    .addColumn("progress", "real", (c) => c.notNull())
    .addColumn("summary", "text") // JSON: counts, cost, shortfall per district
    .addColumn("error", "text")
    .addColumn("requested_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("finished_at", "varchar(40)")
    .execute();
  await db.schema.createIndex("match_plans_created_idx").on("match_plans").column("created_at").execute();

  await db.schema
    .createTable("match_proposals")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("plan_id", "varchar(36)", (c) => c.notNull().references("match_plans.id"))
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("role_id", "varchar(36)", (c) => c.notNull().references("volunteer_roles.id"))
    .addColumn("hours_per_week", "real", (c) => c.notNull())
    .addColumn("cost", "integer", (c) => c.notNull())
    .addColumn("reasons", "text", (c) => c.notNull()) // JSON array of reason codes with their numbers
    .addColumn("status", "varchar(20)", (c) => c.notNull()) // pending, accepted, rejected
    .addColumn("reject_reason", "text")
    .addColumn("placement_id", "varchar(36)", (c) => c.references("placements.id"))
    .addColumn("decided_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("decided_at", "varchar(40)")
    .addUniqueConstraint("match_proposals_client_unique", ["plan_id", "client_id"])
    .execute();
  await db.schema.createIndex("match_proposals_plan_idx").on("match_proposals").columns(["plan_id", "status"]).execute();
}
