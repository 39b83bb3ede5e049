import type { Actor } from "@server/auth/actor.js";
import type { DecisionOutput, ObjectionOutput } from "@shared/schemas/decisions.js";
import { decisionAbilities } from "./decisions.rules.js";
import type { DecisionView, ObjectionView } from "./decisions.service.js";
import { objectionAbilities } from "./objections.rules.js";

/** An objection with every version of its hearing record and the caller's abilities. */
export function presentObjection(actor: Actor, view: ObjectionView): ObjectionOutput {
  const { objection: row, hearings, names } = view;
  return {
    id: row.id,
    decisionId: row.decision_id,
    receivedOn: row.received_on,
    postedOn: row.posted_on,
    grounds: row.grounds,
    representative: row.representative,
    onTime: row.on_time === 1,
    latenessExcusable: row.lateness_excusable === null ? null : row.lateness_excusable === 1,
    latenessReasons: row.lateness_reasons,
    objectionTermEndsOn: row.objection_term_ends_on,
    decideBy: row.decide_by,
    postponed: row.postponed === 1,
    advisoryCommittee: row.advisory_committee === 1,
    postponement: row.postponed === 1 ? { letterId: row.postponement_letter_id, reasons: row.postponement_reasons } : null,
    consent: row.consent_given_on ? { givenOn: row.consent_given_on, note: row.consent_note } : null,
    hearing: {
      invitationLetterId: row.hearing_invitation_letter_id,
      skipReason: row.hearing_skip_reason,
      skipNote: row.hearing_skip_note,
      versions: hearings.map((h) => ({
        version: h.version,
        heldOn: h.held_on,
        record: h.record,
        conductedBy: names.get(h.conducted_by) ?? "",
        correctionOf: h.correction_of,
        recordedAt: h.recorded_at,
      })),
    },
    outcome: row.outcome,
    outcomeOn: row.outcome_on,
    outcomeReasons: row.outcome_reasons,
    outcomeDecisionId: row.outcome_decision_id,
    abilities: objectionAbilities(actor, {
      decision: view.decision,
      objection: row,
      hearingVersions: hearings.length,
      undoable: view.undoable,
    }),
  };
}

/** A decision with its letter's date, the objection term, the objection (if any) and the caller's abilities. */
export function presentDecision(actor: Actor, view: DecisionView): DecisionOutput {
  const { decision: row } = view;
  return {
    id: row.id,
    clientId: row.client_id,
    type: row.type,
    summary: row.summary,
    legalBasis: row.legal_basis,
    ordinanceVersion: row.ordinance_version,
    facts: row.facts,
    reasons: row.reasons,
    decidedOn: row.decided_on,
    decidedBy: row.decided_by ? (view.names.get(row.decided_by) ?? "") : "",
    takesEffectOn: row.takes_effect_on,
    letterId: row.letter_id,
    letterDate: view.letterDate,
    objectionTermEndsOn: row.objection_term_ends_on,
    subject: { type: row.subject_type, id: row.subject_id },
    replacesDecisionId: row.replaces_decision_id,
    replacedByDecisionId: view.replacedBy,
    objection: view.objection ? presentObjection(actor, view.objection) : null,
    abilities: decisionAbilities(actor, {
      decision: row,
      letterDate: view.letterDate,
      hasObjection: view.objection !== null,
      today: view.today,
    }),
  };
}
