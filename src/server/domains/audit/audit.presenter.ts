import { parseJsonColumn } from "@server/db/json.js";
import type { AuditEventRow } from "@server/db/schema.js";
import type { AuditEventOutput } from "@shared/schemas/audit.js";
import { z } from "zod";

/** Lists every outgoing field of an audit row. */
export function presentAuditEvent(row: AuditEventRow): AuditEventOutput {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorEmail: row.actor_email,
    actorRole: row.actor_role,
    action: row.action,
    category: row.category,
    clientId: row.client_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    requestId: row.request_id,
    details: row.details ? parseJsonColumn(z.record(z.string(), z.unknown()), row.details) : null,
  };
}
