import { z } from "zod";
import { calendarDate, pageOf, pageQuery, timestamp } from "./common.js";
import { ATTRIBUTION_STATES } from "./placements.js";

/**
 * Why a client needs attention. How urgent each is, is its severity (`work-queue.rules.ts` on the server); within a
 * severity, reasons keep this order.
 */
export const WORK_QUEUE_REASONS = [
  "hearingResponseDue", // the client's term to respond before a sanction decision ends: hear them or decide
  "helpRequested", // the client asked for help in their own check-in: call them today
  "lowWellbeingReported", // the client's own check-in has a low WHO-5: call them today
  "letterReturned",
  "letterNotCollected",
  "attributionPending", // a placement ended early: hear the client and determine to whom it is attributable
  "placementEndedByDisplacement", // the role failed the displacement check: find another activity
  "newDropout",
  "clientMoved", // an import moved the client to another district: the consultant hands the client over
  "exemptionRequested",
  "activityProposed", // the client proposed an activity of their own: accept or decline it
  "rescheduleRequested", // the client cannot come to a planned appointment and asks for another time
  "objectionDecisionDue",
  "reconsiderationDue",
  "possibleNonCompliance",
  "intakeMissed",
  "lowWellbeing",
  "accountabilityOverdue",
  "exemptionEnding",
  "checkInOverdue",
  "hostCheckInDue", // four weeks after a placement's start: check in with the host
  "planStepEnding",
] as const;
export type WorkQueueReason = (typeof WORK_QUEUE_REASONS)[number];

/**
 * How urgent a reason is, most urgent first: a due-process deadline, then the client's own wellbeing, an ending still
 * to be heard, an exemption request, a proposal to review, letters and appointments, and the rest of the follow-up.
 */
export const WORK_QUEUE_SEVERITIES = [
  "deadline",
  "wellbeing",
  "attribution",
  "exemptionRequest",
  "proposal",
  "lettersAndAppointments",
  "followUp",
] as const;
export type WorkQueueSeverity = (typeof WORK_QUEUE_SEVERITIES)[number];

/** What a consultant can do with an item on the queue: mark it done, or set it aside until a date. */
export const WORK_QUEUE_DISPOSITIONS = ["done", "snoozed"] as const;
export type WorkQueueDisposition = (typeof WORK_QUEUE_DISPOSITIONS)[number];

export const workQueueItem = z.object({
  clientId: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  district: z.string().nullable(),
  consultantId: z.uuid().nullable(),
  reasons: z.array(
    z.object({
      code: z.enum(WORK_QUEUE_REASONS),
      since: calendarDate.describe("when the reason arose"),
      suggestedAction: z.string().nullable().describe("e.g. sendSecondInvitation; the consultant decides"),
    }),
  ),
  urgency: z.number().int().describe("lower is more urgent: the position of `severity` among the severities"),
  severity: z.enum(WORK_QUEUE_SEVERITIES).describe("how urgent the first reason is"),
  ageDays: z
    .number()
    .int()
    .describe("days since the first reason arose; for a deadline, days past it (negative while it is still to come)"),
  abilities: z.object({ markDone: z.boolean(), snooze: z.boolean() }),
});
export type WorkQueueItem = z.infer<typeof workQueueItem>;

export const workQueueQuery = pageQuery.extend({
  consultantId: z.uuid().optional().describe("team leads: another consultant's queue"),
  reason: z.enum(WORK_QUEUE_REASONS).optional().describe("only clients with this reason"),
  severity: z.enum(WORK_QUEUE_SEVERITIES).optional().describe("only clients whose first reason has this severity"),
  clientId: z.uuid().optional().describe("only this client"),
  client: z.string().trim().max(100).optional().describe("only clients whose name holds these words, in any order"),
});
export const workQueuePage = pageOf(workQueueItem);

/** Which way the mean WHO-5 of a consultant's clients moved between two periods, when both rest on enough check-ins. */
export const WHO5_TRENDS = ["up", "steady", "down"] as const;
export type Who5Trend = (typeof WHO5_TRENDS)[number];

/** What a consultant's caseload achieved: placements that last, how placements ended, wellbeing, open deadlines. */
export const teamMemberOutcomes = z.object({
  placementsStarted: z.number().int().describe("the clients' placements that started at least three months ago"),
  placementsLasted: z.number().int().describe("of those, the ones that lasted three months or longer (or still run)"),
  endings: z
    .record(z.enum([...ATTRIBUTION_STATES]), z.number().int())
    .describe("placements ended in the last twelve months, by whom the ending is attributable to"),
  who5Recent: z.number().nullable().describe("mean WHO-5 (0–100) of check-ins in the last three months; null without any"),
  who5Earlier: z.number().nullable().describe("the same for the three months before"),
  who5Trend: z.enum(WHO5_TRENDS).nullable().describe("null when either period has too few check-ins to say"),
  openObjections: z.number().int().describe("objections without an outcome"),
  overdueObjections: z.number().int().describe("of those, past their decide-by date"),
  pendingSanctions: z.number().int().describe("sanctions proposed and not yet decided"),
});
export type TeamMemberOutcomes = z.infer<typeof teamMemberOutcomes>;

export const teamMemberOutput = z.object({
  consultantId: z.uuid(),
  displayName: z.string(),
  districts: z.array(z.string()),
  caseloadSize: z.number().int(),
  queueLength: z.number().int(),
  outcomes: teamMemberOutcomes,
});
export const teamOverview = z.object({ items: z.array(teamMemberOutput) });

/** Body of `PUT /clients/{id}/consultant`: reassign a client. */
export const assignmentInput = z.object({ consultantId: z.uuid() });

/** Body of `POST /clients/{id}/work-queue-dispositions`: mark one reason done, or snooze it until a date with a note. */
export const workQueueDispositionInput = z.discriminatedUnion("disposition", [
  z.object({
    disposition: z.literal("done"),
    reason: z.enum(WORK_QUEUE_REASONS),
    note: z.string().trim().max(1000).optional().describe("what was done; optional"),
  }),
  z.object({
    disposition: z.literal("snoozed"),
    reason: z.enum(WORK_QUEUE_REASONS),
    snoozedUntil: calendarDate.describe("the day the item comes back on the queue"),
    note: z.string().trim().min(1).max(1000).describe("why it waits"),
  }),
]);
export type WorkQueueDispositionInput = z.infer<typeof workQueueDispositionInput>;

export const workQueueDispositionOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  reason: z.enum(WORK_QUEUE_REASONS),
  disposition: z.enum(WORK_QUEUE_DISPOSITIONS),
  signalSince: calendarDate.describe("the `since` of the reason it set aside: a later signal of the same kind comes back"),
  snoozedUntil: calendarDate.nullable(),
  note: z.string().nullable(),
  decidedBy: z.uuid(),
  decidedAt: timestamp,
});
