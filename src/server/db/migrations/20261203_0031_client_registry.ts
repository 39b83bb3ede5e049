import { type Kysely, sql } from "kysely";
import { trackCaseworkChanges } from "../casework-changes.js";

/**
 * The client registry as the benefits administration keeps it:
 * - a benefit can end (`benefit_end_date`, `benefit_end_reason`): the client leaves the cohort, the file stays;
 * - partners in one household share a `household_id` (the benefits administration's household number);
 * - `state_pension_ages`: the state pension age (AOW-leeftijd) by birth date, a table the municipality updates when
 *   the government sets a new age; seeded with the ages of the Algemene Ouderdomswet for everyone born from 1948 on;
 * - `client_moves`: a move to another district found by an import, so that both consultants see it on the work queue;
 * - `client_imports`: each import from the benefits administration with its counts (the rows are in its report).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("clients").addColumn("benefit_end_date", "varchar(10)").execute();
  await db.schema.alterTable("clients").addColumn("benefit_end_reason", "varchar(20)").execute();
  await db.schema.alterTable("clients").addColumn("household_id", "varchar(40)").execute();
  await db.schema.createIndex("clients_household_idx").on("clients").column("household_id").execute();

  await db.schema
    .createTable("state_pension_ages")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("born_from", "varchar(10)")
    .addColumn("born_until", "varchar(10)")
    .addColumn("years", "integer", (c) => c.notNull())
    .addColumn("months", "integer", (c) => c.notNull())
    .addColumn("updated_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
    .execute();
  const seededAt = "2026-12-03T00:00:00+01:00";
  const rows: [string | null, string | null, number, number][] = [
    [null, "1947-12-31", 65, 0],
    ["1948-01-01", "1948-11-30", 65, 1],
    ["1948-12-01", "1949-10-31", 65, 2],
    ["1949-11-01", "1950-09-30", 65, 3],
    ["1950-10-01", "1951-06-30", 65, 6],
    ["1951-07-01", "1952-03-31", 65, 9],
    ["1952-04-01", "1952-12-31", 66, 0],
    ["1953-01-01", "1955-08-31", 66, 4],
    ["1955-09-01", "1956-05-31", 66, 7],
    ["1956-06-01", "1957-02-28", 66, 10],
    ["1957-03-01", "1960-12-31", 67, 0],
    ["1961-01-01", null, 67, 3],
  ];
  for (const [i, [bornFrom, bornUntil, years, months]] of rows.entries()) {
    await sql`INSERT INTO state_pension_ages (id, born_from, born_until, years, months, updated_by, updated_at)
      VALUES (${`00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`}, ${bornFrom}, ${bornUntil}, ${years}, ${months}, NULL, ${seededAt})`.execute(
      db,
    );
  }

  await db.schema
    .createTable("client_imports")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("started_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("source", "varchar(10)", (c) => c.notNull())
    .addColumn("encoding", "varchar(20)", (c) => c.notNull())
    .addColumn("rows", "integer", (c) => c.notNull())
    .addColumn("created", "integer", (c) => c.notNull())
    .addColumn("updated", "integer", (c) => c.notNull())
    .addColumn("unchanged", "integer", (c) => c.notNull())
    .addColumn("refused", "integer", (c) => c.notNull())
    .addColumn("moved", "integer", (c) => c.notNull())
    .addColumn("imported_at", "varchar(40)", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("client_moves")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("import_id", "varchar(36)", (c) => c.references("client_imports.id"))
    .addColumn("from_district", "varchar(60)")
    .addColumn("to_district", "varchar(60)")
    .addColumn("from_consultant_id", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("moved_on", "varchar(10)", (c) => c.notNull())
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("client_moves_client_idx").on("client_moves").columns(["client_id", "moved_on"]).execute();
  // The caseload shows the state pension date and the work queue the moves: kept pages must see them change.
  await trackCaseworkChanges(db, "state_pension_ages");
  await trackCaseworkChanges(db, "client_moves");
}
