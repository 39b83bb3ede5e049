import type { Actor } from "@server/auth/actor.js";
import type { ExemptionOutput } from "@shared/schemas/exemptions.js";
import { exemptionAbilities, isInForce } from "./exemptions.rules.js";
import type { ExemptionView } from "./exemptions.service.js";

/** An exemption with the names of who asked, decided and co-signed, its evidence (without content) and the caller's abilities. */
export function presentExemption(actor: Actor, { row, names, documents }: ExemptionView, today: string): ExemptionOutput {
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    id: row.id,
    clientId: row.client_id,
    type: row.type,
    scope: row.scope,
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
    createdAt: row.created_at,
    abilities: exemptionAbilities(actor, row),
  };
}
