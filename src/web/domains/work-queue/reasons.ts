import type { WorkQueueReason } from "@shared/schemas/work-queue.js";
import type { ClientTab } from "../clients/clientTabs.js";

/** The part of the client record where the consultant acts on each reason. */
export const REASON_TAB: Record<WorkQueueReason, ClientTab> = {
  hearingResponseDue: "sanctions",
  helpRequested: "check-ins",
  lowWellbeingReported: "check-ins",
  letterReturned: "letters",
  letterNotCollected: "letters",
  attributionPending: "placements",
  placementEndedByDisplacement: "placements",
  newDropout: "placements",
  clientMoved: "data",
  objectionDecisionDue: "decisions",
  exemptionRequested: "exemptions",
  activityProposed: "placements",
  rescheduleRequested: "appointments",
  reconsiderationDue: "sanctions",
  possibleNonCompliance: "appointments",
  intakeMissed: "appointments",
  lowWellbeing: "check-ins",
  accountabilityOverdue: "exemptions",
  exemptionEnding: "exemptions",
  checkInOverdue: "check-ins",
  hostCheckInDue: "placements",
  planStepEnding: "plan",
};

/** Reasons that ask for action before the others, shown with a warning colour. */
export const URGENT_REASONS: readonly WorkQueueReason[] = [
  "hearingResponseDue",
  "helpRequested",
  "lowWellbeingReported",
  "letterReturned",
  "letterNotCollected",
  "attributionPending",
  "placementEndedByDisplacement",
  "newDropout",
  "possibleNonCompliance",
  "intakeMissed",
];
