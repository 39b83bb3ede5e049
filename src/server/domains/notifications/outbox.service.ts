import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { Database, NotificationRow } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { notFound, requireFound } from "@server/http/errors.js";
import type { NotificationListQuery } from "@shared/schemas/notifications.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { findNotification, listNotifications, requeueFailed } from "./notifications.repo.js";
import { assertMayRetry } from "./notifications.rules.js";

/** A page of the outbox for the administrator; the read is audited (it names clients). */
export async function listOutbox(db: Kysely<Database>, ctx: RequestContext, query: NotificationListQuery) {
  const result = await listNotifications(db, query);
  await recordAudit(db, ctx, {
    action: "notification.list",
    category: "read:list",
    details: { status: query.status ?? null, returned: result.rows.length, total: result.total },
  });
  return result;
}

/** Puts a failed message back in line; 409 when it did not fail (or was put back meanwhile). */
export async function retryNotification(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<NotificationRow> {
  return inTransaction(db, async (trx) => {
    const row = await findNotification(trx, id);
    if (!row) throw notFound("notification");
    assertMayRetry(row);
    // The conditional update decides between two administrators who retry at once.
    if (!(await requeueFailed(trx, id, nowIso(ctx.clock)))) assertMayRetry({ status: "pending" });
    await recordAudit(trx, ctx, {
      action: "notification.retry",
      category: "admin",
      clientId: row.client_id,
      subjectType: "notification",
      subjectId: id,
    });
    return requireFound(await findNotification(trx, id), "notification");
  });
}
