import { z } from "zod";
import { calendarDate, pageOf, pageQuery } from "./common.js";

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
  "hostCheckInDue", // four weeks after a placement's start: check in with the host
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

export const teamMemberOutput = z.object({
  consultantId: z.uuid(),
  displayName: z.string(),
  districts: z.array(z.string()),
  caseloadSize: z.number().int(),
  queueLength: z.number().int(),
});
export const teamOverview = z.object({ items: z.array(teamMemberOutput) });

/** Body of `PUT /clients/{id}/consultant`: reassign a client. */
export const assignmentInput = z.object({ consultantId: z.uuid() });
