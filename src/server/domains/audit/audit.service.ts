import { Readable } from "node:stream";
import type { RequestContext } from "@server/auth/actor.js";
import type { Clock } from "@server/clock.js";
import type { Database } from "@server/db/schema.js";
import type { AuditFilters } from "@shared/schemas/audit.js";
import type { Kysely } from "kysely";
import { auditCsvHeader, auditCsvLine } from "./audit.presenter.js";
import { type AuditEntry, eachAuditEvent, insertAuditEvent } from "./audit.repo.js";

/**
 * Records what the request's actor did, with the task an administrator named to open the client's record; call it
 * inside the write's transaction so both land or neither.
 */
export function recordAudit(db: Kysely<Database>, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  const { actor, accessReason } = ctx;
  const recorded = accessReason ? { ...entry, details: { ...entry.details, accessReason } } : entry;
  return insertAuditEvent(db, ctx.clock, { id: actor.id, email: actor.email, role: actor.role }, ctx.requestId, recorded);
}

/** A run of the daily job: its id stands in for a request id in the audit log, its clock for the request's. */
export interface SystemRun {
  id: string;
  clock: Clock;
}

/** Records what the scheduler did on its own. */
export function recordSystemAudit(db: Kysely<Database>, run: SystemRun, entry: AuditEntry): Promise<void> {
  return insertAuditEvent(db, run.clock, { id: null, email: null, role: "system" }, run.id, entry);
}

/**
 * The filtered audit log as CSV, streamed batch by batch. The export itself is recorded first, with the names of the
 * filters used (never their values), so a copy of the log that leaves the system leaves a trace in it.
 */
export async function exportAuditEvents(db: Kysely<Database>, ctx: RequestContext, filters: AuditFilters): Promise<Readable> {
  const used = Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([name]) => name);
  await recordAudit(db, ctx, { action: "auditEvent.export", category: "read:list", details: { filters: used } });
  async function* lines() {
    yield auditCsvHeader();
    for await (const row of eachAuditEvent(db, filters)) yield auditCsvLine(row);
  }
  return Readable.from(lines());
}
