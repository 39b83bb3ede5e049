import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { DEFAULT_MIGRATION_TABLE } from "kysely";
import { MIGRATION_NAMES } from "./migrate.js";

// The whole database in one step of the online backup: one read transaction, so the copy is the state of one moment.
// Servers keep writing meanwhile (readers do not block writers in WAL mode); in smaller steps each of their writes
// would start the copy again, and a busy server would keep it from ever finishing.
const ALL_PAGES = 0x7fffffff;

/** What a checked backup file holds. */
export interface BackupFacts {
  /** The newest migration applied to it. */
  migration: string;
  /** True when this version's migrations go further; the server applies them at its next start. */
  behind: boolean;
  clients: number;
  users: number;
}

/** The file of a `sqlite:PATH` database URL; throws for PostgreSQL and for an in-memory database. */
export function sqliteFileOf(url: string): string {
  if (!url.startsWith("sqlite:")) {
    throw new Error(
      "backup and restore copy a SQLite database; for PostgreSQL use pg_dump -Fc and pg_restore --clean (README: Backup and restore)",
    );
  }
  const file = url.slice("sqlite:".length);
  if (file === ":memory:") throw new Error("an in-memory database has no file to back up or restore");
  return path.resolve(file);
}

/**
 * Copies the SQLite database `source` to `out` while servers may keep writing to it (SQLite's online backup), as a
 * single file (no write-ahead log beside it), checked before it replaces `out` in one rename.
 */
export async function backupSqlite(source: string, out: string): Promise<BackupFacts> {
  if (!fs.existsSync(source)) throw new Error(`there is no database at ${source}`);
  if (fs.existsSync(out) && fs.realpathSync(out) === fs.realpathSync(source)) throw new Error("--out names the database itself");
  const partial = `${out}.partial-${process.pid}`;
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.rmSync(partial, { force: true });
  const db = new SQLite(source, { fileMustExist: true });
  try {
    await db.backup(partial, { progress: () => ALL_PAGES });
    const copy = new SQLite(partial);
    let facts: BackupFacts;
    try {
      copy.pragma("journal_mode = DELETE");
      facts = checkNaarVermogenDatabase(copy, `the copy of ${source}`);
    } finally {
      copy.close();
    }
    moveIntoPlace(partial, out);
    return facts;
  } finally {
    db.close();
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Puts the backup `input` in place of the SQLite database `target`: the copy is checked first (integrity, a
 * migration this version knows), an existing database is replaced only with `force` and never while a server has it
 * open, and the copy replaces it in one rename, so a reader sees the old database or the new one, never a mix.
 */
export function restoreSqlite(input: string, target: string, options: { force?: boolean } = {}): BackupFacts {
  if (!fs.existsSync(input)) throw new Error(`there is no file at ${input}`);
  if (fs.existsSync(target)) {
    if (!options.force) throw new Error(`${target} exists; add --force to replace it (stop the servers using it first)`);
    assertNotInUse(target);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // The input itself is never opened for writing: the check runs on the copy that goes into place.
  const partial = `${target}.restore-${process.pid}`;
  fs.copyFileSync(input, partial);
  try {
    const copy = openForCheck(partial, input);
    let facts: BackupFacts;
    try {
      facts = checkNaarVermogenDatabase(copy, input);
    } finally {
      copy.close();
    }
    // A write-ahead log left beside the old database would be applied to the new one.
    fs.rmSync(`${target}-wal`, { force: true });
    fs.rmSync(`${target}-shm`, { force: true });
    moveIntoPlace(partial, target);
    return facts;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

function openForCheck(file: string, shownAs: string): SQLite.Database {
  try {
    const db = new SQLite(file, { fileMustExist: true });
    db.pragma("schema_version");
    return db;
  } catch (error) {
    throw new Error(`${shownAs} is not a SQLite database (${error instanceof Error ? error.message : String(error)})`);
  }
}

// Leaving WAL mode needs the only connection to the database: it fails while any server has it open.
function assertNotInUse(target: string): void {
  const db = new SQLite(target, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("journal_mode = DELETE");
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      throw new Error(`${target} is in use by a running server; stop it before restoring`);
    }
    // Not a database (or damaged): --force was given, so it is replaced.
  } finally {
    db.close();
  }
}

/** Checks that an open SQLite database is a whole Naar Vermogen database at a migration this version knows. */
function checkNaarVermogenDatabase(db: SQLite.Database, shownAs: string): BackupFacts {
  let integrity: unknown;
  try {
    integrity = db.pragma("integrity_check", { simple: true });
  } catch (error) {
    integrity = error instanceof Error ? error.message : error;
  }
  if (integrity !== "ok") throw new Error(`${shownAs} fails SQLite's integrity check: ${String(integrity)}`);
  const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(DEFAULT_MIGRATION_TABLE);
  if (!hasMigrations) throw new Error(`${shownAs} is not a Naar Vermogen database (it has no migration table)`);
  const applied = (db.prepare(`SELECT name FROM ${DEFAULT_MIGRATION_TABLE} ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
  const unknown = applied.filter((name) => !MIGRATION_NAMES.includes(name));
  if (unknown.length > 0) {
    throw new Error(`${shownAs} was made by another version of Naar Vermogen (unknown migrations: ${unknown.join(", ")})`);
  }
  const migration = applied.at(-1);
  if (!migration) throw new Error(`${shownAs} is not a Naar Vermogen database (no migration was applied to it)`);
  const count = (table: "clients" | "users") => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { migration, behind: migration !== MIGRATION_NAMES.at(-1), clients: count("clients"), users: count("users") };
}

// Written to disk before the rename, and the rename itself to the folder, so a crash leaves the old file or the new.
function moveIntoPlace(partial: string, destination: string): void {
  const file = fs.openSync(partial, "r+");
  fs.fsyncSync(file);
  fs.closeSync(file);
  fs.renameSync(partial, destination);
  const folder = fs.openSync(path.dirname(path.resolve(destination)), "r");
  fs.fsyncSync(folder);
  fs.closeSync(folder);
}
