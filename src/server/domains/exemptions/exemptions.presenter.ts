import type { Actor } from "@server/auth/actor.js";
import type { ExemptionOutput } from "@shared/schemas/exemptions.js";
import { functionalLimitsOf } from "../plans/capacity.js";
import { exemptionAbilities, isInForce, obligationsOf } from "./exemptions.rules.js";
import type { ExemptionView } from "./exemptions.service.js";

/**
 * An exemption with the obligations it covers, the names of who asked, decided and co-signed, its evidence (without
 * content), its medical advice, its decisions and the caller's abilities.
 */
export function presentExemption(
  actor: Actor,
  { row, names, documents, medicalAdvice, decisions, undo }: ExemptionView,
  today: string,
): ExemptionOutput {
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    id: row.id,
    clientId: row.client_id,
    type: row.type,
    scope: row.scope,
    obligations: obligationsOf(row),
    childBirthDate: row.child_birth_date,
    unmetCondition: row.unmet_condition as ExemptionOutput["unmetCondition"],
    maxHoursPerWeek: row.max_hours_per_week,
    startDate: row.start_date,
    endDate: row.end_date,
    reviewDate: row.review_date,
    reason: row.reason,
    status: row.status,
    inForce: isInForce(row, today),
    needsCoSign: row.status === "awaitingCoSign",
    requestedBy: nameOf(row.requested_by),
    decidedBy: nameOf(row.decided_by),
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    coSignedBy: nameOf(row.co_signed_by),
    coSignedAt: row.co_signed_at,
    endedOn: row.ended_on,
    endReason: row.end_reason,
    ordinanceVersion: row.ordinance_version,
    documents,
    medicalAdvice: medicalAdvice.map((advice) => ({
      id: advice.id,
      advisorKind: advice.advisor_kind as ExemptionOutput["medicalAdvice"][number]["advisorKind"],
      advisorName: advice.advisor_name,
      advisedOn: advice.advised_on,
      conclusion: advice.conclusion,
      hoursPerWeek: advice.hours_per_week ?? null,
      hoursPerDay: advice.hours_per_day ?? null,
      daysPerWeek: advice.days_per_week ?? null,
      functionalLimits: functionalLimitsOf(advice.functional_limits ?? "[]"),
      recordedBy: nameOf(advice.recorded_by),
      createdAt: advice.created_at,
    })),
    decisions,
    createdAt: row.created_at,
    abilities: exemptionAbilities(actor, row, medicalAdvice.length, { today, decisions, undo }),
  };
}
