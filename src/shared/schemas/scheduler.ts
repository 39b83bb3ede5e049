import { z } from "zod";
import { calendarDate, timestamp } from "./common.js";

export const SCHEDULER_JOBS = ["daily"] as const;
export type SchedulerJob = (typeof SCHEDULER_JOBS)[number];
export const SCHEDULER_TRIGGERS = ["scheduled", "manual"] as const;
export type SchedulerTrigger = (typeof SCHEDULER_TRIGGERS)[number];
export const SCHEDULER_RUN_STATUSES = ["running", "succeeded", "failed"] as const;
export type SchedulerRunStatus = (typeof SCHEDULER_RUN_STATUSES)[number];

export const dailyJobResult = z.object({
  accountabilityRequests: z.number().int().describe("requests created"),
  reminders: z.number().int().describe("reminders sent"),
  exemptionsEnded: z.number().int().describe("exemptions past their end date, now ended"),
  exemptionsDue: z.number().int().describe("exemptions within the notice period of their end or review date (on the work queue)"),
  accountabilityOverdue: z.number().int().describe("open requests past their overdue date (on the work queue)"),
});
export type DailyJobResult = z.infer<typeof dailyJobResult>;

export const schedulerRunOutput = z.object({
  id: z.uuid(),
  job: z.enum(SCHEDULER_JOBS),
  runDate: calendarDate,
  trigger: z.enum(SCHEDULER_TRIGGERS),
  status: z.enum(SCHEDULER_RUN_STATUSES),
  result: dailyJobResult.nullable(),
  error: z.string().nullable(),
  instance: z.string().describe("which server process ran it"),
  startedBy: z.string().nullable(),
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
});
export type SchedulerRunOutput = z.infer<typeof schedulerRunOutput>;
export const schedulerRunList = z.object({ items: z.array(schedulerRunOutput) });
