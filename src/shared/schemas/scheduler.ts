import { z } from "zod";
import { calendarDate, timestamp } from "./common.js";

export const SCHEDULER_JOBS = ["daily"] as const;
export type SchedulerJob = (typeof SCHEDULER_JOBS)[number];
export const SCHEDULER_TRIGGERS = ["scheduled", "manual"] as const;
export type SchedulerTrigger = (typeof SCHEDULER_TRIGGERS)[number];
export const SCHEDULER_RUN_STATUSES = ["running", "succeeded", "failed"] as const;
export type SchedulerRunStatus = (typeof SCHEDULER_RUN_STATUSES)[number];

/** What the retention part of a daily run removed or anonymised, by kind of record. */
export const retentionCounts = z.object({
  sessions: z.number().int().describe("expired sessions removed"),
  auditEvents: z.number().int().describe("audit events past the ordinance's period removed"),
  checkInNotes: z.number().int().describe("free texts of check-ins past the period erased (their scores stay)"),
  evidenceDocuments: z.number().int().describe("evidence documents past the period removed"),
  matchProposals: z.number().int().describe("unfollowed proposals of match plans past the period removed"),
  messages: z
    .number()
    .int()
    .default(0)
    .describe("messages to clients sent or failed three months ago or longer, removed (zero for runs made before)"),
  agencyAssignments: z
    .number()
    .int()
    .default(0)
    .describe("assignments to intermediary agencies whose period ended 24 months ago or longer, removed (zero for runs made before)"),
  researchExports: z
    .number()
    .int()
    .default(0)
    .describe("research exports, with their files, finished three months ago or longer, removed (zero for runs made before)"),
  workQueueNotes: z
    .number()
    .int()
    .default(0)
    .describe("work-queue items marked done or snoozed a year ago or longer, removed with their notes (zero for runs made before)"),
  buddyContacts: z
    .number()
    .int()
    .default(0)
    .describe("contact details of buddy pairings ended three months ago or longer, erased (zero for runs made before)"),
  expenseAllowances: z
    .number()
    .int()
    .default(0)
    .describe("expense allowances of years past the seven-year fiscal retention, removed (zero for runs made before)"),
});
export type RetentionCounts = z.infer<typeof retentionCounts>;
const NOTHING_REMOVED: RetentionCounts = {
  sessions: 0,
  auditEvents: 0,
  checkInNotes: 0,
  evidenceDocuments: 0,
  matchProposals: 0,
  messages: 0,
  agencyAssignments: 0,
  researchExports: 0,
  workQueueNotes: 0,
  buddyContacts: 0,
  expenseAllowances: 0,
};

export const dailyJobResult = z.object({
  accountabilityRequests: z.number().int().describe("requests created"),
  reminders: z.number().int().describe("reminders sent"),
  appointmentReminders: z
    .number()
    .int()
    .default(0)
    .describe("messages to clients about an appointment in two days (zero for runs made before them)"),
  exemptionsEnded: z.number().int().describe("exemptions past their end date, now ended"),
  exemptionsDue: z.number().int().describe("exemptions within the notice period of their end or review date (on the work queue)"),
  accountabilityOverdue: z.number().int().describe("open requests past their overdue date (on the work queue)"),
  retention: retentionCounts
    .default(NOTHING_REMOVED)
    .describe("records past their retention period (zeros for runs made before retention)"),
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
