import { CompiledQuery, type DatabaseConnection, type Driver, SqliteDialect, type SqliteDialectConfig, SqliteDriver } from "kysely";

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
