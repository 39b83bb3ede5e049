import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { CaregivingRow, CaregivingTable, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, notFound } from "@server/http/errors.js";
import type { CaregivingInput } from "@shared/schemas/caregiving.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { displayNamesOf } from "../users/users.repo.js";
import { endActiveCaregiving, findCaregiving, insertCaregiving, listClientCaregiving } from "./caregiving.repo.js";
import { assertCareActive, assertCareStarted, assertEndsAfterStart } from "./caregiving.rules.js";

/** Caregiving with the names the presenter shows beside it. */
export interface CaregivingView {
  row: CaregivingRow;
  names: Map<string, string>;
}

async function viewsOf(db: Kysely<Database>, rows: CaregivingRow[]): Promise<CaregivingView[]> {
  const names = await displayNamesOf(
    db,
    rows.map((r) => r.judged_by),
  );
  return rows.map((row) => ({ row, names }));
}

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
  assertCareStarted(input.since, ctx.clock.today());
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
    created_at: nowIso(ctx.clock),
  };
  await inTransaction(db, async (trx) => {
    await insertCaregiving(trx, row);
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

/** Caregiving of a client the actor may see, or 404. */
export async function requireVisibleCaregiving(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<CaregivingRow> {
  const row = await findCaregiving(db, id);
  if (!row) throw notFound("caregiving");
  await requireVisibleClient(db, ctx.actor, row.client_id);
  return row;
}

/** One record of caregiving in scope, ready to present. */
export async function readCaregiving(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<CaregivingView> {
  const [view] = await viewsOf(db, [await requireVisibleCaregiving(db, ctx, id)]);
  if (!view) throw notFound("caregiving");
  return view;
}

/** Care ends (the person moved to a care home, recovered, died); accountability for it stops. */
export async function endCaregiving(db: Kysely<Database>, ctx: RequestContext, id: string, endedOn: string): Promise<void> {
  const row = await requireVisibleCaregiving(db, ctx, id);
  assertCareActive(row);
  assertEndsAfterStart(row, endedOn);
  await inTransaction(db, async (trx) => {
    if (!(await endActiveCaregiving(trx, id, endedOn))) throw conflict("caregivingState", "This caregiving ended meanwhile.");
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
export async function listCaregiving(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<CaregivingView[]> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const rows = await listClientCaregiving(db, clientId);
  await recordAudit(db, ctx, {
    action: "caregiving.list",
    category: "read:sensitive",
    clientId,
    subjectType: "client",
    subjectId: clientId,
    details: { count: rows.length },
  });
  return viewsOf(db, rows);
}
