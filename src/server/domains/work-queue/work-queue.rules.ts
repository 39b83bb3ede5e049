import { conflict, invalidField } from "@server/http/errors.js";
import { addDays } from "@shared/dates.js";
import {
  WORK_QUEUE_REASONS,
  WORK_QUEUE_SEVERITIES,
  type WorkQueueDisposition,
  type WorkQueueReason,
  type WorkQueueSeverity,
} from "@shared/schemas/work-queue.js";

/**
 * How urgent each reason is. A due-process deadline cannot wait (a hearing's response term, a decision on an
 * objection, a sanction's reconsideration); then what the client says about their own wellbeing; an ending waiting
 * to be heard; an exemption request; a proposal to review; letters and appointments; then the rest of the follow-up.
 */
export const SEVERITY_OF_REASON: Readonly<Record<WorkQueueReason, WorkQueueSeverity>> = {
  hearingResponseDue: "deadline",
  objectionDecisionDue: "deadline",
  reconsiderationDue: "deadline",
  helpRequested: "wellbeing",
  lowWellbeingReported: "wellbeing",
  lowWellbeing: "wellbeing",
  attributionPending: "attribution",
  exemptionRequested: "exemptionRequest",
  activityProposed: "proposal",
  letterReturned: "lettersAndAppointments",
  letterNotCollected: "lettersAndAppointments",
  rescheduleRequested: "lettersAndAppointments",
  possibleNonCompliance: "lettersAndAppointments",
  intakeMissed: "lettersAndAppointments",
  placementEndedByDisplacement: "followUp",
  newDropout: "followUp",
  clientMoved: "followUp",
  accountabilityOverdue: "followUp",
  exemptionEnding: "followUp",
  checkInOverdue: "followUp",
  planStepEnding: "followUp",
  hostCheckInDue: "followUp",
};

/** The severity of a reason and its rank among the severities: lower is more urgent. */
export function severityOf(code: WorkQueueReason): { severity: WorkQueueSeverity; rank: number } {
  const severity = SEVERITY_OF_REASON[code];
  return { severity, rank: WORK_QUEUE_SEVERITIES.indexOf(severity) };
}

/** Whole days from one date to another (negative when `to` comes first). */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** A reason's age on a date: days since it arose; for a deadline (its `since` is the due date), days past it. */
export function ageOf(since: string, today: string): number {
  return daysFrom(since, today);
}

/** A client's reasons, most urgent first: by severity, then in the order of the list of reasons. */
export function compareReasons(a: { code: WorkQueueReason }, b: { code: WorkQueueReason }): number {
  return severityOf(a.code).rank - severityOf(b.code).rank || WORK_QUEUE_REASONS.indexOf(a.code) - WORK_QUEUE_REASONS.indexOf(b.code);
}

/** What ranks a client on the queue: their most urgent reason, and the name to break ties. */
export interface RankedItem {
  urgency: number;
  severity: WorkQueueSeverity;
  reasons: readonly { since: string }[];
  familyName: string;
  givenName: string;
}

/**
 * The queue's order: the most severe first; within a severity, the newest signal first (a WHO-5 of 5 entered today
 * comes before a letter returned a year ago), except deadlines, where the one that falls due first leads.
 */
export function compareQueueItems(a: RankedItem, b: RankedItem): number {
  if (a.urgency !== b.urgency) return a.urgency - b.urgency;
  const sinceA = a.reasons[0]?.since ?? "";
  const sinceB = b.reasons[0]?.since ?? "";
  const bySince = a.severity === "deadline" ? sinceA.localeCompare(sinceB) : sinceB.localeCompare(sinceA);
  return bySince || a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName);
}

/** A reason set aside by a consultant: done, or snoozed until a date, for the signal it had then. */
export interface SetAside {
  disposition: WorkQueueDisposition;
  signalSince: string;
  snoozedUntil: string | null;
}

/**
 * Whether a reason stays off the queue: it was set aside for this very signal (a new signal of the same kind has a
 * later `since` and comes back), and, when snoozed, its date has not come yet.
 */
export function isSetAside(reason: { since: string }, setAside: SetAside | undefined, today: string): boolean {
  if (!setAside || setAside.signalSince !== reason.since) return false;
  if (setAside.disposition === "done") return true;
  return setAside.snoozedUntil !== null && today < setAside.snoozedUntil;
}

/** The longest a reason may be snoozed: half a year, so nothing is forgotten on the queue. */
export const MAX_SNOOZE_DAYS = 183;

/** A snooze ends on a day after today and at most `MAX_SNOOZE_DAYS` ahead. */
export function assertSnoozeDate(snoozedUntil: string, today: string): void {
  if (snoozedUntil <= today) throw invalidField("snoozedUntil", "notInFuture", "The item comes back on a day after today.");
  if (snoozedUntil > addDays(today, MAX_SNOOZE_DAYS))
    throw invalidField("snoozedUntil", "tooLong", `An item can be snoozed for at most ${MAX_SNOOZE_DAYS} days.`);
}

/**
 * Only a reason on the client's queue today can be set aside, and only once: a second consultant marking the same
 * item at the same moment is told it was already handled.
 */
export function assertMayBeSetAside(
  reason: { since: string } | undefined,
  setAside: SetAside | undefined,
  today: string,
): asserts reason is { since: string } {
  if (!reason) throw conflict("notOnWorkQueue", "This reason is not on the client's work queue today.");
  if (isSetAside(reason, setAside, today))
    throw conflict("workQueueItemHandled", "This item was already marked done or snoozed by someone else.");
}
