import type { Actor } from "@server/auth/actor.js";
import type { CaregivingOutput } from "@shared/schemas/caregiving.js";
import { caregivingAbilities, countsAsContribution } from "./caregiving.rules.js";
import type { CaregivingView } from "./caregiving.service.js";

/**
 * Caregiving by relation only, with who judged it and the caller's abilities (`mayUndo`: whether the caller can undo
 * recording it now).
 */
export function presentCaregiving(actor: Actor, { row, names, decisionId }: CaregivingView, mayUndo: boolean): CaregivingOutput {
  return {
    id: row.id,
    clientId: row.client_id,
    relation: row.relation,
    description: row.description,
    hoursPerWeek: row.hours_per_week,
    since: row.since,
    beyondCustomaryCare: row.beyond_customary_care === 1,
    countsAsContribution: countsAsContribution(row),
    judgementReason: row.judgement_reason,
    judgedBy: row.judged_by ? (names.get(row.judged_by) ?? null) : null,
    decisionId,
    status: row.status,
    endedOn: row.ended_on,
    createdAt: row.created_at,
    abilities: { ...caregivingAbilities(actor, row), undo: mayUndo },
  };
}
