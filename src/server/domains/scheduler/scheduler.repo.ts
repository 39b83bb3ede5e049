import type { Database, SchedulerRunsTable } from "@server/db/schema.js";
import type { Kysely } from "kysely";

/** The last runs of periodic work, newest first. */
export async function listRecentRuns(db: Kysely<Database>, limit: number): Promise<SchedulerRunsTable[]> {
  return db.selectFrom("scheduler_runs").selectAll().orderBy("started_at", "desc").limit(limit).execute();
}

/** Display names of the accounts that started the given runs, by account id. */
export async function startersOf(db: Kysely<Database>, runs: readonly SchedulerRunsTable[]): Promise<Map<string, string>> {
  const ids = [...new Set(runs.flatMap((r) => (r.started_by ? [r.started_by] : [])))];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "display_name"]).where("id", "in", ids).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}
