import type { Actor } from "@server/auth/actor.js";
import { parseJsonColumn } from "@server/db/json.js";
import type { MatchPlansTable } from "@server/db/schema.js";
import {
  MATCH_PLAN_STATUSES,
  type MatchPlanOutput,
  matchPlanOutput,
  matchReason,
  PROPOSAL_STATUSES,
  type ProposalOutput,
  type proposalGroup,
  SHORTFALL_CAUSES,
} from "@shared/schemas/matching.js";
import { z } from "zod";
import type { ProposalWithNames } from "./match-plans.repo.js";
import { proposalAbilities } from "./matching.policy.js";
import { scoreOf } from "./matching.rules.js";

const reasonList = z.array(matchReason);
const planSummary = matchPlanOutput.shape.summary;
const NO_CAUSES = Object.fromEntries(SHORTFALL_CAUSES.map((cause) => [cause, 0]));

/**
 * A stored plan's summary. A plan made before a cause was counted (the client's limits were once "other") has no
 * count for it: it reads as zero, so every plan answers with every cause.
 */
function summaryOf(text: string): MatchPlanOutput["summary"] {
  const stored = JSON.parse(text) as { shortfall?: { causes?: Record<string, number> }[] } | null;
  for (const district of stored?.shortfall ?? []) district.causes = { ...NO_CAUSES, ...district.causes };
  return planSummary.parse(stored);
}

/** Every outgoing field of a proposal, with what the actor may do with it. */
export function presentProposal(actor: Actor, row: ProposalWithNames): ProposalOutput {
  return {
    id: row.id,
    planId: row.plan_id,
    clientId: row.client_id,
    clientName: `${row.given_name} ${row.family_name}`,
    district: row.district,
    roleId: row.role_id,
    roleTitle: row.role_title,
    organisationName: row.organisation_name,
    hoursPerWeek: row.hours_per_week,
    score: scoreOf(row.cost),
    reasons: parseJsonColumn(reasonList, row.reasons),
    status: z.enum(PROPOSAL_STATUSES).parse(row.status),
    consultantId: row.consultant_id,
    consultantName: row.consultant_name,
    rejectReasonCode: row.reject_reason_code,
    rejectReason: row.reject_reason,
    placementId: row.placement_id,
    decidedAt: row.decided_at,
    abilities: proposalAbilities(actor, row),
  };
}

/** A plan with its progress, result and how many of its proposals (in the actor's scope) have each status. */
export function presentMatchPlan(
  row: MatchPlansTable,
  counts: { planId: string; status: string; count: number }[],
  requestedBy: string | null,
): MatchPlanOutput {
  const countOf = (status: string) => counts.find((c) => c.planId === row.id && c.status === status)?.count ?? 0;
  return {
    id: row.id,
    district: row.district,
    status: z.enum(MATCH_PLAN_STATUSES).parse(row.status),
    progress: row.progress,
    requestedBy,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    error: row.error,
    summary: row.summary ? summaryOf(row.summary) : null,
    proposals: { pending: countOf("pending"), accepted: countOf("accepted"), rejected: countOf("rejected") },
  };
}

/** The per-consultant counts as one group each, in the order the query gave (by consultant name). */
export function groupByConsultant(counts: { consultantId: string | null; consultantName: string | null; status: string; count: number }[]) {
  const groups = new Map<string, z.infer<typeof proposalGroup>>();
  for (const row of counts) {
    const key = row.consultantId ?? "";
    const group = groups.get(key) ?? {
      consultantId: row.consultantId,
      consultantName: row.consultantName,
      pending: 0,
      accepted: 0,
      rejected: 0,
    };
    if (row.status === "pending" || row.status === "accepted" || row.status === "rejected") group[row.status] += row.count;
    groups.set(key, group);
  }
  return [...groups.values()];
}
