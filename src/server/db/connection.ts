import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.js";
import { ImmediateSqliteDialect, withStatementCache } from "./sqlite-dialect.js";

export type DialectName = "sqlite" | "postgres";

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** The PostgreSQL schema in use when not the default one. */
  schema?: string;
  destroy(): Promise<void>;
}

export interface ConnectOptions {
  /** PostgreSQL schema to use as search_path (tests give each file its own). */
  pgSchema?: string;
}

/** Opens the database named by a `sqlite:PATH` or `postgres://` URL. */
export function connectDatabase(url: string, options: ConnectOptions = {}): Db {
  if (url.startsWith("sqlite:")) return connectSqlite(url.slice("sqlite:".length));
  return connectPostgres(url, options.pgSchema);
}

function connectSqlite(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new SQLite(file);
  database.pragma("journal_mode = WAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  database.pragma("synchronous = NORMAL");
  const kysely = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(database) }) });
  return { kysely, dialect: "sqlite", destroy: () => kysely.destroy() };
}

function connectPostgres(url: string, schema?: string): Db {
  // Dates and timestamps are kept as text, so pg's own date parsing never shifts a day.
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: "postgres", ...(schema ? { schema } : {}), destroy: () => kysely.destroy() };
}
