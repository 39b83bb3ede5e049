import { systemClock } from "@server/clock.js";
import { parseJsonColumn } from "@server/db/json.js";
import { runDailyJob } from "@server/domains/scheduler/scheduler.service.js";
import { dailyJobResult } from "@shared/schemas/scheduler.js";
import { openDatabase } from "./database.js";

interface DailyCommandOptions {
  date?: string;
  manual?: boolean;
  database?: string;
  pgSchema?: string;
}

/**
 * `naar-vermogen run-daily`: the daily job once, e.g. from cron when the servers run with NV_SCHEDULER=off.
 * Prints the outcome as one JSON line.
 */
export async function runDaily(options: DailyCommandOptions): Promise<void> {
  const db = await openDatabase(options.database, options.pgSchema);
  try {
    const outcome = await runDailyJob(db.kysely, {
      clock: systemClock,
      trigger: options.manual ? "manual" : "scheduled",
      ...(options.date ? { date: options.date } : {}),
    });
    const line =
      outcome.outcome === "ran"
        ? {
            outcome: "ran",
            status: outcome.run.status,
            result: outcome.run.result ? parseJsonColumn(dailyJobResult, outcome.run.result) : null,
            error: outcome.run.error,
          }
        : outcome;
    process.stdout.write(`${JSON.stringify(line)}\n`);
    if (outcome.outcome === "ran" && outcome.run.status === "failed") process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}
