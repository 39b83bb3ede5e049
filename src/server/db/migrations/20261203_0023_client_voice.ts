import type { Kysely } from "kysely";

/**
 * The client's own voice in the portal:
 * - a check-in records who entered it (`entered_by`: the client in the portal, or a consultant) and whether the client
 *   asked for help (`help_requested`, with an optional `help_note`); existing check-ins were all entered by consultants;
 * - the client's side of a placement's ending (`client_side_account`, optionally a reason in their words from a short
 *   list, `client_side_reason`, given on `client_side_given_on`), kept with the ending for the consultant's attribution;
 * - `placement_feedback`: the client's rating (1–5) and words on a placement and its organisation, one per placement
 *   (the unique index holds under parallel requests).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("check_ins")
    .addColumn("entered_by", "varchar(20)", (c) => c.notNull().defaultTo("consultant"))
    .execute();
  await db.schema
    .alterTable("check_ins")
    .addColumn("help_requested", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("check_ins").addColumn("help_note", "text").execute();

  await db.schema.alterTable("placements").addColumn("client_side_account", "text").execute();
  await db.schema.alterTable("placements").addColumn("client_side_reason", "varchar(20)").execute();
  await db.schema.alterTable("placements").addColumn("client_side_given_on", "varchar(10)").execute();

  await db.schema
    .createTable("placement_feedback")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("placement_id", "varchar(36)", (c) => c.notNull().references("placements.id"))
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("organisation_id", "varchar(36)", (c) => c.notNull().references("organisations.id"))
    .addColumn("rating", "integer", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("given_on", "varchar(10)", (c) => c.notNull())
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("placement_feedback_one_per_placement").on("placement_feedback").column("placement_id").unique().execute();
  await db.schema.createIndex("placement_feedback_organisation_idx").on("placement_feedback").column("organisation_id").execute();
}
