import type { Services } from "@server/app.js";
import { parseJsonColumn } from "@server/db/json.js";
import type { SchedulerRunsTable } from "@server/db/schema.js";
import { contextOf } from "@server/http/context.js";
import { conflict } from "@server/http/errors.js";
import { calendarDate } from "@shared/schemas/common.js";
import { dailyJobResult, type SchedulerRunOutput, schedulerRunList, schedulerRunOutput } from "@shared/schemas/scheduler.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { recordAudit } from "../audit/audit.service.js";
import { schedulerPolicy } from "./scheduler.policy.js";
import { listRecentRuns, startersOf } from "./scheduler.repo.js";
import { runDailyJob } from "./scheduler.service.js";

/** Every outgoing field of a run, with the name of who started it (given, not looked up). */
function presentRun(row: SchedulerRunsTable, starters: Map<string, string>): SchedulerRunOutput {
  return {
    id: row.id,
    job: row.job,
    runDate: row.run_date,
    trigger: row.trigger,
    status: row.status,
    result: row.result ? parseJsonColumn(dailyJobResult, row.result) : null,
    error: row.error,
    instance: row.instance,
    startedBy: (row.started_by && starters.get(row.started_by)) || null,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** The scheduler's runs, and running the daily job on demand (admins). */
export function schedulerRoutes({ db, instance }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/scheduler/runs",
      {
        config: { policy: schedulerPolicy.admin },
        schema: { tags: ["scheduler"], summary: "The last 50 runs of periodic work", response: { 200: schedulerRunList } },
      },
      async () => {
        const runs = await listRecentRuns(db.kysely, 50);
        const starters = await startersOf(db.kysely, runs);
        return { items: runs.map((run) => presentRun(run, starters)) };
      },
    );

    app.post(
      "/scheduler/runs",
      {
        config: { policy: schedulerPolicy.admin },
        schema: {
          tags: ["scheduler"],
          summary: "Run the daily job now",
          description:
            "Idempotent: what the day's work has created already is not created again. 409 jobRunning while another run holds the lease. 400 naming date for a date after today: nothing is written.",
          body: z.object({
            job: z.literal("daily"),
            date: calendarDate.optional().describe("the date to run for, today or earlier (catching up a missed day); today when left out"),
          }),
          response: { 201: schedulerRunOutput },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const outcome = await runDailyJob(db.kysely, {
          clock: ctx.clock,
          trigger: "manual",
          startedBy: ctx.actor.id,
          instance,
          ...(request.body.date ? { date: request.body.date } : {}),
        });
        if (outcome.outcome !== "ran") throw conflict("jobRunning", "The daily job is running in another process; try again in a minute.");
        await recordAudit(db.kysely, ctx, {
          action: "scheduler.run",
          category: "admin",
          subjectType: "schedulerRun",
          subjectId: outcome.run.id,
        });
        return reply.status(201).send(presentRun(outcome.run, await startersOf(db.kysely, [outcome.run])));
      },
    );
  };
}
