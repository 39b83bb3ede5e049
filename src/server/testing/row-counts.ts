import type { Db } from "@server/db/connection.js";
import type { Database } from "@server/db/schema.js";
import { type Kysely, sql } from "kysely";

/**
 * The application's tables, as the database lists them (the migration bookkeeping left out). PostgreSQL lists
 * every schema's tables, so only those of the app's own schema count.
 */
export async function applicationTables(db: Db): Promise<string[]> {
  const tables = await db.kysely.introspection.getTables();
  const schema = db.dialect === "postgres" ? (db.schema ?? "public") : undefined;
  return tables
    .filter((table) => schema === undefined || table.schema === schema)
    .map((table) => table.name)
    .filter((name) => !name.startsWith("kysely_"))
    .sort();
}

/** The number of rows of every given table, read in one statement so that a test can afford it per request. */
export async function countRows(db: Kysely<Database>, tables: readonly string[]): Promise<Record<string, number>> {
  const columns = tables.map((table) => sql`(select count(*) from ${sql.table(table)}) as ${sql.ref(table)}`);
  const { rows } = await sql<Record<string, number | string>>`select ${sql.join(columns)}`.execute(db);
  const row = rows[0] ?? {};
  return Object.fromEntries(tables.map((table) => [table, Number(row[table])]));
}
