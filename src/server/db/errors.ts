/** True when a database error is a unique-constraint violation, on SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
}

/** The rule a unique index or constraint keeps, as a refusal code with its explanation. */
export interface UniqueRule {
  /** The index or constraint name, as PostgreSQL reports it. */
  index: string;
  /** Its columns as SQLite reports them ("table.column, table.column"; "index 'name'" for an index on an expression). */
  columns: string;
  code: string;
  detail: string;
}

/**
 * Every unique index that expresses a rule. A request that loses a race to one of them is refused with the
 * rule's code (409), exactly as when the service's own check had seen the winner's row.
 */
export const UNIQUE_RULES: readonly UniqueRule[] = [
  {
    index: "work_queue_dispositions_client_reason_key",
    columns: "work_queue_dispositions.client_id, work_queue_dispositions.reason",
    code: "workQueueItemHandled",
    detail: "Someone else just marked this item done or snoozed it.",
  },
  {
    index: "appointments_no_double_booking",
    columns: "appointments.consultant_id, appointments.starts_at",
    code: "slotTaken",
    detail: "Someone else just booked one of these slots. Try again.",
  },
  {
    index: "plans_one_draft",
    columns: "plans.client_id",
    code: "draftExists",
    detail: "Someone else just opened a new draft of this plan. Reload it and make the change there.",
  },
  {
    index: "plans_client_version_unique",
    columns: "plans.client_id, plans.version",
    code: "draftExists",
    detail: "Someone else just opened a new version of this plan. Reload it and make the change there.",
  },
  {
    index: "sanctions_one_per_appointment",
    columns: "sanctions.appointment_id",
    code: "duplicateFact",
    detail: "A sanction for this missed appointment has been proposed already.",
  },
  {
    index: "sanctions_one_per_placement",
    columns: "sanctions.placement_id",
    code: "duplicateFact",
    detail: "A sanction for this placement has been proposed already.",
  },
  {
    index: "sanctions_one_per_plan_step",
    columns: "sanctions.plan_step_id",
    code: "duplicateFact",
    detail: "A sanction for this plan step has been proposed already.",
  },
  {
    index: "buddies_one_active",
    columns: "buddies.client_id",
    code: "alreadyBuddy",
    detail: "Someone else just made this client a buddy.",
  },
  {
    index: "buddy_pairings_one_active",
    columns: "buddy_pairings.client_id",
    code: "alreadyPaired",
    detail: "Someone else just paired this client with a buddy.",
  },
  {
    index: "sanctions_one_per_contribution_letter",
    columns: "sanctions.letter_id",
    code: "duplicateFact",
    detail: "A sanction for the contribution this letter asked has been proposed already.",
  },
  {
    index: "sanctions_one_per_contribution_plan",
    columns: "sanctions.plan_id",
    code: "duplicateFact",
    detail: "A sanction for the contribution this plan asked has been proposed already.",
  },
  {
    index: "match_plans_one_in_progress",
    columns: "index 'match_plans_one_in_progress'",
    code: "planRunning",
    detail: "A placement plan is being made; start the next one when it is done.",
  },
  { index: "clients_bsn_key", columns: "clients.bsn", code: "duplicateBsn", detail: "A client with this BSN is registered already." },
  { index: "users_email_key", columns: "users.email", code: "duplicateEmail", detail: "An account with this email address exists." },
  {
    index: "agreements_version_unique",
    columns: "placement_agreements.placement_id, placement_agreements.version",
    code: "placementState",
    detail: "Someone else just signed an agreement for this placement. Reload it.",
  },
  {
    index: "objections_one_per_decision",
    columns: "objections.decision_id",
    code: "objectionExists",
    detail: "An objection against this decision is registered already.",
  },
  {
    index: "objection_hearings_version_unique",
    columns: "objection_hearings.objection_id, objection_hearings.version",
    code: "hearingChanged",
    detail: "Someone else just added to this hearing record. Reload it and correct the latest version.",
  },
  {
    index: "sanction_hearings_version_unique",
    columns: "sanction_hearings.sanction_id, sanction_hearings.version",
    code: "hearingChanged",
    detail: "Someone else just added to this hearing record. Reload it and correct the latest version.",
  },
  {
    index: "placement_feedback_one_per_placement",
    columns: "placement_feedback.placement_id",
    code: "feedbackGiven",
    detail: "This placement has been rated already.",
  },
  {
    index: "reschedule_requests_one_open",
    columns: "reschedule_requests.appointment_id",
    code: "rescheduleRequested",
    detail: "You have already asked for another time for this appointment.",
  },
];

/** A unique violation that no rule above names: still a refusal given the current state, never a server error. */
export const UNNAMED_UNIQUE_RULE: Omit<UniqueRule, "index" | "columns"> = {
  code: "alreadyExists",
  detail: "Someone else just stored the same. Reload and check before trying again.",
};

/** The rule a database error broke when it is a unique violation, else null. */
export function brokenUniqueRule(error: unknown): Omit<UniqueRule, "index" | "columns"> | null {
  if (!isUniqueViolation(error)) return null;
  const { constraint, message } = error as { constraint?: unknown; message?: unknown };
  // PostgreSQL names the index; SQLite says "UNIQUE constraint failed: table.column, …".
  const columns = typeof message === "string" ? message.replace(/^UNIQUE constraint failed: /, "") : "";
  const rule = UNIQUE_RULES.find((r) => r.index === constraint || r.columns === columns);
  return rule ? { code: rule.code, detail: rule.detail } : UNNAMED_UNIQUE_RULE;
}
