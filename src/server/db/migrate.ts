import { type Migration, type MigrationProvider, Migrator } from "kysely";
import type { Db } from "./connection.js";
import * as foundation from "./migrations/20261128_0001_foundation.js";

// Forward-only: migrations are listed here in order and never edited once released.
const migrations: Record<string, Migration> = {
  "20261128_0001_foundation": foundation,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the database to the latest schema; throws when a migration fails. */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
}
