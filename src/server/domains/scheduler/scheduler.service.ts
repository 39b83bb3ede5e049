import { randomUUID } from "node:crypto";
import os from "node:os";
import { type Clock, nowIso } from "@server/clock.js";
import type { Database, SchedulerRunsTable } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { addDays } from "@shared/dates.js";
import type { DailyJobResult } from "@shared/schemas/scheduler.js";
import type { Kysely } from "kysely";
import { countOverdue, createDueRequests, sendReminders } from "../accountability/accountability.service.js";
import { recordSystemAudit, type SystemRun } from "../audit/audit.service.js";
import { activeExemptionDates, endExpiredExemption, exemptionsEndedBefore } from "../exemptions/exemptions.repo.js";
import { remindAppointments } from "../notifications/notifications.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { applyRetention } from "../retention/retention.service.js";
import { pruneThrottleEvents } from "../throttles/throttles.service.js";
import { deleteLease, failRunningRuns, finishRun, insertRun, scheduledRunSucceeded, upsertLease } from "./scheduler.repo.js";
import { assertRunDateNotInFuture } from "./scheduler.rules.js";

/** This server process, as it appears in leases and run records. */
export const INSTANCE = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

const LEASE_MS = 10 * 60 * 1000;

/**
 * Takes the named lease for `holder` when it is free, expired or already theirs. One atomic upsert decides, so
 * of two processes on one database exactly one gets it.
 */
export async function acquireLease(db: Kysely<Database>, name: string, holder: string, now: Date): Promise<boolean> {
  const expires = new Date(now.getTime() + LEASE_MS).toISOString();
  return (await upsertLease(db, name, holder, now.toISOString(), expires)) === holder;
}

export async function releaseLease(db: Kysely<Database>, name: string, holder: string): Promise<void> {
  await deleteLease(db, name, holder);
}

/** Exemptions past their end date end; the run's id is the audit trail. */
async function endExpiredExemptions(db: Kysely<Database>, run: SystemRun, date: string): Promise<number> {
  const expired = await exemptionsEndedBefore(db, date);
  for (const exemption of expired) {
    await inTransaction(db, async (trx) => {
      await endExpiredExemption(trx, exemption.id, exemption.end_date, nowIso(run.clock));
      await recordSystemAudit(trx, run, {
        action: "exemption.expire",
        category: "write",
        clientId: exemption.client_id,
        subjectType: "exemption",
        subjectId: exemption.id,
      });
    });
  }
  return expired.length;
}

/** Active exemptions whose end or review date falls within the ordinance's notice period (on the work queue). */
async function countExemptionsDue(db: Kysely<Database>, date: string, noticeDays: number): Promise<number> {
  const horizon = addDays(date, noticeDays);
  const rows = await activeExemptionDates(db);
  return rows.filter((r) => [r.end_date, r.review_date].some((d) => d !== null && d <= horizon)).length;
}

/**
 * The daily work: expiring exemptions, accountability requests, reminders (letters, and messages of appointments in
 * two days) and retention; counts for the work queue.
 * It also clears login and complaint attempts older than every throttle's window.
 */
export async function dailyWork(db: Kysely<Database>, run: SystemRun, date: string): Promise<DailyJobResult> {
  await pruneThrottleEvents(db, run.clock);
  const ordinance = await ordinanceOn(db, date);
  const exemptionsEnded = await endExpiredExemptions(db, run, date);
  const accountabilityRequests = await createDueRequests(db, run, date, ordinance);
  const reminders = await sendReminders(db, run, date);
  const appointmentReminders = await remindAppointments(db, run, date);
  const retention = await applyRetention(db, run, date, ordinance.retention);
  return {
    accountabilityRequests,
    reminders,
    appointmentReminders,
    exemptionsEnded,
    // The work queue is computed when it is read, so these counts are what it shows today.
    exemptionsDue: await countExemptionsDue(db, date, ordinance.exemptionNoticeDays),
    accountabilityOverdue: await countOverdue(db, date),
    retention,
  };
}

export type DailyRunOutcome = { outcome: "ran"; run: SchedulerRunsTable } | { outcome: "alreadyRan" | "busy" };

/**
 * Runs the daily job under the `daily` lease. A scheduled run happens once per date: a second scheduled run
 * (another process, or a restart) finds the first one and does nothing. A manual run always runs; the work is
 * idempotent either way, so running twice creates nothing twice. A date after the clock's today is refused (400
 * naming `date`) before anything is written.
 */
export async function runDailyJob(
  db: Kysely<Database>,
  options: { clock: Clock; date?: string; trigger: "scheduled" | "manual"; startedBy?: string | null; instance?: string },
): Promise<DailyRunOutcome> {
  const { clock } = options;
  const date = options.date ?? clock.today();
  // Refused before the lease is taken: a run for a future date writes nothing, not even its run record.
  assertRunDateNotInFuture(date, clock.today());
  const instance = options.instance ?? INSTANCE;
  if (!(await acquireLease(db, "daily", instance, clock.now()))) return { outcome: "busy" };
  try {
    if (options.trigger === "scheduled") {
      if (await scheduledRunSucceeded(db, "daily", date)) return { outcome: "alreadyRan" };
    }
    // Holding the lease, no other run is active: one still marked running was cut off (a crash or a restart).
    await failRunningRuns(db, "daily", "interrupted before it finished", nowIso(clock));
    const run: SchedulerRunsTable = {
      id: randomUUID(),
      job: "daily",
      run_date: date,
      trigger: options.trigger,
      status: "running",
      result: null,
      error: null,
      instance,
      started_by: options.startedBy ?? null,
      started_at: nowIso(clock),
      finished_at: null,
    };
    await insertRun(db, run);
    try {
      const result = await dailyWork(db, { id: run.id, clock }, date);
      Object.assign(run, { status: "succeeded", result: JSON.stringify(result), finished_at: nowIso(clock) });
    } catch (error) {
      Object.assign(run, {
        status: "failed",
        error: error instanceof Error ? error.message : String(error),
        finished_at: nowIso(clock),
      });
    }
    await finishRun(db, run);
    return { outcome: "ran", run };
  } finally {
    await releaseLease(db, "daily", instance);
  }
}

/**
 * Runs the daily job in-process: at start and then every `intervalMinutes`, each time a no-op once today's
 * scheduled run has succeeded. Returns a function that stops it and resolves when a run in progress ends.
 */
export function startScheduler(
  db: Kysely<Database>,
  options: { clock: Clock; intervalMinutes: number; log: (message: string, error?: unknown) => void; instance?: string },
): () => Promise<unknown> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = runDailyJob(db, { clock: options.clock, trigger: "scheduled", ...(options.instance ? { instance: options.instance } : {}) })
      .then((outcome) => {
        if (outcome.outcome === "ran") options.log(`Daily job ${outcome.run.status}: ${outcome.run.result ?? outcome.run.error}`);
      })
      .catch((error) => options.log("Daily job could not run", error));
  };
  tick();
  const timer = setInterval(tick, options.intervalMinutes * 60 * 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}
