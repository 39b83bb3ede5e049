/**
 * Working agreements of the activation team that are not the ordinance's to set: when wellbeing needs a call,
 * how much slack a check-in has, what counts as recent. The ordinance's own rules (weekly norm, guidance hours,
 * accountability, exemptions, sanctions) are versioned in the database; see the ordinance domain.
 */
export const CASEWORK_DEFAULTS = {
  defaultReportingFrequencyWeeks: 6,
  who5AttentionBelow: 13,
  /** A WHO-5 item scored this low (0 "never" or 1 "sometimes") calls for attention whatever the total. */
  who5ItemAttentionAtMost: 1,
  checkInGraceDays: 7,
  planStepEndingWithinDays: 14,
  /** How long a host still sees a client after a referral or placement ends. */
  hostVisibilityDaysAfterEnd: 30,
  newDropoutWithinDays: 14,
  /** How long a move to another district stays on both consultants' work queues while the client is not handed over. */
  movedWithinDays: 30,
  /** How long before a due-process deadline (reconsideration, decision on objection) it reaches the work queue. */
  deadlineNoticeDays: 14,
} as const;
