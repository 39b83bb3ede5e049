import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { Database, ExemptionRow, ExemptionsTable } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, notFound } from "@server/http/errors.js";
import type { ExemptionDecisionInput, ExemptionInput, ExemptionRequestInput, ExemptionStatus } from "@shared/schemas/exemptions.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { documentsOf, type readEvidence, storeDocument } from "../documents/documents.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { displayNamesOf } from "../users/users.repo.js";
import {
  countOpenRequests,
  findExemption,
  insertExemption,
  listClientExemptions,
  pageExemptionsByStatus,
  updateExemptionIn,
} from "./exemptions.repo.js";
import {
  assertAwaitingCoSign,
  assertEndsAfterStart,
  assertIsRequest,
  assertMayEnd,
  assertNoOpenRequest,
  assertSecondSigner,
  assertTakesEvidence,
  needsCoSign,
} from "./exemptions.rules.js";

type Terms = Pick<ExemptionInput, "scope" | "maxHoursPerWeek" | "startDate" | "endDate" | "reviewDate">;
type Evidence = Awaited<ReturnType<typeof readEvidence>>;

/** An exemption with what its presenter shows beside it: the names of who acted, and its evidence. */
export interface ExemptionView<R extends ExemptionRow = ExemptionRow> {
  row: R;
  names: Map<string, string>;
  documents: { id: string; filename: string; mediaType: string; sizeBytes: number; uploadedAt: string }[];
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
  const row = await findExemption(db, id);
  if (!row) throw notFound("exemption");
  await requireVisibleClient(db, ctx.actor, row.client_id);
  return row;
}

/** Loads what the presenter shows beside each exemption. */
export async function viewsOf<R extends ExemptionRow>(db: Kysely<Database>, rows: R[]): Promise<ExemptionView<R>[]> {
  const names = await displayNamesOf(
    db,
    rows.flatMap((r) => [r.requested_by, r.decided_by, r.co_signed_by]),
  );
  const documents = await documentsOf(
    db,
    "exemption",
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ row, names, documents: documents.get(row.id) ?? [] }));
}

/** One exemption in scope, ready to present. */
export async function readExemption(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<ExemptionView> {
  const [view] = await viewsOf(db, [await requireVisibleExemption(db, ctx, id)]);
  if (!view) throw notFound("exemption");
  return view;
}

/** The columns every new exemption starts with: not yet co-signed or ended, under the ordinance in force. */
function undecided(ordinanceVersion: number, now: string) {
  return {
    decision_note: null,
    co_signed_by: null,
    co_signed_at: null,
    ended_on: null,
    end_reason: null,
    ordinance_version: ordinanceVersion,
    created_at: now,
    updated_at: now,
  } satisfies Partial<ExemptionsTable>;
}

/** A consultant records an exemption they decided; a long full one waits for a team lead's co-signature. */
export async function recordExemption(db: Kysely<Database>, ctx: RequestContext, clientId: string, input: ExemptionInput): Promise<string> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const ordinance = await ordinanceOn(db, ctx.clock.today());
  const now = nowIso(ctx.clock);
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
    ...undecided(ordinance.version, now),
  };
  await inTransaction(db, async (trx) => {
    await insertExemption(trx, row);
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
  assertNoOpenRequest(await countOpenRequests(db, clientId, input.type));
  const ordinance = await ordinanceOn(db, ctx.clock.today());
  const now = nowIso(ctx.clock);
  const row: ExemptionsTable = {
    id: randomUUID(),
    client_id: clientId,
    type: input.type,
    scope: input.scope,
    max_hours_per_week: null,
    start_date: ctx.clock.today(),
    end_date: null,
    review_date: null,
    reason: input.reason,
    status: "requested",
    requested_by: ctx.actor.id,
    decided_by: null,
    decided_at: null,
    ...undecided(ordinance.version, now),
  };
  await inTransaction(db, async (trx) => {
    await insertExemption(trx, row);
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
  assertIsRequest(exemption);
  const ordinance = await ordinanceOn(db, ctx.clock.today());
  const now = nowIso(ctx.clock);
  const changes: { status: ExemptionStatus; decision_note: string | null } & Partial<ReturnType<typeof termColumns>> =
    input.outcome === "granted"
      ? { ...termColumns(input), status: needsCoSign(input, ordinance) ? "awaitingCoSign" : "active", decision_note: input.note ?? null }
      : { status: "refused", decision_note: input.note };
  await inTransaction(db, async (trx) => {
    const decided = await updateExemptionIn(trx, id, "requested", {
      ...changes,
      decided_by: ctx.actor.id,
      decided_at: now,
      ordinance_version: ordinance.version,
      updated_at: now,
    });
    if (!decided) throw conflict("exemptionState", "This request was decided meanwhile.");
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
  assertAwaitingCoSign(exemption);
  assertSecondSigner(exemption, ctx.actor);
  const now = nowIso(ctx.clock);
  await inTransaction(db, async (trx) => {
    const signed = await updateExemptionIn(trx, id, "awaitingCoSign", {
      status: "active",
      co_signed_by: ctx.actor.id,
      co_signed_at: now,
      updated_at: now,
    });
    if (!signed) throw conflict("exemptionState", "This exemption was co-signed or ended meanwhile.");
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
  assertMayEnd(exemption);
  assertEndsAfterStart(exemption, input.endedOn);
  const now = nowIso(ctx.clock);
  await inTransaction(db, async (trx) => {
    const ended = await updateExemptionIn(trx, id, exemption.status, {
      status: "ended",
      ended_on: input.endedOn,
      end_reason: input.reason,
      updated_at: now,
    });
    if (!ended) throw conflict("exemptionState", "This exemption changed meanwhile.");
    await recordAudit(trx, ctx, {
      action: "exemption.end",
      category: "write",
      clientId: exemption.client_id,
      subjectType: "exemption",
      subjectId: id,
    });
  });
}

/** Stores a document as evidence for an exemption; its content was checked by `readEvidence`. */
export async function addExemptionEvidence(db: Kysely<Database>, ctx: RequestContext, id: string, upload: Evidence) {
  const exemption = await requireVisibleExemption(db, ctx, id);
  assertTakesEvidence(exemption);
  return inTransaction(db, (trx) =>
    storeDocument(trx, ctx, { clientId: exemption.client_id, subjectType: "exemption", subjectId: exemption.id }, upload),
  );
}

/** A client's exemptions, newest first; reading them is a sensitive read and is audited. */
export async function listExemptions(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<ExemptionView[]> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const rows = await listClientExemptions(db, clientId);
  await recordAudit(db, ctx, {
    action: "exemption.list",
    category: "read:sensitive",
    clientId,
    subjectType: "client",
    subjectId: clientId,
    details: { count: rows.length },
  });
  return viewsOf(db, rows);
}

/** Exemptions in the actor's scope with a status, e.g. those awaiting a team lead's co-signature. */
export async function listExemptionsByStatus(
  db: Kysely<Database>,
  ctx: RequestContext,
  status: ExemptionStatus,
  page: number,
  pageSize: number,
) {
  const { rows, total } = await pageExemptionsByStatus(db, ctx.actor, status, page, pageSize);
  await recordAudit(db, ctx, { action: "exemption.listByStatus", category: "read:sensitive", details: { status, count: rows.length } });
  return { views: await viewsOf(db, rows), total };
}
