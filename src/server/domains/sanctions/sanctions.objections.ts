import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { Database, SanctionObjectionRow, SanctionRow } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, notFound } from "@server/http/errors.js";
import { addDays } from "@shared/dates.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { findObjection, findObjectionOf, insertObjection, letterDateOf, updateOpenObjection, updateSanction } from "./sanctions.repo.js";
import { assertLowersSanction, assertMayExtend, assertMayObject, assertObjectionOpen, OBJECTION_TERM_DAYS } from "./sanctions.rules.js";
import { requireVisibleSanction } from "./sanctions.service.js";

/** Registers an objection: late ones (after six weeks from the day after the letter's date) are flagged, not refused. */
export async function registerObjection(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { receivedOn: string; grounds: string },
): Promise<void> {
  const sanction = await requireVisibleSanction(db, ctx, id);
  const today = ctx.clock.today();
  const receivedOn = ctx.actor.role === "client" ? today : input.receivedOn;
  assertMayObject(sanction, (await findObjectionOf(db, id)) ?? null, receivedOn, today);
  const letterDate = await letterDateOf(db, sanction.decision_letter_id ?? "");
  const objectionId = randomUUID();
  await inTransaction(db, async (trx) => {
    await insertObjection(trx, {
      id: objectionId,
      sanction_id: id,
      received_on: receivedOn,
      grounds: input.grounds,
      late: receivedOn > addDays(letterDate, OBJECTION_TERM_DAYS) ? 1 : 0,
      decide_by: addDays(receivedOn, OBJECTION_TERM_DAYS),
      extended: 0,
      outcome: null,
      outcome_on: null,
      outcome_note: null,
      registered_by: ctx.actor.id,
      created_at: nowIso(ctx.clock),
    });
    await recordAudit(trx, ctx, {
      action: "objection.register",
      category: "write",
      clientId: sanction.client_id,
      subjectType: "objection",
      subjectId: objectionId,
    });
  });
}

async function requireObjection(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
): Promise<{ objection: SanctionObjectionRow; sanction: SanctionRow }> {
  const objection = await findObjection(db, id);
  if (!objection) throw notFound("objection");
  return { objection, sanction: await requireVisibleSanction(db, ctx, objection.sanction_id) };
}

/** Extends the six-week decision term once by six weeks (Awb 7:10). */
export async function extendObjection(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<string> {
  const { objection, sanction } = await requireObjection(db, ctx, id);
  assertMayExtend(objection);
  await inTransaction(db, async (trx) => {
    const extended = await updateOpenObjection(trx, id, { extended: 1, decide_by: addDays(objection.decide_by, OBJECTION_TERM_DAYS) });
    if (!extended) throw conflict("objectionDecided", "This objection was decided meanwhile.");
    await recordAudit(trx, ctx, {
      action: "objection.extend",
      category: "write",
      clientId: sanction.client_id,
      subjectType: "objection",
      subjectId: id,
    });
  });
  return sanction.id;
}

/** Records the decision on objection; it adjusts the sanction (revoked when upheld, lowered when partly upheld). */
export async function decideObjection(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { outcome: string; note: string; percentage?: number | null | undefined; months?: number | null | undefined },
): Promise<string> {
  const { objection, sanction } = await requireObjection(db, ctx, id);
  assertObjectionOpen(objection);
  if (input.outcome === "partlyUpheld") assertLowersSanction(sanction, input);
  await inTransaction(db, async (trx) => {
    const decided = await updateOpenObjection(trx, id, {
      outcome: input.outcome,
      outcome_on: ctx.clock.today(),
      outcome_note: input.note,
    });
    if (!decided) throw conflict("objectionDecided", "This objection was decided meanwhile.");
    if (input.outcome === "upheld") await updateSanction(trx, sanction.id, { revoked: 1 });
    if (input.outcome === "partlyUpheld")
      await updateSanction(trx, sanction.id, {
        percentage: input.percentage ?? sanction.percentage,
        months: input.months ?? sanction.months,
      });
    await recordAudit(trx, ctx, {
      action: "objection.decide",
      category: "write",
      clientId: sanction.client_id,
      subjectType: "objection",
      subjectId: id,
      details: { outcome: input.outcome },
    });
  });
  return sanction.id;
}
