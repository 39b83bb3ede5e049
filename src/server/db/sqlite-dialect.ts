import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from "kysely";

/**
 * Starts every transaction with `BEGIN IMMEDIATE`, so it holds SQLite's single write lock from its first read.
 * A plain (deferred) `BEGIN` lets two processes read the same facts and then both try to write: the later one
 * fails with SQLITE_BUSY instead of waiting, or, worse, writes on facts it read before the other committed.
 * Within one process Kysely's driver already runs one transaction at a time over its single connection.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

/** Kysely's SQLite dialect whose transactions take the write lock at BEGIN (see `ImmediateSqliteDriver`). */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** The part of a better-sqlite3 database that Kysely's driver uses. */
type PreparingDatabase = Pick<SqliteDatabase, "prepare" | "close">;

/**
 * Kysely's SQLite driver prepares every query anew; parsing and planning the SQL then costs about as much as running
 * a small query. This keeps the last `size` prepared statements by their SQL text (least recently used out first),
 * so a request's queries, the same on every request, are prepared once. SQLite prepares a statement again by itself
 * when the schema changes.
 */
export function withStatementCache(database: PreparingDatabase, size = 500): PreparingDatabase {
  const statements = new Map<string, ReturnType<SqliteDatabase["prepare"]>>();
  return {
    close: () => database.close(),
    prepare(sql) {
      const cached = statements.get(sql);
      statements.delete(sql);
      const statement = cached ?? database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}
