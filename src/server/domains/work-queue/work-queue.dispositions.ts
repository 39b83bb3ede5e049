import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { Database, WorkQueueDispositionRow } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import type { WorkQueueDispositionInput } from "@shared/schemas/work-queue.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import * as repo from "./work-queue.repo.js";
import { assertMayBeSetAside, assertSnoozeDate, type SetAside } from "./work-queue.rules.js";
import { signalsOf } from "./work-queue.service.js";

const setAsideOf = (row: WorkQueueDispositionRow | undefined): SetAside | undefined =>
  row && {
    disposition: row.disposition === "done" ? "done" : "snoozed",
    signalSince: row.signal_since,
    snoozedUntil: row.snoozed_until,
  };

/**
 * Marks one reason on a client's work queue done, or snoozes it until a date with a note. Under the client's lock:
 * of two consultants marking the same item at once, the second reads the first's word and is refused.
 */
export async function setAsideQueueItem(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  input: WorkQueueDispositionInput,
): Promise<WorkQueueDispositionRow> {
  const today = ctx.clock.today();
  if (input.disposition === "snoozed") assertSnoozeDate(input.snoozedUntil, today);
  return inTransaction(db, async (trx) => {
    await lockClient(trx, clientId);
    const client = await requireVisibleClient(trx, ctx.actor, clientId);
    const caseload = {
      clients: [client],
      ids: trx.selectFrom("clients").select("id").where("id", "=", clientId),
    };
    const reason = (await signalsOf(trx, caseload, today)).get(clientId)?.find((r) => r.code === input.reason);
    const previous = await repo.dispositionOf(trx, clientId, input.reason);
    assertMayBeSetAside(reason, setAsideOf(previous), today);
    const row = await repo.saveDisposition(
      trx,
      {
        id: randomUUID(),
        client_id: clientId,
        reason: input.reason,
        disposition: input.disposition,
        signal_since: reason.since,
        snoozed_until: input.disposition === "snoozed" ? input.snoozedUntil : null,
        note: input.note || null,
        decided_by: ctx.actor.id,
        decided_at: nowIso(ctx.clock),
      },
      previous?.id,
    );
    await recordAudit(trx, ctx, {
      action: input.disposition === "done" ? "workQueue.markDone" : "workQueue.snooze",
      category: "write",
      clientId,
      subjectType: "workQueueDisposition",
      subjectId: row.id,
      details: { reason: input.reason, snoozedUntil: row.snoozed_until },
    });
    return row;
  });
}
