import type { Actor } from "@server/auth/actor.js";
import type { SanctionOutput } from "@shared/schemas/sanctions.js";
import { latestLetterStep, sanctionAbilities, sanctionDecideRefusal } from "./sanctions.rules.js";
import type { SanctionView } from "./sanctions.service.js";

/** A sanction with names, the hearing letter's delivery, the ordinance's level, every hearing version and the caller's abilities. */
export function presentSanction(actor: Actor, view: SanctionView): SanctionOutput {
  const { sanction: row, names } = view;
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: view.clientName,
    ground: row.ground as SanctionOutput["ground"],
    factsDate: row.facts_date,
    facts: row.facts,
    appointmentId: row.appointment_id,
    placementId: row.placement_id,
    letterId: row.letter_id,
    planId: row.plan_id,
    planStepId: row.plan_step_id,
    notDone: row.not_done,
    culpability: row.culpability as SanctionOutput["culpability"],
    circumstances: row.circumstances,
    childrenInterests: row.children_interests,
    urgentReasons: row.urgent_reasons === 1,
    urgentReasonsNote: row.urgent_reasons_note,
    urgentReasonsLapsed:
      row.urgent_reasons_lapsed_reasons && row.urgent_reasons_lapsed_at
        ? { reasons: row.urgent_reasons_lapsed_reasons, by: nameOf(row.urgent_reasons_lapsed_by), at: row.urgent_reasons_lapsed_at }
        : null,
    recurrence: row.recurrence,
    proposedBy: nameOf(row.proposed_by) ?? "",
    proposedById: row.proposed_by,
    proposedAt: row.proposed_at,
    status: row.status as SanctionOutput["status"],
    hearing: {
      letterId: row.hearing_letter_id,
      letterDelivery: view.invitationDelivery,
      respondBy: row.hearing_respond_by,
      heldOn: row.hearing_held_on,
      channel: row.hearing_channel as SanctionOutput["hearing"]["channel"],
      record: row.hearing_record,
      versions: view.hearings.map((h) => ({
        version: h.version,
        heldOn: h.held_on,
        channel: h.channel as SanctionOutput["hearing"]["versions"][number]["channel"],
        record: h.record,
        recordedBy: nameOf(h.recorded_by),
        correctionOf: h.correction_of,
        recordedAt: h.recorded_at,
      })),
    },
    proposedLevel: view.proposedLevel,
    outcome: row.outcome as SanctionOutput["outcome"],
    decisionReasons: row.decision_reasons,
    level: row.level,
    percentage: row.percentage,
    months: row.months,
    ordinanceVersion: row.ordinance_version,
    decidedBy: nameOf(row.decided_by),
    decidedAt: row.decided_at,
    decisionLetterId: row.decision_letter_id,
    decisionId: row.decision_id,
    reconsiderBy: row.reconsider_by,
    reconsideredOn: row.reconsidered_on,
    reconsiderationOutcome: row.reconsideration_outcome as SanctionOutput["reconsiderationOutcome"],
    reconsiderationNote: row.reconsideration_note,
    reconsiderationDecisionId: row.reconsideration_decision_id,
    endedOn: row.ended_on,
    revoked: row.revoked === 1,
    undoStep: latestLetterStep(row),
    abilities: sanctionAbilities(actor, view),
    decideRefusal: sanctionDecideRefusal(actor, view),
  };
}
