/**
 * The municipality's rules until the versioned ordinance table exists: Rotterdam asks 20 hours a week
 * "or naar vermogen". The norm is context for the consultant; capacity is what binds.
 */
export const ORDINANCE_DEFAULTS = {
  weeklyNormHours: 20,
  defaultReportingFrequencyWeeks: 6,
  who5AttentionBelow: 13,
  checkInGraceDays: 7,
  planStepEndingWithinDays: 14,
  /** Guidance hours a week a placement asks of its host organisation, by the client's guidance need. */
  guidanceHoursPerLevel: { light: 1, regular: 2, intensive: 4 },
  /** How long a host still sees a client after a referral or placement ends. */
  hostVisibilityDaysAfterEnd: 30,
  newDropoutWithinDays: 14,
} as const;
