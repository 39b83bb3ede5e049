import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient, lockOrganisation, lockPlacement, lockRole } from "@server/db/locks.repo.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { notFound } from "@server/http/errors.js";
import type { PlacementUndoOutput } from "@shared/schemas/placements.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { noticeHeldUntil } from "../letters/letters.rules.js";
import { reopenProposalOfPlacement } from "../matching/match-plans.repo.js";
import { deleteReferral, findVisiblePlacement, markOpenedByHost, type PlacementWithNames } from "./placements.repo.js";
import { assertReferralUndoable } from "./placements.rules.js";

/**
 * Until when a new referral is kept from the host: the hold of `NV_UNDO_HOLD_MINUTES`, as for a letter's notice, so that
 * undoing it is real (the host has not seen it).
 */
export function referralHeldUntil(ctx: RequestContext): string {
  return noticeHeldUntil(ctx.clock.now(), ctx.undoHoldMinutes);
}

/** Records the first time a member of the host organisation opens a referral: from then on it is no longer undone. */
export async function recordHostOpening(db: Kysely<Database>, ctx: RequestContext, placement: PlacementWithNames): Promise<void> {
  if (ctx.actor.role !== "host" || placement.status !== "proposed" || placement.host_opened_at) return;
  await markOpenedByHost(db, placement.id, nowIso(ctx.clock));
}

/**
 * Undoes a referral while the host has neither seen nor answered it: the referral is removed, so the role's place and
 * the guidance hours it asked are free again, and a placement proposal it came from is pending again. Under the locks
 * the referral took (organisation, role, client) and the placement's, which the host's answer takes too: of an undo and
 * an acceptance at the same moment exactly one wins.
 */
export async function undoReferral(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<PlacementUndoOutput> {
  const before = await findVisiblePlacement(db, ctx.actor, id);
  if (!before) throw notFound("placement");
  return inTransaction(db, async (trx) => {
    await lockOrganisation(trx, before.organisation_id);
    await lockRole(trx, before.role_id);
    await lockClient(trx, before.client_id);
    await lockPlacement(trx, id);
    // Read again under the locks: an answer that came first has moved it on, an undo that came first removed it (404).
    const fresh = await findVisiblePlacement(trx, ctx.actor, id);
    if (!fresh) throw notFound("placement");
    const now = nowIso(ctx.clock);
    assertReferralUndoable(fresh, ctx.actor, now);
    const matchProposalId = (await reopenProposalOfPlacement(trx, id)) ?? null;
    await deleteReferral(trx, id);
    await recordAudit(trx, ctx, {
      action: "placement.undoProposal",
      category: "write",
      clientId: fresh.client_id,
      subjectType: "placement",
      subjectId: id,
      details: { roleId: fresh.role_id, ...(matchProposalId ? { matchProposalId } : {}) },
    });
    return { id, clientId: fresh.client_id, roleId: fresh.role_id, matchProposalId, undoneAt: now };
  });
}
