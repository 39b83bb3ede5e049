import { type Kysely, sql } from "kysely";
import { isPostgres } from "../dialect.js";

/** The append-only tables whose rows the retention of the daily job may remove, with the refusal each keeps. */
const KEPT_UNTIL_RELEASED = [
  { table: "audit_events", pgFunction: "audit_events_append_only", message: "audit_events is append-only" },
  { table: "documents", pgFunction: "documents_append_only", message: "evidence is kept as uploaded" },
] as const;

/**
 * Retention (AVG art. 5 lid 1 sub e):
 * - four periods of the ordinance, each with the value every earlier version is read with: audit events (60
 *   months), the free text of a check-in (24 months), evidence after its subject closed and its objection terms
 *   passed (12 months), and the proposals of a match plan nobody followed (6 months);
 * - `retention_releases`: the rows of an append-only table the retention run releases for deletion. It writes
 *   them, deletes those rows and empties the table in one transaction, so no other transaction ever sees a release;
 *   the triggers still refuse every update and every other deletion.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const periods = [
    ["retention_audit_months", 60],
    ["retention_check_in_note_months", 24],
    ["retention_evidence_months", 12],
    ["retention_match_proposal_months", 6],
  ] as const;
  for (const [column, months] of periods) {
    await db.schema
      .alterTable("ordinance_versions")
      .addColumn(column, "integer", (c) => c.notNull().defaultTo(months))
      .execute();
  }

  await db.schema
    .createTable("retention_releases")
    .addColumn("table_name", "varchar(40)", (c) => c.notNull())
    .addColumn("row_id", "varchar(64)", (c) => c.notNull())
    .addPrimaryKeyConstraint("retention_releases_pk", ["table_name", "row_id"])
    .execute();

  for (const { table, pgFunction, message } of KEPT_UNTIL_RELEASED) {
    if (isPostgres(db)) {
      await sql
        .raw(`CREATE OR REPLACE FUNCTION ${pgFunction}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' AND EXISTS (
            SELECT 1 FROM retention_releases r WHERE r.table_name = TG_TABLE_NAME AND r.row_id = OLD.id
          ) THEN RETURN OLD; END IF;
          RAISE EXCEPTION '${message}';
        END $$`)
        .execute(db);
    } else {
      await sql.raw(`DROP TRIGGER ${table}_no_delete`).execute(db);
      await sql
        .raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
        WHEN NOT EXISTS (SELECT 1 FROM retention_releases r WHERE r.table_name = '${table}' AND r.row_id = OLD.id)
        BEGIN SELECT RAISE(ABORT, '${message}'); END`)
        .execute(db);
    }
  }
}
