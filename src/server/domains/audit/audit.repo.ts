import { randomUUID } from "node:crypto";
import type { Clock } from "@server/clock.js";
import type { Database } from "@server/db/schema.js";
import type { AuditCategory } from "@shared/enums.js";
import type { AuditListQuery } from "@shared/schemas/audit.js";
import type { Kysely } from "kysely";

export interface AuditEntry {
  action: string;
  category: AuditCategory;
  clientId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  /** Field names and counts only: never a sensitive value. */
  details?: Record<string, unknown> | null;
}

export interface AuditActor {
  id: string | null;
  email: string | null;
  role: string | null;
}

/** Appends one audit row, at the clock's now. There is deliberately no update or delete. */
export async function insertAuditEvent(
  db: Kysely<Database>,
  clock: Clock,
  actor: AuditActor,
  requestId: string | null,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      id: randomUUID(),
      occurred_at: clock.now().toISOString(),
      actor_id: actor.id,
      actor_email: actor.email,
      actor_role: actor.role,
      action: entry.action,
      category: entry.category,
      client_id: entry.clientId ?? null,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      request_id: requestId,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
}

/** Lists audit rows, newest first, with filters (admin only; see the policy). */
export async function listAuditEvents(db: Kysely<Database>, query: AuditListQuery) {
  let base = db.selectFrom("audit_events");
  if (query.clientId) base = base.where("client_id", "=", query.clientId);
  if (query.actorId) base = base.where("actor_id", "=", query.actorId);
  if (query.category) base = base.where("category", "=", query.category);
  if (query.action) base = base.where("action", "=", query.action);
  if (query.fromDate) base = base.where("occurred_at", ">=", query.fromDate);
  if (query.toDate) base = base.where("occurred_at", "<", nextDay(query.toDate));
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy("occurred_at", "desc")
    .orderBy("id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
