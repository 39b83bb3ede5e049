import type { Kysely } from "kysely";
import { createCaseworkCounter, tablesOfSchema, trackCaseworkChanges, UNTRACKED_TABLES } from "../casework-changes.js";

/**
 * The casework change counter on every table but the untracked ones (`casework-changes.ts`), so that instances can
 * keep computed work queues and caseload pages until casework changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createCaseworkCounter(db);
  for (const table of await tablesOfSchema(db)) {
    if (!(table in UNTRACKED_TABLES)) await trackCaseworkChanges(db, table);
  }
}
