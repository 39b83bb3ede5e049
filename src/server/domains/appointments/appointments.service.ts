import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockAppointment } from "@server/db/locks.repo.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, notFound } from "@server/http/errors.js";
import type { AppointmentStatus } from "@shared/schemas/appointments.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { findVisibleClient } from "../clients/clients.repo.js";
import * as repo from "./appointments.repo.js";

/** Replaces the caller's weekly availability. */
export async function setOwnAvailability(
  db: Kysely<Database>,
  ctx: RequestContext,
  blocks: { weekday: number; startTime: string; endTime: string; slotMinutes: number; location: string }[],
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await repo.replaceAvailability(
      trx,
      ctx.actor.id,
      blocks.map((b) => ({
        id: randomUUID(),
        weekday: b.weekday,
        start_time: b.startTime,
        end_time: b.endTime,
        slot_minutes: b.slotMinutes,
        location: b.location,
      })),
      nowIso(ctx.clock),
    );
    await recordAudit(trx, ctx, { action: "availability.update", category: "write", subjectType: "user", subjectId: ctx.actor.id });
  });
}

/** Records whether the client came. Only a planned appointment changes, and only once it has started. */
export async function updateAppointmentStatus(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  status: Exclude<AppointmentStatus, "planned">,
) {
  return inTransaction(db, async (trx) => {
    // Recorded once: a second recording at the same moment waits here and then finds it no longer planned.
    await lockAppointment(trx, id);
    const appointment = await repo.findAppointment(trx, id);
    if (!appointment || !(await findVisibleClient(trx, ctx.actor, appointment.client_id))) throw notFound("appointment");
    if (appointment.status !== "planned") {
      throw conflict("appointmentNotPlanned", `This appointment is already ${appointment.status}.`);
    }
    if (status !== "cancelled" && Date.parse(appointment.starts_at) > ctx.clock.now().getTime()) {
      throw conflict("appointmentInFuture", "Whether someone came can be recorded once the appointment has started.");
    }
    await repo.setAppointmentStatus(trx, id, status, nowIso(ctx.clock));
    // A request for another time is answered once the appointment is cancelled or took place.
    await repo.closeRescheduleRequests(trx, id, nowIso(ctx.clock), ctx.actor.id);
    await recordAudit(trx, ctx, {
      action: `appointment.${status}`,
      category: "write",
      clientId: appointment.client_id,
      subjectType: "appointment",
      subjectId: id,
    });
    const updated = await repo.findAppointment(trx, id);
    if (!updated) throw notFound("appointment");
    return updated;
  });
}
