import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockAppointment } from "@server/db/locks.repo.js";
import type { Database, RescheduleRequestRow } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { notFound } from "@server/http/errors.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { findVisibleClient } from "../clients/clients.repo.js";
import * as repo from "./appointments.repo.js";
import { assertMayRequestReschedule } from "./appointments.rules.js";

/**
 * The client cannot come and asks for another time. The request waits on the consultant's work queue until the
 * appointment is moved or its status recorded. Asked twice at once, the appointment's lock lets one request in and
 * the other finds it (the partial unique index holds the same rule should the lock ever be bypassed).
 */
export async function requestReschedule(
  db: Kysely<Database>,
  ctx: RequestContext,
  appointmentId: string,
  reason: string | undefined,
): Promise<RescheduleRequestRow> {
  return inTransaction(db, async (trx) => {
    await lockAppointment(trx, appointmentId);
    const appointment = await repo.findAppointment(trx, appointmentId);
    if (!appointment || !(await findVisibleClient(trx, ctx.actor, appointment.client_id))) throw notFound("appointment");
    const open = await repo.findOpenRescheduleRequest(trx, appointmentId);
    assertMayRequestReschedule({ appointment, hasOpenRequest: open !== undefined }, ctx.clock.now());
    const row: RescheduleRequestRow = {
      id: randomUUID(),
      appointment_id: appointmentId,
      client_id: appointment.client_id,
      reason: reason ? reason : null,
      status: "open",
      requested_by: ctx.actor.id,
      requested_at: nowIso(ctx.clock),
      closed_at: null,
      closed_by: null,
    };
    await repo.insertRescheduleRequest(trx, row);
    await recordAudit(trx, ctx, {
      action: "appointment.rescheduleRequested",
      category: "write",
      clientId: appointment.client_id,
      subjectType: "appointment",
      subjectId: appointmentId,
      details: { withReason: row.reason !== null },
    });
    return row;
  });
}
