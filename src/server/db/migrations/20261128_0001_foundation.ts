import { type Kysely, sql } from "kysely";
import { isPostgres } from "../dialect.js";

/** Accounts, sessions, organisations, clients and the append-only audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("organisations")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("name", "varchar(200)", (c) => c.notNull())
    .addColumn("kvk_number", "varchar(8)", (c) => c.notNull())
    .addColumn("postcode", "varchar(7)", (c) => c.notNull())
    .addColumn("house_number", "integer", (c) => c.notNull())
    .addColumn("district", "varchar(60)")
    .addColumn("guidance_hours_per_week", "real", (c) => c.notNull())
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("email", "varchar(200)", (c) => c.notNull().unique())
    .addColumn("password_hash", "varchar(300)", (c) => c.notNull())
    .addColumn("display_name", "varchar(120)", (c) => c.notNull())
    .addColumn("role", "varchar(20)", (c) => c.notNull())
    .addColumn("organisation_id", "varchar(36)", (c) => c.references("organisations.id"))
    .addColumn("client_id", "varchar(36)")
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("user_districts")
    .addColumn("user_id", "varchar(36)", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("district", "varchar(60)", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_districts_pk", ["user_id", "district"])
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("user_id", "varchar(36)", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", "varchar(64)", (c) => c.notNull())
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("last_seen_at", "varchar(40)", (c) => c.notNull())
    .addColumn("expires_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("token_hash", "varchar(64)", (c) => c.notNull().unique())
    .addColumn("user_id", "varchar(36)", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "varchar(120)", (c) => c.notNull())
    .addColumn("created_by", "varchar(36)", (c) => c.notNull())
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("revoked_at", "varchar(40)")
    .execute();

  await db.schema
    .createTable("clients")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("bsn", "varchar(9)", (c) => c.notNull().unique())
    .addColumn("given_name", "varchar(100)", (c) => c.notNull())
    .addColumn("family_name", "varchar(100)", (c) => c.notNull())
    .addColumn("birth_date", "varchar(10)", (c) => c.notNull())
    .addColumn("postcode", "varchar(7)", (c) => c.notNull())
    .addColumn("house_number", "integer", (c) => c.notNull())
    .addColumn("house_number_addition", "varchar(10)")
    .addColumn("district", "varchar(60)")
    .addColumn("benefit_start_date", "varchar(10)", (c) => c.notNull())
    .addColumn("capacity_hours_per_week", "real")
    .addColumn("phone", "varchar(20)")
    .addColumn("email", "varchar(200)")
    .addColumn("languages", "varchar(200)", (c) => c.notNull().defaultTo("[]"))
    .addColumn("household_situation", "varchar(30)", (c) => c.notNull())
    .addColumn("education_level", "varchar(30)", (c) => c.notNull())
    .addColumn("consultant_id", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("search_name", "varchar(201)", (c) => c.notNull())
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("clients_district_name_idx").on("clients").columns(["district", "family_name"]).execute();
  await db.schema.createIndex("clients_consultant_idx").on("clients").column("consultant_id").execute();
  await db.schema.createIndex("clients_postcode_idx").on("clients").column("postcode").execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("occurred_at", "varchar(40)", (c) => c.notNull())
    .addColumn("actor_id", "varchar(36)")
    .addColumn("actor_email", "varchar(200)")
    .addColumn("actor_role", "varchar(20)")
    .addColumn("action", "varchar(60)", (c) => c.notNull())
    .addColumn("category", "varchar(20)", (c) => c.notNull())
    .addColumn("client_id", "varchar(36)")
    .addColumn("subject_type", "varchar(40)")
    .addColumn("subject_id", "varchar(64)")
    .addColumn("request_id", "varchar(64)")
    .addColumn("details", "text")
    .execute();
  await db.schema.createIndex("audit_client_idx").on("audit_events").columns(["client_id", "occurred_at"]).execute();
  await db.schema.createIndex("audit_occurred_idx").on("audit_events").column("occurred_at").execute();

  // The audit log is append-only in the database itself, not only in the API.
  if (isPostgres(db)) {
    await sql`CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`.execute(db);
  }
}
