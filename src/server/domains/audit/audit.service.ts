import type { RequestContext } from "@server/auth/actor.js";
import type { Database } from "@server/db/schema.js";
import type { Kysely } from "kysely";
import { type AuditEntry, insertAuditEvent } from "./audit.repo.js";

/** Records what the request's actor did; call it inside the write's transaction so both land or neither. */
export function recordAudit(db: Kysely<Database>, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  const { actor } = ctx;
  return insertAuditEvent(db, { id: actor.id, email: actor.email, role: actor.role }, ctx.requestId, entry);
}

/** Records what the scheduler did on its own; the run's id stands in for a request id. */
export function recordSystemAudit(db: Kysely<Database>, runId: string, entry: AuditEntry): Promise<void> {
  return insertAuditEvent(db, { id: null, email: null, role: "system" }, runId, entry);
}
