import { passes } from "@server/auth/abilities.js";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient, lockPlacements, lockRole } from "@server/db/locks.repo.js";
import type { ClientRow, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, requireFound } from "@server/http/errors.js";
import type { PlacementStatus } from "@shared/schemas/placements.js";
import type { PlanStepStatus } from "@shared/schemas/plans.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient, systemFindClient, updateClient } from "../clients/clients.repo.js";
import { mayWithdrawAll, withdrawLetters } from "../letters/letters.service.js";
import { assertRoleHasPlace } from "../placements/placements.rules.js";
import { assertWithinCapacity, committedHours } from "../plans/capacity.js";
import { findVisibleRole } from "../roles/roles.repo.js";
import { deleteStopsOfLetter, reopenPlacement, restartStep, stopsOfLetter, undoableEndLetterOf } from "./benefit-end.repo.js";
import { assertBenefitEndUndoable } from "./benefit-end.rules.js";

type Stops = Awaited<ReturnType<typeof stopsOfLetter>>;

/** The facts of the rule: the benefit's end and how each thing it stopped stands now. */
const undoFacts = (client: Pick<ClientRow, "benefit_end_date">, stops: Stops) => ({
  benefitEndDate: client.benefit_end_date,
  stops: stops.map((s) => ({ stoppedAs: s.subject_type === "placement" ? "ended" : "stopped", stoppedAt: s.stopped_at, now: s.now })),
});

/** Whether the actor can undo the client's benefit end now: recorded with a letter still inside, nothing moved on since. */
export async function mayUndoBenefitEnd(db: Kysely<Database>, ctx: RequestContext, client: ClientRow): Promise<boolean> {
  if (client.benefit_end_date === null) return false;
  const letterId = await undoableEndLetterOf(db, client.id);
  if (!letterId) return false;
  const facts = undoFacts(client, await stopsOfLetter(db, letterId));
  return passes(() => assertBenefitEndUndoable(facts)) && mayWithdrawAll(db, ctx, [letterId]);
}

/**
 * Undoes the recorded end of a client's benefit while its letter is still inside: the letter is withdrawn (kept), the
 * benefit runs again (the client is back in the invitation cohort), and every placement it ended and plan step it
 * stopped is open again in the status it had, its hours counted and its place taken again. Under the roles' locks (a
 * freed place may have been taken meanwhile: 409 roleFull), the client's (capacity: 409 capacityExceeded), the
 * placements' and the letter's, as ending it took them; 409 benefitEndMovedOn when something it stopped has changed.
 */
export async function undoBenefitEnd(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<ClientRow> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const letterId = await undoableEndLetterOf(db, clientId);
  if (!letterId) throw conflict("benefitEndMovedOn", "There is no recorded end of this benefit that can be undone.");
  const before = await stopsOfLetter(db, letterId);
  return inTransaction(db, async (trx) => {
    const roleIds = [...new Set(before.flatMap((s) => (s.roleId ? [s.roleId] : [])))].sort();
    for (const roleId of roleIds) await lockRole(trx, roleId);
    await lockClient(trx, clientId);
    const placementIds = before.filter((s) => s.subject_type === "placement").map((s) => s.subject_id);
    await lockPlacements(trx, placementIds);
    const client = requireFound(await systemFindClient(trx, clientId), "client");
    const stops = await stopsOfLetter(trx, letterId);
    assertBenefitEndUndoable(undoFacts(client, stops));
    await withdrawLetters(trx, ctx, [letterId]);
    for (const roleId of roleIds) assertRoleHasPlace(requireFound(await findVisibleRole(trx, ctx.actor, roleId), "role"));
    const now = nowIso(ctx.clock);
    for (const stop of stops) {
      if (stop.subject_type === "placement") await reopenPlacement(trx, stop.subject_id, stop.previous_status as PlacementStatus, now);
      else await restartStep(trx, stop.subject_id, stop.previous_status as PlanStepStatus, now);
    }
    await deleteStopsOfLetter(trx, letterId);
    await updateClient(trx, clientId, { benefit_end_date: null, benefit_end_reason: null, updated_at: now });
    await assertWithinCapacity(trx, client, await committedHours(trx, clientId), ctx.clock.today());
    await recordAudit(trx, ctx, {
      action: "client.undoBenefitEnd",
      category: "write",
      clientId,
      subjectType: "client",
      subjectId: clientId,
      details: {
        letterId,
        benefitEndDate: client.benefit_end_date,
        placementsReopened: placementIds,
        stepsRestarted: stops.length - placementIds.length,
      },
    });
    return requireFound(await systemFindClient(trx, clientId), "client");
  });
}
