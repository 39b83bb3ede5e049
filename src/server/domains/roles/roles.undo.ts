import { passes } from "@server/auth/abilities.js";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { parseJsonColumn } from "@server/db/json.js";
import { lockClients, lockPlacements } from "@server/db/locks.repo.js";
import type { Database, DisplacementChecksTable, DisplacementComplaintsTable, PlacementsTable } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { notFound, requireFound } from "@server/http/errors.js";
import type { Kysely } from "kysely";
import { z } from "zod";
import { recordAudit } from "../audit/audit.service.js";
import { systemFindClient } from "../clients/clients.repo.js";
import { mayWithdrawAll, withdrawLetters } from "../letters/letters.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { type EndedPlacement, endedPlacementSchema, restorePlacementsOfRejectedRole } from "../placements/placements.displacement.js";
import { guidanceDemand, guidanceHoursOf, systemFindPlacements } from "../placements/placements.repo.js";
import { assertGuidanceAvailable } from "../placements/placements.rules.js";
import { assertWithinLimits, committedHours } from "../plans/capacity.js";
import { OPEN_REFERRAL_STATUS } from "../vocabulary.js";
import { rolePolicy } from "./roles.policy.js";
import {
  deleteDisplacementCheck,
  findComplaint,
  findVisibleRole,
  latestDisplacementCheck,
  type RoleWithCounts,
  roleOfComplaint,
  updateComplaint,
  updateRole,
} from "./roles.repo.js";
import { assertRejectionUndoable, assertUpheldComplaintUndoable } from "./roles.rules.js";
import { lockRoleAndOrganisation, requireVisibleRole } from "./roles.service.js";

/** The placements a review's rejection ended, as it recorded them; none for any other check. */
function endedBy(check: DisplacementChecksTable | undefined): EndedPlacement[] {
  return check?.ended_placements ? parseJsonColumn(z.array(endedPlacementSchema), check.ended_placements) : [];
}

/** Whether the caller can undo the role's rejection now: the role's latest review, nothing changed, every letter inside. */
export async function mayUndoReview(db: Kysely<Database>, ctx: RequestContext, role: RoleWithCounts): Promise<boolean> {
  if (!rolePolicy.review.allows(ctx.actor) || role.status !== "rejected") return false;
  const check = await latestDisplacementCheck(db, role.id);
  const ended = endedBy(check);
  const placements = await systemFindPlacements(
    db,
    ended.map((e) => e.placementId),
  );
  if (!passes(() => assertRejectionUndoable({ role, check, endedCount: ended.length, placements }))) return false;
  return mayWithdrawAll(
    db,
    ctx,
    ended.map((e) => e.letterId),
  );
}

/**
 * Putting placements back must keep the limits their start kept: each client's capacity and the ordinance's norm, and
 * the organisation's guidance hours for those that were agreed (unless one was placed over them with a reason).
 */
async function assertRestoreFits(
  trx: Kysely<Database>,
  ctx: RequestContext,
  organisationId: string,
  placements: readonly PlacementsTable[],
): Promise<void> {
  const today = ctx.clock.today();
  for (const clientId of new Set(placements.map((p) => p.client_id))) {
    const client = requireFound(await systemFindClient(trx, clientId), "client");
    const back = placements.filter((p) => p.client_id === clientId).reduce((sum, p) => sum + p.hours_per_week, 0);
    await assertWithinLimits(trx, client, (await committedHours(trx, clientId)) + back, today);
  }
  const { guidanceHoursPerLevel } = await ordinanceOn(trx, today);
  const agreed = placements.filter((p) => p.status !== OPEN_REFERRAL_STATUS);
  const override = agreed.find((p) => p.guidance_override_reason)?.guidance_override_reason ?? undefined;
  assertGuidanceAvailable(
    await guidanceHoursOf(trx, organisationId, today),
    (await guidanceDemand(trx, organisationId, guidanceHoursPerLevel)).committed,
    agreed.reduce((sum, p) => sum + (guidanceHoursPerLevel[p.guidance_level] ?? 0), 0),
    override,
  );
}

/** A role's rejection as read under its locks: the role, its latest check, the placements that check ended. */
interface RejectionUnderLocks {
  role: RoleWithCounts;
  check: DisplacementChecksTable | undefined;
  ended: EndedPlacement[];
  placements: PlacementsTable[];
}

/**
 * Takes the locks a rejection took (organisation, role, clients, placements) and reads the rejection fresh under them,
 * for the undo's rule to decide on before anything is written.
 */
async function lockRejection(trx: Kysely<Database>, ctx: RequestContext, roleId: string): Promise<RejectionUnderLocks> {
  await lockRoleAndOrganisation(trx, roleId);
  const role = await requireVisibleRole(trx, ctx.actor, roleId);
  const check = await latestDisplacementCheck(trx, roleId);
  const ended = endedBy(check);
  const ids = ended.map((e) => e.placementId);
  // A placement's client never changes: read it to take the clients' locks, then read the placements under them.
  await lockClients(
    trx,
    (await systemFindPlacements(trx, ids)).map((p) => p.client_id),
  );
  await lockPlacements(trx, ids);
  return { role, check, ended, placements: await systemFindPlacements(trx, ids) };
}

/**
 * Takes a rejection back once it is found undoable: the letters withdrawn (kept), the placements it ended back in the
 * status they had (within the limits their start kept), the role with its status and reasons from before, and the
 * check gone from its history. Returns the check as it was.
 */
async function takeRejectionBack(
  trx: Kysely<Database>,
  ctx: RequestContext,
  { role, check, ended, placements }: RejectionUnderLocks,
): Promise<DisplacementChecksTable> {
  const before = requireFound(check, "displacementCheck");
  const statusOf = new Map(ended.map((e) => [e.placementId, e.statusBefore]));
  await assertRestoreFits(
    trx,
    ctx,
    role.organisation_id,
    placements.map((p) => ({ ...p, status: statusOf.get(p.id) ?? p.status })),
  );
  await withdrawLetters(
    trx,
    ctx,
    ended.map((e) => e.letterId),
  );
  const clientOf = new Map(placements.map((p) => [p.id, p.client_id]));
  await restorePlacementsOfRejectedRole(
    trx,
    ctx,
    role.id,
    ended.map((e) => ({ ...e, clientId: requireFound(clientOf.get(e.placementId), "placement") })),
  );
  await updateRole(trx, role.id, {
    status: requireFound(before.role_status_before, "displacementCheck"),
    status_reason: before.role_reason_before ?? "",
    status_reason_codes: before.role_reason_codes_before ?? "[]",
    updated_at: nowIso(ctx.clock),
  });
  await deleteDisplacementCheck(trx, before.id);
  return before;
}

/**
 * Undoes a review's rejection of a role while none of its letters has left the building, all or nothing: the letters
 * are withdrawn (kept), the placements it ended are back in the status they had, the role has its status and reasons
 * from before, and the review is gone from its history. Under the locks the rejection took (organisation, role, clients,
 * placements) and the letters', so of an undo and a print of any of its letters at the same moment exactly one wins.
 */
export async function undoRoleRejection(db: Kysely<Database>, ctx: RequestContext, roleId: string): Promise<void> {
  await requireVisibleRole(db, ctx.actor, roleId);
  await inTransaction(db, async (trx) => {
    const rejection = await lockRejection(trx, ctx, roleId);
    assertRejectionUndoable({ ...rejection, endedCount: rejection.ended.length });
    const before = await takeRejectionBack(trx, ctx, rejection);
    await recordAudit(trx, ctx, {
      action: "role.undoReview",
      category: "write",
      subjectType: "role",
      subjectId: roleId,
      details: { status: before.role_status_before, placementsRestored: rejection.ended.length },
    });
  });
}

/** Whether the caller can undo an upheld complaint now: its rejection the role's latest, nothing changed, every letter inside. */
export async function mayUndoComplaint(
  db: Kysely<Database>,
  ctx: RequestContext,
  complaint: DisplacementComplaintsTable,
): Promise<boolean> {
  if (!rolePolicy.decideComplaint.allows(ctx.actor) || complaint.status !== "upheld") return false;
  const role = await findVisibleRole(db, ctx.actor, complaint.role_id);
  if (!role) return false;
  const check = await latestDisplacementCheck(db, role.id);
  const ended = endedBy(check);
  const placements = await systemFindPlacements(
    db,
    ended.map((e) => e.placementId),
  );
  if (!passes(() => assertUpheldComplaintUndoable({ complaint, role, check, endedCount: ended.length, placements }))) return false;
  return mayWithdrawAll(
    db,
    ctx,
    ended.map((e) => e.letterId),
  );
}

/**
 * Undoes an upheld complaint while none of its letters has left the building, all or nothing, as a review's rejection
 * is undone (the letters withdrawn and kept, the placements back, the role's status and reasons from before, the check
 * gone) and the complaint is open again, suspending the role's new placements until it is decided anew. Under the same
 * locks as the decision and the letters', so of an undo and a print at the same moment exactly one wins.
 */
export async function undoUpheldComplaint(
  db: Kysely<Database>,
  ctx: RequestContext,
  complaintId: string,
): Promise<DisplacementComplaintsTable> {
  const roleId = await roleOfComplaint(db, complaintId);
  if (!roleId) throw notFound("complaint");
  return inTransaction(db, async (trx) => {
    const rejection = await lockRejection(trx, ctx, roleId);
    const complaint = requireFound(await findComplaint(trx, complaintId), "complaint");
    assertUpheldComplaintUndoable({ ...rejection, complaint, endedCount: rejection.ended.length });
    const before = await takeRejectionBack(trx, ctx, rejection);
    await updateComplaint(trx, complaintId, { status: "open", decided_by: null, decision_reason: null, decided_at: null });
    await recordAudit(trx, ctx, {
      action: "displacementComplaint.undoDecision",
      category: "write",
      subjectType: "displacementComplaint",
      subjectId: complaintId,
      details: { roleId, roleStatus: before.role_status_before, placementsRestored: rejection.ended.length },
    });
    return requireFound(await findComplaint(trx, complaintId), "complaint");
  });
}
