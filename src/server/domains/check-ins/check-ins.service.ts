import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { CheckInRow, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { invalidField } from "@server/http/errors.js";
import type { CheckInInput, PortalCheckInInput } from "@shared/schemas/check-ins.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { recordLadderAssessment } from "../intakes/intakes.service.js";
import { findConfirmed } from "../plans/plans.repo.js";
import { insertCheckIn, listCheckInsOfClient } from "./check-ins.repo.js";
import { scoreWho5 } from "./check-ins.rules.js";

/** Records how it goes: WHO-5, readiness for a next step and, when made, a ladder re-assessment. */
export async function recordCheckIn(db: Kysely<Database>, ctx: RequestContext, clientId: string, input: CheckInInput): Promise<CheckInRow> {
  if (input.heldOn > ctx.clock.today()) throw invalidField("heldOn", "dateInFuture", "A check-in is recorded after it was held");
  return inTransaction(db, async (trx) => {
    await requireVisibleClient(trx, ctx.actor, clientId);
    const plan = await findConfirmed(trx, clientId);
    const row: CheckInRow = {
      id: randomUUID(),
      client_id: clientId,
      plan_id: plan?.id ?? null,
      held_on: input.heldOn,
      recorded_by: ctx.actor.id,
      channel: input.channel,
      how_it_goes: input.howItGoes ?? null,
      who5_items: JSON.stringify(input.who5),
      who5_raw: scoreWho5(input.who5).raw,
      ready_for_next_step: input.readyForNextStep ? 1 : 0,
      created_at: nowIso(ctx.clock),
      entered_by: "consultant",
      help_requested: 0,
      help_note: null,
    };
    await insertCheckIn(trx, row);
    if (input.ladderRung) {
      await recordLadderAssessment(trx, ctx, {
        clientId,
        rung: input.ladderRung,
        growthRung: input.growthRung ?? null,
        assessedOn: input.heldOn,
        source: "checkIn",
      });
    }
    await recordAudit(trx, ctx, { action: "checkIn.create", category: "write", clientId, subjectType: "checkIn", subjectId: row.id });
    return row;
  });
}

/**
 * The client's own short check-in from the portal, dated today: how it goes, WHO-5 and whether they need help. It
 * goes on their own record only (another client's id is 404) and reaches the consultant's work queue the same day.
 */
export async function recordPortalCheckIn(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  input: PortalCheckInInput,
): Promise<CheckInRow> {
  return inTransaction(db, async (trx) => {
    await requireVisibleClient(trx, ctx.actor, clientId);
    const plan = await findConfirmed(trx, clientId);
    const row: CheckInRow = {
      id: randomUUID(),
      client_id: clientId,
      plan_id: plan?.id ?? null,
      held_on: ctx.clock.today(),
      recorded_by: ctx.actor.id,
      channel: "portal",
      how_it_goes: input.howItGoes || null,
      who5_items: JSON.stringify(input.who5),
      who5_raw: scoreWho5(input.who5).raw,
      ready_for_next_step: 0,
      created_at: nowIso(ctx.clock),
      entered_by: "client",
      help_requested: input.needsHelp ? 1 : 0,
      help_note: input.needsHelp ? input.helpNote || null : null,
    };
    await insertCheckIn(trx, row);
    await recordAudit(trx, ctx, {
      action: "checkIn.createByClient",
      category: "write",
      clientId,
      subjectType: "checkIn",
      subjectId: row.id,
    });
    return row;
  });
}

/**
 * A client's check-ins, newest first. WHO-5 is health data: reading it is a sensitive read. The client reads only the
 * check-ins they entered themselves; a consultant's notes of a talk stay with the consultant (the data export has all).
 */
export async function listCheckIns(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<CheckInRow[]> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const rows = await listCheckInsOfClient(db, clientId, ctx.actor.role === "client" ? "client" : undefined);
  await recordAudit(db, ctx, { action: "checkIn.read", category: "read:sensitive", clientId, subjectType: "client", subjectId: clientId });
  return rows;
}
