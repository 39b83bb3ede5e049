import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { Database, InvitationsTable } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { notFound } from "@server/http/errors.js";
import type { InvitationBatchOutput } from "@shared/schemas/appointments.js";
import type { Kysely } from "kysely";
import { presentAppointment } from "../appointments/appointments.presenter.js";
import { findAppointment } from "../appointments/appointments.repo.js";
import { recordAudit } from "../audit/audit.service.js";
import { mayWithdrawAll, withdrawLetters } from "../letters/letters.service.js";
import { deleteInvitationsWithIntakes, findInvitations, touchedIntakes, visibleClientsAmong } from "./invitations.repo.js";
import { assertIntakesUntouched } from "./invitations.rules.js";

/** Which invitations: one, or all of a batch. */
export type InvitationSelection = { ids: readonly string[] } | { batchId: string };

/** The selected invitations when the actor may see every client of them, else 404 (nothing about others leaks). */
async function requireVisibleInvitations(db: Kysely<Database>, ctx: RequestContext, selection: InvitationSelection) {
  const invitations = await findInvitations(db, selection);
  const clientIds = [...new Set(invitations.map((i) => i.client_id))];
  const visible = clientIds.length === 0 ? [] : await visibleClientsAmong(db, ctx.actor, clientIds);
  if (invitations.length === 0 || visible.length < clientIds.length) {
    throw notFound("batchId" in selection ? "invitationBatch" : "invitation");
  }
  return invitations;
}

/** Presents invitations with when they were undone and whether the caller can undo them now. */
async function present(
  db: Kysely<Database>,
  invitations: readonly InvitationsTable[],
  withdrawnAt: string | null,
  mayUndo: boolean,
): Promise<InvitationBatchOutput> {
  const items = [];
  for (const invitation of invitations) {
    const appointment = await findAppointment(db, invitation.appointment_id);
    if (!appointment) continue;
    items.push({
      id: invitation.id,
      clientId: invitation.client_id,
      sequence: invitation.sequence,
      appointment: presentAppointment(appointment),
      letterId: invitation.letter_id,
      createdAt: invitation.created_at,
    });
  }
  return { batchId: invitations[0]?.batch_id ?? "", items, withdrawnAt, abilities: { undo: mayUndo } };
}

/** Invitations as they stand, for the result page: can the caller still undo them? */
export async function readInvitations(db: Kysely<Database>, ctx: RequestContext, selection: InvitationSelection) {
  const invitations = await requireVisibleInvitations(db, ctx, selection);
  const mayUndo = await mayWithdrawAll(
    db,
    ctx,
    invitations.map((i) => i.letter_id),
  );
  return present(db, invitations, null, mayUndo);
}

/**
 * Undoes invitations while none of their letters has left the building: the letters are withdrawn (kept), the
 * intakes removed and the invitations with them, so the clients are not invited. All or nothing; under the letters'
 * locks, so of an undo and a print (or a delivery, or the outbox's notice) at the same moment exactly one wins.
 */
export async function undoInvitations(
  db: Kysely<Database>,
  ctx: RequestContext,
  selection: InvitationSelection,
): Promise<InvitationBatchOutput> {
  const before = await requireVisibleInvitations(db, ctx, selection);
  return inTransaction(db, async (trx) => {
    await withdrawLetters(
      trx,
      ctx,
      before.map((i) => i.letter_id),
    );
    // Read again under the letters' lock: a batch print that came first has taken its letters out of reach above.
    const invitations = await findInvitations(trx, { ids: before.map((i) => i.id) });
    if (invitations.length !== before.length) throw notFound("invitation");
    assertIntakesUntouched(
      await touchedIntakes(
        trx,
        invitations.map((i) => i.appointment_id),
      ),
    );
    const output = await present(trx, invitations, nowIso(ctx.clock), false);
    await deleteInvitationsWithIntakes(trx, invitations);
    for (const invitation of invitations) {
      await recordAudit(trx, ctx, {
        action: "invitation.undo",
        category: "write",
        clientId: invitation.client_id,
        subjectType: "invitation",
        subjectId: invitation.id,
        details: { letterId: invitation.letter_id, ...(invitation.batch_id ? { batchId: invitation.batch_id } : {}) },
      });
    }
    return output;
  });
}
