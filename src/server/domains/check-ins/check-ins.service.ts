import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { CheckInRow, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { invalidField } from "@server/http/errors.js";
import { CASEWORK_DEFAULTS } from "@shared/casework.js";
import type { CheckInInput } from "@shared/schemas/check-ins.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { recordLadderAssessment } from "../intakes/intakes.service.js";
import { findConfirmed } from "../plans/plans.repo.js";
import { insertCheckIn, listCheckInsOfClient } from "./check-ins.repo.js";

/** The WHO-5 raw score (0–25) and whether it calls for attention (below 13). */
export function scoreWho5(items: number[]): { raw: number; percentage: number; needsAttention: boolean } {
  const raw = items.reduce((sum, item) => sum + item, 0);
  return { raw, percentage: raw * 4, needsAttention: raw < CASEWORK_DEFAULTS.who5AttentionBelow };
}

/** Records how it goes: WHO-5, readiness for a next step and, when made, a ladder re-assessment. */
export async function recordCheckIn(db: Kysely<Database>, ctx: RequestContext, clientId: string, input: CheckInInput): Promise<CheckInRow> {
  if (input.heldOn > ctx.clock.today()) throw invalidField("heldOn", "dateInFuture", "A check-in is recorded after it was held");
  return inTransaction(db, async (trx) => {
    await requireVisibleClient(trx, ctx.actor, clientId);
    const plan = await findConfirmed(trx, clientId);
    const { raw } = scoreWho5(input.who5);
    const row: CheckInRow = {
      id: randomUUID(),
      client_id: clientId,
      plan_id: plan?.id ?? null,
      held_on: input.heldOn,
      recorded_by: ctx.actor.id,
      channel: input.channel,
      how_it_goes: input.howItGoes ?? null,
      who5_items: JSON.stringify(input.who5),
      who5_raw: raw,
      ready_for_next_step: input.readyForNextStep ? 1 : 0,
      created_at: nowIso(ctx.clock),
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

/** A client's check-ins, newest first. WHO-5 is health data: reading it is a sensitive read. */
export async function listCheckIns(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<CheckInRow[]> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const rows = await listCheckInsOfClient(db, clientId);
  await recordAudit(db, ctx, { action: "checkIn.read", category: "read:sensitive", clientId, subjectType: "client", subjectId: clientId });
  return rows;
}
