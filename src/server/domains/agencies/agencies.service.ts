import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { AgencyRow, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { invalidField, notFound, requireFound } from "@server/http/errors.js";
import type { AgencyCreateInput, AssignmentCreateInput } from "@shared/schemas/agencies.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { findVisibleClient } from "../clients/clients.repo.js";
import * as repo from "./agencies.repo.js";
import {
  type AssignmentResult,
  assertAssignmentPeriod,
  assertNoOverlappingAssignment,
  presentableResults,
  resultOfAssignment,
  sumResults,
} from "./agencies.rules.js";

/** One agency in the caller's scope; another does not exist for them (404). */
export async function requireVisibleAgency(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<AgencyRow> {
  const agency = await repo.findVisibleAgency(db, ctx.actor, id);
  if (!agency) throw notFound("agency");
  return agency;
}

/** Registers an intermediary agency (admin). */
export async function createAgency(db: Kysely<Database>, ctx: RequestContext, input: AgencyCreateInput): Promise<AgencyRow> {
  const now = nowIso(ctx.clock);
  const row = {
    id: randomUUID(),
    name: input.name,
    kvk_number: input.kvkNumber ?? null,
    district: input.district ?? null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    await repo.insertAgency(trx, row);
    await recordAudit(trx, ctx, { action: "agency.create", category: "admin", subjectType: "agency", subjectId: row.id });
  });
  return row;
}

/**
 * Gives a client to an agency for a period under the contract's targets. The client's row lock is taken before the
 * client's assignments are read, so two assignments of one client sent together cannot both pass the overlap rule.
 */
export async function assignClient(db: Kysely<Database>, ctx: RequestContext, agencyId: string, input: AssignmentCreateInput) {
  await requireVisibleAgency(db, ctx, agencyId);
  assertAssignmentPeriod(input.startDate, input.endDate, ctx.clock.today());
  const id = randomUUID();
  await inTransaction(db, async (trx) => {
    await lockClient(trx, input.clientId);
    if (!(await findVisibleClient(trx, ctx.actor, input.clientId))) throw invalidField("clientId", "unknownClient", "No such client");
    const period = { start_date: input.startDate, end_date: input.endDate };
    assertNoOverlappingAssignment(await repo.assignmentsOfClient(trx, input.clientId), period);
    await repo.insertAssignment(trx, {
      id,
      agency_id: agencyId,
      client_id: input.clientId,
      ...period,
      intake_within_days: input.contract.intakeWithinDays,
      placement_within_days: input.contract.placementWithinDays,
      placement_min_weeks: input.contract.placementMinWeeks,
      assigned_by: ctx.actor.id,
      created_at: nowIso(ctx.clock),
    });
    await recordAudit(trx, ctx, {
      action: "agencyAssignment.create",
      category: "write",
      clientId: input.clientId,
      subjectType: "agencyAssignment",
      subjectId: id,
      details: { agencyId, startDate: input.startDate, endDate: input.endDate },
    });
  });
  return requireFound(await repo.findVisibleAssignment(db, ctx.actor, id), "assignment");
}

/** A page of an agency's assignments of clients in scope; who the agency works with is read like a caseload. */
export async function listAssignments(
  db: Kysely<Database>,
  ctx: RequestContext,
  agencyId: string,
  page: { page: number; pageSize: number },
) {
  await requireVisibleAgency(db, ctx, agencyId);
  const result = await repo.listAgencyAssignments(db, ctx.actor, agencyId, page);
  await recordAudit(db, ctx, {
    action: "agencyAssignment.list",
    category: "read:list",
    subjectType: "agency",
    subjectId: agencyId,
    details: { returned: result.rows.length, total: result.total },
  });
  return result;
}

/**
 * Per agency, the targets of its contracts against its results and against the client's outcomes (placements that
 * last, WHO-5, endings through the host organisation), over the assignments of clients in the caller's scope.
 */
export async function agencyResults(db: Kysely<Database>, ctx: RequestContext) {
  const today = ctx.clock.today();
  const facts = await repo.resultFacts(db, ctx.actor, today);
  const byClient = <T extends { client_id: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.client_id, [...(map.get(row.client_id) ?? []), row]);
    return map;
  };
  const intakes = byClient(facts.intakes);
  const placements = byClient(facts.placements);
  const checkIns = byClient(facts.checkIns);
  const perAgency = new Map<string, AssignmentResult[]>();
  for (const a of facts.assignments) {
    const result = resultOfAssignment(
      a,
      { intakes: intakes.get(a.client_id) ?? [], placements: placements.get(a.client_id) ?? [], checkIns: checkIns.get(a.client_id) ?? [] },
      today,
    );
    perAgency.set(a.agency_id, [...(perAgency.get(a.agency_id) ?? []), result]);
  }
  await recordAudit(db, ctx, { action: "agencyResults.read", category: "read:list", details: { assignments: facts.assignments.length } });
  const all = [...perAgency.values()].flat();
  return {
    items: facts.agencies.map((agency) => ({
      agencyId: agency.id,
      agencyName: agency.name,
      ...presentableResults(sumResults(perAgency.get(agency.id) ?? [])),
    })),
    totals: presentableResults(sumResults(all)),
  };
}
