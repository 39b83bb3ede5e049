import { loadConfig } from "@server/config.js";
import { connectDatabase, type Db } from "@server/db/connection.js";
import { migrateToLatest } from "@server/db/migrate.js";

/** Opens and migrates the database a CLI command works on: `--database`, else the configured one. */
export async function openDatabase(url?: string, pgSchema?: string): Promise<Db> {
  const db = connectDatabase(url ?? loadConfig().DATABASE_URL, pgSchema ? { pgSchema } : {});
  await migrateToLatest(db);
  return db;
}
