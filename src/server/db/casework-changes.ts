import { type Kysely, sql } from "kysely";
import { isPostgres } from "./dialect.js";
import type { Database } from "./schema.js";

/**
 * The casework change counter: one row in `casework_changes` whose `version` goes up with every committed transaction
 * that writes casework, bumped by a trigger on every table except those below. Pages computed from casework (the work
 * queue, the caseload) are kept per instance under the version they were computed at (`casework-cache.ts`), so one
 * cheap read tells every instance whether its copy still holds.
 *
 * A table is left out only when it changes with nearly every request and never feeds those pages. A table created
 * later gets the trigger in its own migration (`trackCaseworkChanges`); `casework-changes.db.test.ts` fails for a table
 * that has neither the trigger nor a place here.
 */
export const UNTRACKED_TABLES: Readonly<Record<string, string>> = {
  casework_changes: "the counter itself",
  audit_events: "every read of a client's data appends one",
  sessions: "every login writes one, and requests record themselves on it",
  throttle_events: "every login attempt writes one",
  oidc_logins: "the state of a login in progress through DigiD or the staff provider",
  notifications: "the outbox of messages to clients: queued and marked sent by the delivery loop",
  scheduler_leases: "the daily job's lease, renewed while it runs",
  research_exports: "a researcher's background export and its progress, read by no work queue or caseload",
  client_imports: "the counts of each import from the benefits administration; the clients it writes are tracked",
  kysely_migration: "the migrations' bookkeeping",
  kysely_migration_lock: "the migrations' bookkeeping",
};

const TRIGGER_PREFIX = "casework_changed_";

/** Creates the counter and, on PostgreSQL, the trigger function that bumps it once per transaction. */
export async function createCaseworkCounter(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("casework_changes")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("version", "bigint", (c) => c.notNull())
    .execute();
  await sql`INSERT INTO casework_changes (id, version) VALUES (1, 0)`.execute(db);
  if (!isPostgres(db)) return;
  // A deferred constraint trigger runs at commit, after the transaction's other locks, so the counter row is locked
  // only for the moment of committing; the transaction-local setting makes every later row of the same transaction
  // skip the update. The counter and the data become visible together.
  await sql`CREATE FUNCTION casework_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF current_setting('naar_vermogen.casework_changed', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('naar_vermogen.casework_changed', 'yes', true);
        UPDATE casework_changes SET version = version + 1 WHERE id = 1;
      END IF;
      RETURN NULL;
    END $$`.execute(db);
}

/** Puts the counter's trigger on a table: every insert, update and delete in it bumps the version. */
export async function trackCaseworkChanges(db: Kysely<unknown>, table: string): Promise<void> {
  if (table in UNTRACKED_TABLES) throw new Error(`${table} is listed as untracked`);
  const trigger = sql.raw(`${TRIGGER_PREFIX}${table}`);
  const target = sql.table(table);
  if (isPostgres(db)) {
    await sql`CREATE CONSTRAINT TRIGGER ${trigger} AFTER INSERT OR UPDATE OR DELETE ON ${target}
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION casework_changed()`.execute(db);
    return;
  }
  // SQLite has one writer at a time, so a row trigger bumping the counter serialises nothing that was not already.
  for (const event of ["INSERT", "UPDATE", "DELETE"]) {
    await sql`CREATE TRIGGER ${sql.raw(`${TRIGGER_PREFIX}${table}_${event.toLowerCase()}`)} AFTER ${sql.raw(event)} ON ${target}
      BEGIN UPDATE casework_changes SET version = version + 1 WHERE id = 1; END`.execute(db);
  }
}

/** The tables of the current schema (SQLite's or PostgreSQL's search path), by name. */
export async function tablesOfSchema<DB>(db: Kysely<DB>): Promise<string[]> {
  const { rows } = isPostgres(db)
    ? await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(db)
    : await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db);
  return rows.map((row) => row.name).sort();
}

/** The tables of the current schema that carry the counter's trigger. */
export async function trackedTables<DB>(db: Kysely<DB>): Promise<string[]> {
  const { rows } = isPostgres(db)
    ? await sql<{ name: string }>`SELECT DISTINCT c.relname AS name FROM pg_trigger t
        JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND t.tgname LIKE ${`${TRIGGER_PREFIX}%`}`.execute(db)
    : await sql<{ name: string }>`SELECT DISTINCT tbl_name AS name FROM sqlite_master
        WHERE type = 'trigger' AND name LIKE ${`${TRIGGER_PREFIX}%`}`.execute(db);
  return rows.map((row) => row.name).sort();
}

/** The casework version now: read before computing a page, so the page is at least as new as the version. */
export async function readCaseworkVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("casework_changes").select("version").where("id", "=", 1).executeTakeFirstOrThrow();
  return Number(row.version);
}
