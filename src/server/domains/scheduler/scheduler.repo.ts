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

/**
 * Takes the named lease for `holder` when it is free, expired or already theirs, in one atomic upsert; answers
 * who holds it afterwards.
 */
export async function upsertLease(
  db: Kysely<Database>,
  name: string,
  holder: string,
  now: string,
  expires: string,
): Promise<string | undefined> {
  await db
    .insertInto("scheduler_leases")
    .values({ name, holder, expires_at: expires })
    .onConflict((oc) =>
      oc
        .column("name")
        .doUpdateSet({ holder, expires_at: expires })
        .where((eb) => eb.or([eb("scheduler_leases.expires_at", "<", now), eb("scheduler_leases.holder", "=", holder)])),
    )
    .execute();
  const row = await db.selectFrom("scheduler_leases").select("holder").where("name", "=", name).executeTakeFirst();
  return row?.holder;
}

export async function deleteLease(db: Kysely<Database>, name: string, holder: string): Promise<void> {
  await db.deleteFrom("scheduler_leases").where("name", "=", name).where("holder", "=", holder).execute();
}

/** Whether a scheduled run of a job succeeded on a date. */
export async function scheduledRunSucceeded(db: Kysely<Database>, job: SchedulerRunsTable["job"], date: string): Promise<boolean> {
  const done = await db
    .selectFrom("scheduler_runs")
    .select("id")
    .where("job", "=", job)
    .where("run_date", "=", date)
    .where("trigger", "=", "scheduled")
    .where("status", "=", "succeeded")
    .executeTakeFirst();
  return done !== undefined;
}

/** How many runs of periodic work are marked running (across every instance on this database). */
export async function countRunningRuns(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("scheduler_runs")
    .select((eb) => eb.fn.countAll().as("count"))
    .where("status", "=", "running")
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Marks the runs of a job still marked running as failed. */
export async function failRunningRuns(
  db: Kysely<Database>,
  job: SchedulerRunsTable["job"],
  error: string,
  finishedAt: string,
): Promise<void> {
  await db
    .updateTable("scheduler_runs")
    .set({ status: "failed", error, finished_at: finishedAt })
    .where("job", "=", job)
    .where("status", "=", "running")
    .execute();
}

export async function insertRun(db: Kysely<Database>, run: SchedulerRunsTable): Promise<void> {
  await db.insertInto("scheduler_runs").values(run).execute();
}

/** Records how a run ended. */
export async function finishRun(db: Kysely<Database>, run: SchedulerRunsTable): Promise<void> {
  await db
    .updateTable("scheduler_runs")
    .set({ status: run.status, result: run.result, error: run.error, finished_at: run.finished_at })
    .where("id", "=", run.id)
    .execute();
}
