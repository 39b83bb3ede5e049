import type { RequestContext } from "@server/auth/actor.js";
import type { Clock } from "@server/clock.js";
import type { Database } from "@server/db/schema.js";
import type { Kysely } from "kysely";
import { type AuditEntry, insertAuditEvent } from "./audit.repo.js";

/** Records what the request's actor did; call it inside the write's transaction so both land or neither. */
export function recordAudit(db: Kysely<Database>, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  const { actor } = ctx;
  return insertAuditEvent(db, ctx.clock, { id: actor.id, email: actor.email, role: actor.role }, ctx.requestId, entry);
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
