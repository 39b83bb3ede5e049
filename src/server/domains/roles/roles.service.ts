import { randomUUID } from "node:crypto";
import type { Actor, RequestContext } from "@server/auth/actor.js";
import { type Clock, nowIso } from "@server/clock.js";
import { lockOrganisation, lockRole } from "@server/db/locks.repo.js";
import type { Database, DisplacementComplaintsTable } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { invalidField, notFound } from "@server/http/errors.js";
import { demandsOfRole } from "@shared/capacity.js";
import type { ComplainantKind, RoleCreateInput } from "@shared/schemas/roles.js";
import type { Kysely } from "kysely";
import { insertAuditEvent } from "../audit/audit.repo.js";
import { recordAudit } from "../audit/audit.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { endPlacementsOfRejectedRole, prepareDisplacementLetters } from "../placements/placements.displacement.js";
import { assessDisplacement } from "./displacement.js";
import {
  findComplaint,
  findOrganisationForRole,
  findVisibleRole,
  insertComplaint,
  insertDisplacementCheck,
  insertRole,
  organisationOfRole,
  roleExists,
  roleOfComplaint,
  updateComplaint,
  updateRole,
} from "./roles.repo.js";
import { assertComplaintOpen, assertMayDescribeRoleFor, assertRoleReviewable } from "./roles.rules.js";

/** One role the actor may see, or 404. */
export async function requireVisibleRole(db: Kysely<Database>, actor: Actor, id: string) {
  const role = await findVisibleRole(db, actor, id);
  if (!role) throw notFound("role");
  return role;
}

/** Describes a role and runs the displacement check; the answers and outcome stand in the role's history. */
export async function createRole(db: Kysely<Database>, ctx: RequestContext, input: RoleCreateInput): Promise<string> {
  assertMayDescribeRoleFor(ctx.actor, input.organisationId);
  const organisation = await findOrganisationForRole(db, input.organisationId);
  if (!organisation) throw invalidField("organisationId", "unknownOrganisation", "No such organisation");
  const ordinance = await ordinanceOn(db, ctx.clock.today());
  // Night work is one fact: declared as the role's time or as a demand, it is both.
  const atNight = input.atNight || input.demands.includes("nightWork");
  const outcome = assessDisplacement(input.displacementCheck, { ...input, atNight }, ordinance);
  const now = nowIso(ctx.clock);
  const id = randomUUID();
  await inTransaction(db, async (trx) => {
    await insertRole(trx, {
      id,
      organisation_id: input.organisationId,
      title: input.title,
      description: input.description,
      min_hours_per_week: input.minHoursPerWeek ?? 0,
      hours_per_week: input.hoursPerWeek,
      weekday_parts: JSON.stringify(input.weekdayParts),
      postcode: input.postcode ?? organisation.postcode,
      skills: JSON.stringify(input.skills),
      dutch_level: input.dutchLevel,
      physical_demands: input.physicalDemands,
      guidance_level: input.guidanceLevel,
      places: input.places,
      at_night: atNight ? 1 : 0,
      sector: input.sector,
      longest_day_hours: input.longestDayHours ?? Math.min(input.hoursPerWeek, 8),
      days_per_week: input.daysPerWeek,
      demands: JSON.stringify(demandsOfRole(input.demands, atNight)),
      education_level: input.educationLevel,
      start_date: input.startDate ?? ctx.clock.today(),
      end_date: input.endDate ?? null,
      status: outcome.status,
      status_reason: outcome.reason,
      status_reason_codes: JSON.stringify(outcome.findings),
      created_by: ctx.actor.id,
      created_at: now,
      updated_at: now,
    });
    await insertDisplacementCheck(trx, {
      id: randomUUID(),
      role_id: id,
      kind: "questionnaire",
      answers: JSON.stringify(input.displacementCheck),
      outcome: outcome.status,
      reason: outcome.reason,
      decided_by: ctx.actor.id,
      created_at: now,
    });
    await recordAudit(trx, ctx, {
      action: "role.create",
      category: "write",
      subjectType: "role",
      subjectId: id,
      details: { status: outcome.status },
    });
  });
  return id;
}

/**
 * Takes the locks a decision on a role's fate needs, in the order of locks.repo.ts: its organisation (the guidance
 * hours its placements free, and every change of their status waits on it), then the role (its status and places).
 */
export async function lockRoleAndOrganisation(trx: Kysely<Database>, roleId: string): Promise<void> {
  const organisationId = await organisationOfRole(trx, roleId);
  if (organisationId) await lockOrganisation(trx, organisationId);
  await lockRole(trx, roleId);
}

/**
 * A municipal reviewer decides a role that needs review, or rejects an approved role on a later review. A rejection
 * ends the role's open placements and referrals at once, each with a letter to the client, in the same transaction.
 */
export async function reviewRole(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { outcome: "approved" | "rejected"; reason: string },
) {
  const now = nowIso(ctx.clock);
  // Letters are rendered first (slow); a placement that changes meanwhile gets its letter made under the locks.
  const letters = input.outcome === "rejected" ? await prepareDisplacementLetters(db, ctx, id) : new Map();
  await inTransaction(db, async (trx) => {
    // Two reviewers at once: the second waits here and then finds the role decided.
    await lockRoleAndOrganisation(trx, id);
    const role = await requireVisibleRole(trx, ctx.actor, id);
    assertRoleReviewable(role, input.outcome);
    await updateRole(trx, id, { status: input.outcome, status_reason: input.reason, status_reason_codes: "[]", updated_at: now });
    // A rejection can be undone while its letters are inside (undoRoleRejection): the check keeps what it puts back.
    const ended = input.outcome === "rejected" ? await endPlacementsOfRejectedRole(trx, ctx, id, letters, input.reason, true) : [];
    await insertDisplacementCheck(trx, {
      id: randomUUID(),
      role_id: id,
      kind: "review",
      answers: null,
      outcome: input.outcome,
      reason: input.reason,
      decided_by: ctx.actor.id,
      created_at: now,
      ...(input.outcome === "rejected"
        ? {
            role_status_before: role.status,
            role_reason_before: role.status_reason,
            role_reason_codes_before: role.status_reason_codes,
            ended_placements: JSON.stringify(ended),
          }
        : {}),
    });
    await recordAudit(trx, ctx, {
      action: "role.review",
      category: "write",
      subjectType: "role",
      subjectId: id,
      details: { outcome: input.outcome, previousStatus: role.status, placementsEnded: ended.length },
    });
  });
}

/** Files a displacement complaint; it suspends new placements on the role until a reviewer decides. */
export async function fileComplaint(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor | null,
  requestId: string,
  roleId: string,
  input: { filerKind: ComplainantKind; filerName?: string | null | undefined; filerEmail?: string | null | undefined; description: string },
) {
  if (!(await roleExists(db, roleId))) throw notFound("role");
  const row: DisplacementComplaintsTable = {
    id: randomUUID(),
    role_id: roleId,
    filed_by: actor?.id ?? null,
    filer_kind: input.filerKind,
    filer_name: input.filerName ?? null,
    filer_email: input.filerEmail ?? null,
    description: input.description,
    status: "open",
    decided_by: null,
    decision_reason: null,
    decided_at: null,
    created_at: nowIso(clock),
  };
  await inTransaction(db, async (trx) => {
    await insertComplaint(trx, row);
    await insertAuditEvent(trx, clock, { id: actor?.id ?? null, email: actor?.email ?? null, role: actor?.role ?? "public" }, requestId, {
      action: "displacementComplaint.create",
      category: "write",
      subjectType: "role",
      subjectId: roleId,
    });
  });
  return row;
}

/**
 * Decides a complaint: upheld rejects the role and ends its open placements and referrals at once, each with a letter
 * to the client; dismissed lifts the suspension.
 */
export async function decideComplaint(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { outcome: "upheld" | "dismissed"; reason: string },
) {
  const now = nowIso(ctx.clock);
  const roleId = await roleOfComplaint(db, id);
  if (!roleId) throw notFound("complaint");
  // Letters are rendered first (slow); a placement that changes meanwhile gets its letter made under the locks.
  const letters = input.outcome === "upheld" ? await prepareDisplacementLetters(db, ctx, roleId) : new Map();
  return inTransaction(db, async (trx) => {
    // A complaint decides its role's fate: decisions on the same role, and changes of its placements, wait for each other.
    await lockRoleAndOrganisation(trx, roleId);
    const complaint = await findComplaint(trx, id);
    if (!complaint) throw notFound("complaint");
    assertComplaintOpen(complaint);
    await updateComplaint(trx, id, { status: input.outcome, decided_by: ctx.actor.id, decision_reason: input.reason, decided_at: now });
    let placementsEnded = 0;
    if (input.outcome === "upheld") {
      const role = await requireVisibleRole(trx, ctx.actor, complaint.role_id);
      await updateRole(trx, complaint.role_id, {
        status: "rejected",
        status_reason: input.reason,
        status_reason_codes: JSON.stringify(["complaintUpheld"]),
        updated_at: now,
      });
      // Can be undone while its letters are inside (undoUpheldComplaint): the check keeps what it puts back.
      const ended = await endPlacementsOfRejectedRole(trx, ctx, complaint.role_id, letters, input.reason, true);
      placementsEnded = ended.length;
      await insertDisplacementCheck(trx, {
        id: randomUUID(),
        role_id: complaint.role_id,
        kind: "complaint",
        answers: null,
        outcome: "rejected",
        reason: input.reason,
        decided_by: ctx.actor.id,
        created_at: now,
        role_status_before: role.status,
        role_reason_before: role.status_reason,
        role_reason_codes_before: role.status_reason_codes,
        ended_placements: JSON.stringify(ended),
      });
    }
    await recordAudit(trx, ctx, {
      action: "displacementComplaint.decide",
      category: "write",
      subjectType: "displacementComplaint",
      subjectId: id,
      details: { outcome: input.outcome, roleId: complaint.role_id, placementsEnded },
    });
    const decided = await findComplaint(trx, id);
    if (!decided) throw notFound("complaint");
    return decided;
  });
}
