import type { Kysely } from "kysely";

/** Host organisations in full, volunteer roles with their displacement checks and complaints, placements. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("organisations")
    .addColumn("sector", "varchar(30)", (c) => c.notNull().defaultTo("other"))
    .execute();
  await db.schema
    .alterTable("organisations")
    .addColumn("contacts", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema.alterTable("organisations").addColumn("training_offered", "text").execute();
  await db.schema
    .alterTable("organisations")
    .addColumn("accepts_limited_dutch", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // The guidance a client needs at a host organisation: light, regular or intensive.
  await db.schema
    .alterTable("clients")
    .addColumn("guidance_need", "varchar(20)", (c) => c.notNull().defaultTo("regular"))
    .execute();

  await db.schema
    .createTable("volunteer_roles")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("organisation_id", "varchar(36)", (c) => c.notNull().references("organisations.id"))
    .addColumn("title", "varchar(200)", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("min_hours_per_week", "real", (c) => c.notNull())
    .addColumn("hours_per_week", "real", (c) => c.notNull())
    .addColumn("weekday_parts", "text", (c) => c.notNull())
    .addColumn("postcode", "varchar(7)", (c) => c.notNull())
    .addColumn("skills", "text", (c) => c.notNull())
    .addColumn("dutch_level", "varchar(10)", (c) => c.notNull())
    .addColumn("physical_demands", "varchar(20)", (c) => c.notNull())
    .addColumn("guidance_level", "varchar(20)", (c) => c.notNull())
    .addColumn("places", "integer", (c) => c.notNull())
    .addColumn("start_date", "varchar(10)", (c) => c.notNull())
    .addColumn("end_date", "varchar(10)")
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("status_reason", "text", (c) => c.notNull())
    .addColumn("status_reason_codes", "varchar(200)", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("roles_organisation_idx").on("volunteer_roles").column("organisation_id").execute();

  await db.schema
    .createTable("displacement_checks")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("role_id", "varchar(36)", (c) => c.notNull().references("volunteer_roles.id"))
    .addColumn("kind", "varchar(20)", (c) => c.notNull()) // questionnaire or review
    .addColumn("answers", "text")
    .addColumn("outcome", "varchar(20)", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("decided_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("displacement_checks_role_idx").on("displacement_checks").columns(["role_id", "created_at"]).execute();

  await db.schema
    .createTable("displacement_complaints")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("role_id", "varchar(36)", (c) => c.notNull().references("volunteer_roles.id"))
    .addColumn("filed_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("filer_kind", "varchar(20)", (c) => c.notNull())
    .addColumn("filer_name", "varchar(200)")
    .addColumn("filer_email", "varchar(200)")
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("decided_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("decision_reason", "text")
    .addColumn("decided_at", "varchar(40)")
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("complaints_role_idx").on("displacement_complaints").columns(["role_id", "status"]).execute();

  await db.schema
    .createTable("placements")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("role_id", "varchar(36)", (c) => c.notNull().references("volunteer_roles.id"))
    .addColumn("organisation_id", "varchar(36)", (c) => c.notNull().references("organisations.id"))
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("hours_per_week", "real", (c) => c.notNull())
    .addColumn("guidance_level", "varchar(20)", (c) => c.notNull())
    .addColumn("guidance_override_reason", "text")
    .addColumn("proposed_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("decision_reason", "text")
    .addColumn("decided_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("started_on", "varchar(10)")
    .addColumn("ended_on", "varchar(10)")
    .addColumn("end_reason", "varchar(30)")
    .addColumn("end_note", "text")
    .addColumn("attributable_to", "varchar(20)")
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("placements_client_idx").on("placements").columns(["client_id", "status"]).execute();
  await db.schema.createIndex("placements_role_idx").on("placements").columns(["role_id", "status"]).execute();
  await db.schema.createIndex("placements_org_idx").on("placements").columns(["organisation_id", "status"]).execute();

  await db.schema
    .createTable("placement_agreements")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("placement_id", "varchar(36)", (c) => c.notNull().references("placements.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("start_date", "varchar(10)", (c) => c.notNull())
    .addColumn("end_date", "varchar(10)", (c) => c.notNull())
    .addColumn("hours_per_week", "real", (c) => c.notNull())
    .addColumn("tasks", "text", (c) => c.notNull())
    .addColumn("contact_person", "varchar(200)", (c) => c.notNull())
    .addColumn("guidance_arrangement", "text", (c) => c.notNull())
    .addColumn("letter_id", "varchar(36)", (c) => c.notNull().references("letters.id"))
    .addColumn("signed_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("signed_at", "varchar(40)", (c) => c.notNull())
    .addUniqueConstraint("agreements_version_unique", ["placement_id", "version"])
    .execute();

  await db.schema
    .createTable("placement_notes")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("placement_id", "varchar(36)", (c) => c.notNull().references("placements.id"))
    .addColumn("author_id", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
}
