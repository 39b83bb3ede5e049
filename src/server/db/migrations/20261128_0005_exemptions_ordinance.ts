import { type ColumnDefinitionBuilder, type Kysely, sql } from "kysely";
import { isPostgres } from "../dialect.js";

/** Rows that are decisions of record: never updated, never deleted. */
async function appendOnly(db: Kysely<unknown>, table: string, message: string): Promise<void> {
  if (isPostgres(db)) {
    await sql
      .raw(`CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '${message}'; END $$`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`)
      .execute(db);
  } else {
    await sql.raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`).execute(db);
    await sql.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`).execute(db);
  }
}

/**
 * The versioned ordinance; exemptions with their evidence; caregiving; periodic accountability; and the
 * scheduler's runs and lease.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = isPostgres(db) ? "bytea" : "blob";
  const client = (c: ColumnDefinitionBuilder) => c.notNull().references("clients.id");
  const user = (c: ColumnDefinitionBuilder) => c.references("users.id");
  const version = (c: ColumnDefinitionBuilder) => c.notNull().references("ordinance_versions.version");

  await db.schema
    .createTable("ordinance_versions")
    .addColumn("version", "integer", (c) => c.primaryKey())
    .addColumn("effective_from", "varchar(10)", (c) => c.notNull())
    .addColumn("weekly_norm_hours", "real", (c) => c.notNull())
    .addColumn("accountability_interval_months", "integer", (c) => c.notNull())
    .addColumn("accountability_reminder_days", "integer", (c) => c.notNull())
    .addColumn("accountability_overdue_days", "integer", (c) => c.notNull())
    .addColumn("exemption_cosign_months", "integer", (c) => c.notNull())
    .addColumn("exemption_notice_days", "integer", (c) => c.notNull())
    .addColumn("guidance_hours_light", "real", (c) => c.notNull())
    .addColumn("guidance_hours_regular", "real", (c) => c.notNull())
    .addColumn("guidance_hours_intensive", "real", (c) => c.notNull())
    .addColumn("sanction_levels", "text", (c) => c.notNull()) // JSON: [{ level, percentage, months }]
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("created_by", "varchar(36)", user)
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("ordinance_effective_idx").on("ordinance_versions").columns(["effective_from", "version"]).execute();
  // The rules the municipality worked by from the start of the Participatiewet; later versions add to them.
  // A migration is frozen in time: it names the columns it writes instead of the current schema's types.
  await db
    .withTables<{ ordinance_versions: Record<string, string | number | null> }>()
    .insertInto("ordinance_versions")
    .values({
      version: 1,
      effective_from: "2015-01-01",
      weekly_norm_hours: 20,
      accountability_interval_months: 6,
      accountability_reminder_days: 14,
      accountability_overdue_days: 28,
      exemption_cosign_months: 12,
      exemption_notice_days: 30,
      guidance_hours_light: 1,
      guidance_hours_regular: 2,
      guidance_hours_intensive: 4,
      sanction_levels: JSON.stringify([
        { level: 1, percentage: 5, months: 1 },
        { level: 2, percentage: 10, months: 1 },
        { level: 3, percentage: 20, months: 1 },
        { level: 4, percentage: 30, months: 2 },
        { level: 5, percentage: 100, months: 1 },
      ]),
      note: "Verordening tegenprestatie Participatiewet: 20 uur per week of naar vermogen.",
      created_by: null,
      created_at: new Date().toISOString(),
    })
    .execute();
  await appendOnly(db, "ordinance_versions", "an ordinance version is never changed; add a new version");

  await db.schema
    .createTable("exemptions")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("client_id", "varchar(36)", client)
    .addColumn("type", "varchar(40)", (c) => c.notNull())
    .addColumn("scope", "varchar(10)", (c) => c.notNull()) // full, partial
    .addColumn("max_hours_per_week", "real")
    .addColumn("start_date", "varchar(10)", (c) => c.notNull())
    .addColumn("end_date", "varchar(10)")
    .addColumn("review_date", "varchar(10)")
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("status", "varchar(20)", (c) => c.notNull()) // requested, awaitingCoSign, active, refused, ended
    .addColumn("requested_by", "varchar(36)", user)
    .addColumn("decided_by", "varchar(36)", user)
    .addColumn("decided_at", "varchar(40)")
    .addColumn("decision_note", "text")
    .addColumn("co_signed_by", "varchar(36)", user)
    .addColumn("co_signed_at", "varchar(40)")
    .addColumn("ended_on", "varchar(10)")
    .addColumn("end_reason", "text")
    .addColumn("ordinance_version", "integer", version)
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("exemptions_client_idx").on("exemptions").columns(["client_id", "status"]).execute();

  await db.schema
    .createTable("caregiving")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("client_id", "varchar(36)", client)
    .addColumn("relation", "varchar(30)", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("hours_per_week", "real", (c) => c.notNull())
    .addColumn("since", "varchar(10)", (c) => c.notNull())
    .addColumn("beyond_customary_care", "integer", (c) => c.notNull())
    .addColumn("judgement_reason", "text", (c) => c.notNull())
    .addColumn("judged_by", "varchar(36)", user)
    .addColumn("status", "varchar(20)", (c) => c.notNull()) // active, ended
    .addColumn("ended_on", "varchar(10)")
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("caregiving_client_idx").on("caregiving").columns(["client_id", "status"]).execute();

  await db.schema
    .createTable("accountability_requests")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("client_id", "varchar(36)", client)
    .addColumn("subject_type", "varchar(20)", (c) => c.notNull()) // contribution, caregiving
    .addColumn("subject_id", "varchar(36)", (c) => c.notNull())
    .addColumn("requested_on", "varchar(10)", (c) => c.notNull())
    .addColumn("ordinance_version", "integer", version)
    .addColumn("letter_id", "varchar(36)", (c) => c.notNull().references("letters.id"))
    .addColumn("reminded_on", "varchar(10)")
    .addColumn("reminder_letter_id", "varchar(36)", (c) => c.references("letters.id"))
    .addColumn("status", "varchar(20)", (c) => c.notNull()) // open, confirmed, stopped
    .addColumn("responded_on", "varchar(10)")
    .addColumn("response", "text")
    .addColumn("responded_by", "varchar(36)", user)
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  // One request per activity per day, whoever runs the job and however often.
  await db.schema
    .createIndex("accountability_once_idx")
    .on("accountability_requests")
    .columns(["subject_type", "subject_id", "requested_on"])
    .unique()
    .execute();
  await db.schema.createIndex("accountability_client_idx").on("accountability_requests").columns(["client_id", "status"]).execute();

  // Evidence: an occupational physician's advice, an organisation's statement. Health evidence is sensitive.
  await db.schema
    .createTable("documents")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("client_id", "varchar(36)", client)
    .addColumn("subject_type", "varchar(20)", (c) => c.notNull()) // exemption, accountability
    .addColumn("subject_id", "varchar(36)", (c) => c.notNull())
    .addColumn("filename", "varchar(200)", (c) => c.notNull())
    .addColumn("media_type", "varchar(40)", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("sha256", "varchar(64)", (c) => c.notNull())
    .addColumn("content", binary, (c) => c.notNull())
    .addColumn("uploaded_by", "varchar(36)", user)
    .addColumn("uploaded_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("documents_subject_idx").on("documents").columns(["subject_type", "subject_id"]).execute();
  await appendOnly(db, "documents", "evidence is kept as uploaded");

  await db.schema
    .alterTable("placements")
    .addColumn("ordinance_version", "integer", (c) => c.references("ordinance_versions.version"))
    .execute();

  await db.schema
    .createTable("scheduler_runs")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("job", "varchar(40)", (c) => c.notNull())
    .addColumn("run_date", "varchar(10)", (c) => c.notNull())
    .addColumn("trigger", "varchar(20)", (c) => c.notNull()) // scheduled, manual
    .addColumn("status", "varchar(20)", (c) => c.notNull()) // running, succeeded, failed
    .addColumn("result", "text")
    .addColumn("error", "text")
    .addColumn("instance", "varchar(80)", (c) => c.notNull())
    .addColumn("started_by", "varchar(36)", user)
    .addColumn("started_at", "varchar(40)", (c) => c.notNull())
    .addColumn("finished_at", "varchar(40)")
    .execute();
  await db.schema.createIndex("scheduler_runs_job_idx").on("scheduler_runs").columns(["job", "run_date", "status"]).execute();

  await db.schema
    .createTable("scheduler_leases")
    .addColumn("name", "varchar(40)", (c) => c.primaryKey())
    .addColumn("holder", "varchar(80)", (c) => c.notNull())
    .addColumn("expires_at", "varchar(40)", (c) => c.notNull())
    .execute();
}
