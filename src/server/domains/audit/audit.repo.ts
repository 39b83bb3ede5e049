import { randomUUID } from "node:crypto";
import type { Clock } from "@server/clock.js";
import type { Database } from "@server/db/schema.js";
import type { AuditCategory } from "@shared/enums.js";
import type { AuditFilters, AuditListQuery } from "@shared/schemas/audit.js";
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

/** The audit rows the filters select (admin only; see the policy). */
function filteredEvents(db: Kysely<Database>, query: AuditFilters) {
  let base = db.selectFrom("audit_events");
  if (query.clientId) base = base.where("audit_events.client_id", "=", query.clientId);
  if (query.actorId) base = base.where("audit_events.actor_id", "=", query.actorId);
  if (query.category) base = base.where("audit_events.category", "=", query.category);
  if (query.action) base = base.where("audit_events.action", "=", query.action);
  if (query.fromDate) base = base.where("audit_events.occurred_at", ">=", query.fromDate);
  if (query.toDate) base = base.where("audit_events.occurred_at", "<", nextDay(query.toDate));
  return base;
}

/** The filtered rows with the names a reader needs: the account's display name and the client's name. */
function namedEvents(db: Kysely<Database>, query: AuditFilters) {
  return filteredEvents(db, query)
    .leftJoin("users", "users.id", "audit_events.actor_id")
    .leftJoin("clients", "clients.id", "audit_events.client_id")
    .selectAll("audit_events")
    .select(["users.display_name as actor_name", "clients.given_name as client_given_name", "clients.family_name as client_family_name"]);
}

export type NamedAuditEvent = Awaited<ReturnType<ReturnType<typeof namedEvents>["executeTakeFirstOrThrow"]>>;

/** Lists audit rows, newest first, with filters and names (admin only; see the policy). */
export async function listAuditEvents(db: Kysely<Database>, query: AuditListQuery) {
  const { total } = await filteredEvents(db, query)
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const rows = await namedEvents(db, query)
    .orderBy("audit_events.occurred_at", "desc")
    .orderBy("audit_events.id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

/**
 * Every filtered row, newest first, in batches of `batchSize` read by keyset (the last row's time and id), so an
 * export of the whole log never holds more than one batch in memory, on SQLite and PostgreSQL alike.
 */
export async function* eachAuditEvent(db: Kysely<Database>, query: AuditFilters, batchSize = 1000): AsyncGenerator<NamedAuditEvent> {
  let after: { occurredAt: string; id: string } | null = null;
  for (;;) {
    let batch = namedEvents(db, query);
    if (after) {
      const { occurredAt, id } = after;
      batch = batch.where((eb) =>
        eb.or([
          eb("audit_events.occurred_at", "<", occurredAt),
          eb.and([eb("audit_events.occurred_at", "=", occurredAt), eb("audit_events.id", ">", id)]),
        ]),
      );
    }
    const rows = await batch.orderBy("audit_events.occurred_at", "desc").orderBy("audit_events.id").limit(batchSize).execute();
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = { occurredAt: last.occurred_at, id: last.id };
  }
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
