import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import type { Database, ExemptionRow, ExemptionsTable } from "@server/db/schema.js";
import { conflict, forbidden, notFound } from "@server/http/errors.js";
import { addMonths, todayInAmsterdam } from "@shared/dates.js";
import type { ExemptionDecisionInput, ExemptionInput, ExemptionRequestInput } from "@shared/schemas/exemptions.js";
import type { Ordinance } from "@shared/schemas/ordinance.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient, visibleClients } from "../clients/clients.repo.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";

type Terms = Pick<ExemptionInput, "scope" | "maxHoursPerWeek" | "startDate" | "endDate" | "reviewDate">;

/** A full exemption that runs longer than the ordinance's threshold needs a team lead's co-signature. */
export function needsCoSign(
  terms: Pick<Terms, "scope" | "startDate" | "endDate" | "reviewDate">,
  ordinance: Pick<Ordinance, "exemptionCoSignMonths">,
): boolean {
  const until = terms.endDate ?? terms.reviewDate;
  return terms.scope === "full" && Boolean(until) && until! > addMonths(terms.startDate, ordinance.exemptionCoSignMonths);
}

function termColumns(terms: Terms) {
  return {
    scope: terms.scope,
    max_hours_per_week: terms.scope === "partial" ? (terms.maxHoursPerWeek ?? null) : null,
    start_date: terms.startDate,
    end_date: terms.endDate ?? null,
    review_date: terms.reviewDate ?? null,
  };
}

/** An exemption of a client the actor may see, or 404. */
export async function requireVisibleExemption(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<ExemptionRow> {
  const row = await db.selectFrom("exemptions").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("exemption");
  await requireVisibleClient(db, ctx.actor, row.client_id);
  return row;
}

/** A consultant records an exemption they decided; a long full one waits for a team lead's co-signature. */
export async function recordExemption(db: Kysely<Database>, ctx: RequestContext, clientId: string, input: ExemptionInput): Promise<string> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const ordinance = await ordinanceOn(db);
  const now = new Date().toISOString();
  const row: ExemptionsTable = {
    id: randomUUID(),
    client_id: clientId,
    type: input.type,
    ...termColumns(input),
    reason: input.reason,
    status: needsCoSign(input, ordinance) ? "awaitingCoSign" : "active",
    requested_by: null,
    decided_by: ctx.actor.id,
    decided_at: now,
    decision_note: null,
    co_signed_by: null,
    co_signed_at: null,
    ended_on: null,
    end_reason: null,
    ordinance_version: ordinance.version,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("exemptions").values(row).execute();
    await recordAudit(trx, ctx, {
      action: "exemption.create",
      category: "write",
      clientId,
      subjectType: "exemption",
      subjectId: row.id,
      details: { type: input.type, scope: input.scope, status: row.status },
    });
  });
  return row.id;
}

/** The client asks for an exemption (or a consultant files the request for them); a consultant decides it. */
export async function requestExemption(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  input: ExemptionRequestInput,
): Promise<string> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const open = await db
    .selectFrom("exemptions")
    .select("id")
    .where("client_id", "=", clientId)
    .where("status", "=", "requested")
    .where("type", "=", input.type)
    .executeTakeFirst();
  if (open) throw conflict("alreadyRequested", "There is already an open request for this kind of exemption.");
  const ordinance = await ordinanceOn(db);
  const now = new Date().toISOString();
  const row: ExemptionsTable = {
    id: randomUUID(),
    client_id: clientId,
    type: input.type,
    scope: input.scope,
    max_hours_per_week: null,
    start_date: todayInAmsterdam(),
    end_date: null,
    review_date: null,
    reason: input.reason,
    status: "requested",
    requested_by: ctx.actor.id,
    decided_by: null,
    decided_at: null,
    decision_note: null,
    co_signed_by: null,
    co_signed_at: null,
    ended_on: null,
    end_reason: null,
    ordinance_version: ordinance.version,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("exemptions").values(row).execute();
    await recordAudit(trx, ctx, {
      action: "exemption.request",
      category: "write",
      clientId,
      subjectType: "exemption",
      subjectId: row.id,
      details: { type: input.type },
    });
  });
  return row.id;
}

/** A consultant grants a request with its terms, or refuses it with a reason. */
export async function decideExemption(db: Kysely<Database>, ctx: RequestContext, id: string, input: ExemptionDecisionInput): Promise<void> {
  const exemption = await requireVisibleExemption(db, ctx, id);
  if (exemption.status !== "requested") throw conflict("exemptionState", `A ${exemption.status} exemption is not a request to decide.`);
  const ordinance = await ordinanceOn(db);
  const now = new Date().toISOString();
  const changes =
    input.outcome === "granted"
      ? { ...termColumns(input), status: needsCoSign(input, ordinance) ? "awaitingCoSign" : "active", decision_note: input.note ?? null }
      : { status: "refused", decision_note: input.note };
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("exemptions")
      .set({ ...changes, decided_by: ctx.actor.id, decided_at: now, ordinance_version: ordinance.version, updated_at: now })
      .where("id", "=", id)
      .where("status", "=", "requested")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw conflict("exemptionState", "This request was decided meanwhile.");
    await recordAudit(trx, ctx, {
      action: "exemption.decide",
      category: "write",
      clientId: exemption.client_id,
      subjectType: "exemption",
      subjectId: id,
      details: { outcome: input.outcome, status: changes.status },
    });
  });
}

/** A team lead, not the one who decided, co-signs a long full exemption; from then on it binds. */
export async function coSignExemption(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  const exemption = await requireVisibleExemption(db, ctx, id);
  if (exemption.status !== "awaitingCoSign") throw conflict("exemptionState", "This exemption does not wait for a co-signature.");
  if (exemption.decided_by === ctx.actor.id) throw forbidden("sameDecider", "A second person co-signs: the one who decided cannot.");
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("exemptions")
      .set({ status: "active", co_signed_by: ctx.actor.id, co_signed_at: now, updated_at: now })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, ctx, {
      action: "exemption.coSign",
      category: "write",
      clientId: exemption.client_id,
      subjectType: "exemption",
      subjectId: id,
    });
  });
}

/** Ends an exemption before its end date, e.g. when the client has recovered. */
export async function endExemption(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { endedOn: string; reason: string },
): Promise<void> {
  const exemption = await requireVisibleExemption(db, ctx, id);
  if (!["active", "awaitingCoSign"].includes(exemption.status))
    throw conflict("exemptionState", `A ${exemption.status} exemption cannot be ended.`);
  if (input.endedOn < exemption.start_date)
    throw conflict("exemptionState", "An exemption cannot end before it starts.", [
      { name: "endedOn", code: "beforeStart", reason: "Before the start date" },
    ]);
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("exemptions")
      .set({ status: "ended", ended_on: input.endedOn, end_reason: input.reason, updated_at: now })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, ctx, {
      action: "exemption.end",
      category: "write",
      clientId: exemption.client_id,
      subjectType: "exemption",
      subjectId: id,
    });
  });
}

/** A client's exemptions, newest first; reading them is a sensitive read and is audited. */
export async function listExemptions(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<ExemptionRow[]> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const rows = await db
    .selectFrom("exemptions")
    .selectAll()
    .where("client_id", "=", clientId)
    .orderBy("start_date", "desc")
    .orderBy("created_at", "desc")
    .execute();
  await recordAudit(db, ctx, {
    action: "exemption.list",
    category: "read:sensitive",
    clientId,
    subjectType: "client",
    subjectId: clientId,
    details: { count: rows.length },
  });
  return rows;
}

/** Exemptions in the actor's scope with a status, e.g. those awaiting a team lead's co-signature. */
export async function listExemptionsByStatus(db: Kysely<Database>, ctx: RequestContext, status: string, page: number, pageSize: number) {
  const scope = visibleClients(db, ctx.actor).select("clients.id");
  const base = db
    .selectFrom("exemptions")
    .innerJoin("clients", "clients.id", "exemptions.client_id")
    .where("exemptions.status", "=", status)
    .where("exemptions.client_id", "in", scope);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll("exemptions")
    .select(["clients.given_name", "clients.family_name"])
    .orderBy("exemptions.decided_at")
    .orderBy("exemptions.id")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  await recordAudit(db, ctx, { action: "exemption.listByStatus", category: "read:sensitive", details: { status, count: rows.length } });
  return { rows, total: Number(total) };
}
