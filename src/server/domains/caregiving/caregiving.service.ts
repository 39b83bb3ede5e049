import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import type { CaregivingRow, CaregivingTable, Database } from "@server/db/schema.js";
import { conflict, invalidField, notFound } from "@server/http/errors.js";
import { todayInAmsterdam } from "@shared/dates.js";
import type { CaregivingInput } from "@shared/schemas/caregiving.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";

/**
 * Records caregiving with the consultant's judgement of whether it goes beyond customary care. Beyond it, the
 * care is the client's contribution and its hours fill capacity, so later plan steps and placements must fit
 * beside it. Care is a fact, not a request: it is recorded even when it leaves no room for anything else.
 */
export async function recordCaregiving(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  input: CaregivingInput,
): Promise<string> {
  await requireVisibleClient(db, ctx.actor, clientId);
  if (input.since > todayInAmsterdam()) throw invalidField("since", "dateInFuture", "Record care that has started");
  const row: CaregivingTable = {
    id: randomUUID(),
    client_id: clientId,
    relation: input.relation,
    description: input.description ?? null,
    hours_per_week: input.hoursPerWeek,
    since: input.since,
    beyond_customary_care: input.beyondCustomaryCare ? 1 : 0,
    judgement_reason: input.judgementReason,
    judged_by: ctx.actor.id,
    status: "active",
    ended_on: null,
    created_at: new Date().toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("caregiving").values(row).execute();
    await recordAudit(trx, ctx, {
      action: "caregiving.create",
      category: "write",
      clientId,
      subjectType: "caregiving",
      subjectId: row.id,
      details: { beyondCustomaryCare: input.beyondCustomaryCare },
    });
  });
  return row.id;
}

export async function requireVisibleCaregiving(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<CaregivingRow> {
  const row = await db.selectFrom("caregiving").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("caregiving");
  await requireVisibleClient(db, ctx.actor, row.client_id);
  return row;
}

/** Care ends (the person moved to a care home, recovered, died); accountability for it stops. */
export async function endCaregiving(db: Kysely<Database>, ctx: RequestContext, id: string, endedOn: string): Promise<void> {
  const row = await requireVisibleCaregiving(db, ctx, id);
  if (row.status !== "active") throw conflict("caregivingState", "This caregiving has ended already.");
  if (endedOn < row.since) throw invalidField("endedOn", "beforeStart", "Before the care started");
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("caregiving").set({ status: "ended", ended_on: endedOn }).where("id", "=", id).execute();
    await recordAudit(trx, ctx, {
      action: "caregiving.end",
      category: "write",
      clientId: row.client_id,
      subjectType: "caregiving",
      subjectId: id,
    });
  });
}

/** A client's caregiving, newest first (family circumstances: a sensitive read, audited). */
export async function listCaregiving(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<CaregivingRow[]> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const rows = await db.selectFrom("caregiving").selectAll().where("client_id", "=", clientId).orderBy("since", "desc").execute();
  await recordAudit(db, ctx, {
    action: "caregiving.list",
    category: "read:sensitive",
    clientId,
    subjectType: "client",
    subjectId: clientId,
    details: { count: rows.length },
  });
  return rows;
}
