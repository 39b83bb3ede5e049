import { type Kysely, PostgresAdapter } from "kysely";

/** True when the Kysely instance talks to PostgreSQL (migrations use it for dialect-specific DDL). */
export function isPostgres<DB>(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
