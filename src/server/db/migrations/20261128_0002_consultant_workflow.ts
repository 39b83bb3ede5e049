import { type ColumnDefinitionBuilder, type Kysely, sql } from "kysely";
import { isPostgres } from "../dialect.js";

/** Availability, appointments, registered letters, invitations, intakes, ladder, plans and check-ins. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = isPostgres(db) ? "bytea" : "blob";
  const id = (c: ColumnDefinitionBuilder) => c.primaryKey();
  const client = (c: ColumnDefinitionBuilder) => c.notNull().references("clients.id");
  const user = (c: ColumnDefinitionBuilder) => c.references("users.id");

  // Letters need a full postal address.
  await db.schema.alterTable("clients").addColumn("street", "varchar(120)").execute();
  await db.schema.alterTable("clients").addColumn("city", "varchar(80)").execute();

  await db.schema
    .createTable("consultant_availability")
    .addColumn("id", "varchar(36)", id)
    .addColumn("consultant_id", "varchar(36)", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("weekday", "integer", (c) => c.notNull()) // ISO: 1 = Monday … 7 = Sunday
    .addColumn("start_time", "varchar(5)", (c) => c.notNull()) // HH:MM, Europe/Amsterdam
    .addColumn("end_time", "varchar(5)", (c) => c.notNull())
    .addColumn("slot_minutes", "integer", (c) => c.notNull())
    .addColumn("location", "varchar(200)", (c) => c.notNull())
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("availability_consultant_idx").on("consultant_availability").column("consultant_id").execute();

  await db.schema
    .createTable("letters")
    .addColumn("id", "varchar(36)", id)
    .addColumn("client_id", "varchar(36)", client)
    .addColumn("kind", "varchar(40)", (c) => c.notNull())
    .addColumn("template", "varchar(60)", (c) => c.notNull())
    .addColumn("subject", "varchar(200)", (c) => c.notNull())
    .addColumn("letter_date", "varchar(10)", (c) => c.notNull())
    .addColumn("pdf", binary, (c) => c.notNull())
    .addColumn("sha256", "varchar(64)", (c) => c.notNull())
    .addColumn("registered", "integer", (c) => c.notNull())
    .addColumn("tracking_number", "varchar(40)")
    .addColumn("delivery_status", "varchar(20)", (c) => c.notNull())
    .addColumn("delivery_updated_at", "varchar(40)")
    .addColumn("created_by", "varchar(36)", user)
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("letters_client_idx").on("letters").columns(["client_id", "created_at"]).execute();
  // The PDF of a letter never changes; only its delivery may be recorded later.
  if (isPostgres(db)) {
    await sql`CREATE FUNCTION letters_pdf_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.pdf IS DISTINCT FROM OLD.pdf OR NEW.sha256 IS DISTINCT FROM OLD.sha256 THEN
          RAISE EXCEPTION 'a letter''s PDF is immutable';
        END IF;
        RETURN NEW;
      END $$`.execute(db);
    await sql`CREATE TRIGGER letters_pdf_immutable BEFORE UPDATE ON letters FOR EACH ROW EXECUTE FUNCTION letters_pdf_immutable()`.execute(
      db,
    );
    await sql`CREATE FUNCTION letters_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'letters are kept'; END $$`.execute(db);
    await sql`CREATE TRIGGER letters_no_delete BEFORE DELETE ON letters FOR EACH ROW EXECUTE FUNCTION letters_kept()`.execute(db);
  } else {
    await sql`CREATE TRIGGER letters_pdf_immutable BEFORE UPDATE OF pdf, sha256 ON letters
      BEGIN SELECT RAISE(ABORT, 'a letter''s PDF is immutable'); END`.execute(db);
    await sql`CREATE TRIGGER letters_no_delete BEFORE DELETE ON letters
      BEGIN SELECT RAISE(ABORT, 'letters are kept'); END`.execute(db);
  }

  await db.schema
    .createTable("letter_delivery_events")
    .addColumn("id", "varchar(36)", id)
    .addColumn("letter_id", "varchar(36)", (c) => c.notNull().references("letters.id"))
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("tracking_number", "varchar(40)")
    .addColumn("recorded_by", "varchar(36)", user)
    .addColumn("recorded_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("delivery_letter_idx").on("letter_delivery_events").column("letter_id").execute();

  await db.schema
    .createTable("appointments")
    .addColumn("id", "varchar(36)", id)
    .addColumn("client_id", "varchar(36)", client)
    .addColumn("consultant_id", "varchar(36)", (c) => c.notNull().references("users.id"))
    .addColumn("kind", "varchar(20)", (c) => c.notNull())
    .addColumn("starts_at", "varchar(40)", (c) => c.notNull())
    .addColumn("ends_at", "varchar(40)", (c) => c.notNull())
    .addColumn("location", "varchar(200)", (c) => c.notNull())
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("created_by", "varchar(36)", user)
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("appointments_client_idx").on("appointments").columns(["client_id", "starts_at"]).execute();
  // Never double-book a consultant: one live appointment per consultant per start time.
  await sql`CREATE UNIQUE INDEX appointments_no_double_booking ON appointments (consultant_id, starts_at)
    WHERE status <> 'cancelled'`.execute(db);

  await db.schema
    .createTable("invitations")
    .addColumn("id", "varchar(36)", id)
    .addColumn("client_id", "varchar(36)", client)
    .addColumn("sequence", "integer", (c) => c.notNull())
    .addColumn("appointment_id", "varchar(36)", (c) => c.notNull().references("appointments.id"))
    .addColumn("letter_id", "varchar(36)", (c) => c.notNull().references("letters.id"))
    .addColumn("created_by", "varchar(36)", user)
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("invitations_client_idx").on("invitations").columns(["client_id", "sequence"]).execute();

  await db.schema
    .createTable("intakes")
    .addColumn("id", "varchar(36)", id)
    .addColumn("client_id", "varchar(36)", client)
    .addColumn("appointment_id", "varchar(36)", (c) => c.references("appointments.id"))
    .addColumn("consultant_id", "varchar(36)", (c) => c.notNull().references("users.id"))
    .addColumn("held_on", "varchar(10)", (c) => c.notNull())
    .addColumn("income_debts", "integer", (c) => c.notNull())
    .addColumn("daily_activities", "integer", (c) => c.notNull())
    .addColumn("housing", "integer", (c) => c.notNull())
    .addColumn("physical_health", "integer", (c) => c.notNull())
    .addColumn("mental_health", "integer", (c) => c.notNull())
    .addColumn("addiction", "integer", (c) => c.notNull())
    .addColumn("social_network", "integer", (c) => c.notNull())
    .addColumn("language", "integer", (c) => c.notNull())
    .addColumn("caring_duties", "text")
    .addColumn("education_history", "text")
    .addColumn("work_history", "text")
    .addColumn("interests", "text", (c) => c.notNull())
    .addColumn("skills", "text", (c) => c.notNull())
    .addColumn("availability", "text", (c) => c.notNull())
    .addColumn("travel_radius_km", "integer", (c) => c.notNull())
    .addColumn("capacity_hours_per_week", "real", (c) => c.notNull())
    .addColumn("ladder_rung", "integer", (c) => c.notNull())
    .addColumn("growth_rung", "integer", (c) => c.notNull())
    .addColumn("health_notes", "text")
    .addColumn("notes", "text")
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("intakes_client_idx").on("intakes").columns(["client_id", "held_on"]).execute();

  await db.schema
    .createTable("ladder_assessments")
    .addColumn("id", "varchar(36)", id)
    .addColumn("client_id", "varchar(36)", client)
    .addColumn("rung", "integer", (c) => c.notNull())
    .addColumn("growth_rung", "integer")
    .addColumn("assessed_on", "varchar(10)", (c) => c.notNull())
    .addColumn("assessor_id", "varchar(36)", user)
    .addColumn("source", "varchar(20)", (c) => c.notNull())
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ladder_client_idx").on("ladder_assessments").columns(["client_id", "assessed_on"]).execute();

  await db.schema
    .createTable("plans")
    .addColumn("id", "varchar(36)", id)
    .addColumn("client_id", "varchar(36)", client)
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("reporting_frequency_weeks", "integer", (c) => c.notNull())
    .addColumn("confirmed_on", "varchar(10)")
    .addColumn("confirmed_by", "varchar(36)", user)
    .addColumn("letter_id", "varchar(36)", (c) => c.references("letters.id"))
    .addColumn("created_by", "varchar(36)", user)
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addUniqueConstraint("plans_client_version_unique", ["client_id", "version"])
    .execute();

  await db.schema
    .createTable("plan_steps")
    .addColumn("id", "varchar(36)", id)
    .addColumn("plan_id", "varchar(36)", (c) => c.notNull().references("plans.id"))
    .addColumn("client_id", "varchar(36)", client)
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("type", "varchar(30)", (c) => c.notNull())
    .addColumn("title", "varchar(200)", (c) => c.notNull())
    .addColumn("goal", "text")
    .addColumn("hours_per_week", "real", (c) => c.notNull())
    .addColumn("start_date", "varchar(10)", (c) => c.notNull())
    .addColumn("end_date", "varchar(10)")
    .addColumn("provider", "varchar(200)")
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("stop_reason", "text")
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("plan_steps_plan_idx").on("plan_steps").columns(["plan_id", "position"]).execute();
  await db.schema.createIndex("plan_steps_client_idx").on("plan_steps").columns(["client_id", "end_date"]).execute();

  await db.schema
    .createTable("check_ins")
    .addColumn("id", "varchar(36)", id)
    .addColumn("client_id", "varchar(36)", client)
    .addColumn("plan_id", "varchar(36)", (c) => c.references("plans.id"))
    .addColumn("held_on", "varchar(10)", (c) => c.notNull())
    .addColumn("recorded_by", "varchar(36)", user)
    .addColumn("channel", "varchar(20)", (c) => c.notNull())
    .addColumn("how_it_goes", "text")
    .addColumn("who5_items", "varchar(20)", (c) => c.notNull()) // JSON array of five 0–5 scores
    .addColumn("who5_raw", "integer", (c) => c.notNull())
    .addColumn("ready_for_next_step", "integer", (c) => c.notNull())
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("check_ins_client_idx").on("check_ins").columns(["client_id", "held_on"]).execute();
}
