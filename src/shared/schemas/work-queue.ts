import { z } from "zod";
import { calendarDate, pageOf, pageQuery } from "./common.js";
import { ATTRIBUTION_STATES } from "./placements.js";

/** Why a client needs attention, most urgent first. */
export const WORK_QUEUE_REASONS = [
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
  "planStepEnding",
] as const;
export type WorkQueueReason = (typeof WORK_QUEUE_REASONS)[number];

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
  urgency: z.number().int().describe("lower is more urgent"),
});
export type WorkQueueItem = z.infer<typeof workQueueItem>;

export const workQueueQuery = pageQuery.extend({
  consultantId: z.uuid().optional().describe("team leads: another consultant's queue"),
  reason: z.enum(WORK_QUEUE_REASONS).optional().describe("only clients with this reason"),
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
