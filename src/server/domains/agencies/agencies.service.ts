import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { AgencyRow, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { invalidField, notFound, requireFound } from "@server/http/errors.js";
import type { AgencyCreateInput, AgencyUpdateInput, AssignmentCreateInput, AssignmentEndInput } from "@shared/schemas/agencies.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { findVisibleClient } from "../clients/clients.repo.js";
import * as repo from "./agencies.repo.js";
import {
  type AssignmentResult,
  assertAssignmentEndable,
  assertAssignmentPeriod,
  assertEndDateInPeriod,
  assertNoOverlappingAssignment,
  periodEndedOn,
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

/** Changes an agency's registration (admin): name, KvK number, district, as registered. */
export async function updateAgency(db: Kysely<Database>, ctx: RequestContext, id: string, input: AgencyUpdateInput): Promise<AgencyRow> {
  await requireVisibleAgency(db, ctx, id);
  await inTransaction(db, async (trx) => {
    await repo.updateAgency(trx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kvkNumber !== undefined ? { kvk_number: input.kvkNumber } : {}),
      ...(input.district !== undefined ? { district: input.district } : {}),
      updated_at: nowIso(ctx.clock),
    });
    await recordAudit(trx, ctx, {
      action: "agency.update",
      category: "admin",
      subjectType: "agency",
      subjectId: id,
      details: { fields: Object.keys(input).sort() },
    });
  });
  return requireVisibleAgency(db, ctx, id);
}

/**
 * Ends an assignment before its planned end (team lead), as of a day (today when not given) and for a reason. The
 * client's row lock is taken before the assignment is read again, so of two endings sent together one ends it and
 * the other finds it ended (409 `assignmentEnded`), and an assignment of the client made at the same time waits.
 * From the end date the agency's workers no longer see the client: the period is cut to the day before.
 */
export async function endAssignment(db: Kysely<Database>, ctx: RequestContext, id: string, input: AssignmentEndInput) {
  const found = await repo.findVisibleAssignment(db, ctx.actor, id);
  if (!found) throw notFound("assignment");
  const today = ctx.clock.today();
  const endedOn = input.endedOn ?? today;
  await inTransaction(db, async (trx) => {
    await lockClient(trx, found.client_id);
    const row = requireFound(await repo.findVisibleAssignment(trx, ctx.actor, id), "assignment");
    assertAssignmentEndable(row, today);
    assertEndDateInPeriod(row, endedOn);
    await repo.endAssignment(trx, id, {
      ...periodEndedOn(endedOn),
      planned_end_date: row.end_date,
      ended_on: endedOn,
      end_reason: input.reason,
      end_note: input.note ?? null,
      ended_by: ctx.actor.id,
      ended_at: nowIso(ctx.clock),
    });
    await recordAudit(trx, ctx, {
      action: "agencyAssignment.end",
      category: "write",
      clientId: row.client_id,
      subjectType: "agencyAssignment",
      subjectId: id,
      details: { agencyId: row.agency_id, endedOn, plannedEndDate: row.end_date, reason: input.reason },
    });
  });
  return requireFound(await repo.findVisibleAssignment(db, ctx.actor, id), "assignment");
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
