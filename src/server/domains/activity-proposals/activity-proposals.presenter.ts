import type { Actor } from "@server/auth/actor.js";
import type { ActivityProposalOutput } from "@shared/schemas/activity-proposals.js";
import { acceptRefusalOf, activityProposalAbilities } from "./activity-proposals.rules.js";
import type { ActivityProposalView } from "./activity-proposals.service.js";

/**
 * Every outgoing field of a proposal, with the caller's abilities (`mayUndo`: whether the caller can undo its decision
 * now); the client sees all of their own.
 */
export function presentActivityProposal(
  actor: Actor,
  { row, names, documents, facts }: ActivityProposalView,
  mayUndo: boolean,
): ActivityProposalOutput {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind,
    relation: row.relation,
    description: row.description,
    place: row.place,
    hoursPerWeek: row.hours_per_week,
    since: row.since,
    contact: row.contact,
    proposedByClient: row.proposed_by_client === 1,
    proposedAt: row.created_at,
    status: row.status,
    acceptedHoursPerWeek: row.accepted_hours_per_week,
    reasons: row.decision_reasons,
    decidedBy: row.decided_by ? (names.get(row.decided_by) ?? null) : null,
    decidedOn: row.decided_on,
    decisionId: row.decision_id,
    letterId: row.letter_id,
    contributionId: row.contribution_id,
    caregivingId: row.caregiving_id,
    documents,
    abilities: { ...activityProposalAbilities(actor, row, facts), undo: mayUndo },
    acceptRefusal: acceptRefusalOf(actor, row, facts),
  };
}
