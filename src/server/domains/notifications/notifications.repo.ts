import type { ClientRow, Database, NotificationRow, NotificationsTable } from "@server/db/schema.js";
import type { NotificationStatus } from "@shared/schemas/notifications.js";
import type { Kysely } from "kysely";

/** What a message needs of its client: the first name, the ways to reach them and their choices. */
export type ClientContact = Pick<ClientRow, "id" | "given_name" | "phone" | "email" | "preferred_language" | "notification_channel">;

/** A client's contact details and choices, whoever asks (the caller has checked scope, or is the system). */
export function systemClientContact(db: Kysely<Database>, clientId: string): Promise<ClientContact | undefined> {
  return db
    .selectFrom("clients")
    .select(["id", "given_name", "phone", "email", "preferred_language", "notification_channel"])
    .where("id", "=", clientId)
    .executeTakeFirst();
}

/** Changes a client's contact details and choices. */
export async function updateClientContact(
  db: Kysely<Database>,
  clientId: string,
  changes: Partial<Pick<ClientRow, "phone" | "email" | "preferred_language" | "notification_channel" | "updated_at">>,
): Promise<void> {
  await db.updateTable("clients").set(changes).where("id", "=", clientId).execute();
}

/** Writes a message to the outbox unless one of its kind about its subject is there already; true when written. */
export async function insertNotificationOnce(db: Kysely<Database>, row: NotificationsTable): Promise<boolean> {
  const result = await db
    .insertInto("notifications")
    .values(row)
    .onConflict((oc) => oc.columns(["kind", "subject_type", "subject_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Ids of pending messages whose next attempt is due, oldest first. */
export async function dueNotificationIds(db: Kysely<Database>, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom("notifications")
    .select("id")
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", now)
    .orderBy("next_attempt_at")
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Takes a due message for one attempt: counts the attempt and moves its next attempt to `claimUntil`, only while it
 * is still pending and due. Of two instances that try at once, one changes the row; the other finds it taken.
 */
export async function claimNotification(
  db: Kysely<Database>,
  id: string,
  now: string,
  claimUntil: string,
): Promise<NotificationRow | undefined> {
  const result = await db
    .updateTable("notifications")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), next_attempt_at: claimUntil }))
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return undefined;
  return findNotification(db, id);
}

export function findNotification(db: Kysely<Database>, id: string): Promise<NotificationRow | undefined> {
  return db.selectFrom("notifications").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Records how an attempt ended: sent, waiting for the next attempt, or failed. */
export async function recordAttempt(
  db: Kysely<Database>,
  id: string,
  outcome: Pick<NotificationsTable, "status" | "next_attempt_at" | "last_error" | "sent_at" | "failed_at">,
): Promise<void> {
  await db.updateTable("notifications").set(outcome).where("id", "=", id).execute();
}

/** Puts a failed message back in line for a fresh series of attempts; false when it was not failed (any longer). */
export async function requeueFailed(db: Kysely<Database>, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable("notifications")
    .set({ status: "pending", attempts: 0, next_attempt_at: now, failed_at: null })
    .where("id", "=", id)
    .where("status", "=", "failed")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A page of the outbox, newest first, optionally in one state; with the total over all pages. */
export async function listNotifications(
  db: Kysely<Database>,
  query: { status?: NotificationStatus | undefined; page: number; pageSize: number },
): Promise<{ rows: NotificationRow[]; total: number }> {
  let base = db.selectFrom("notifications");
  if (query.status) base = base.where("status", "=", query.status);
  const rows = await base
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const { total } = await base.select((eb) => eb.fn.countAll().as("total")).executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}

/** Planned appointments starting between two instants (ISO text), with their client. */
export function plannedAppointmentsBetween(db: Kysely<Database>, from: string, until: string) {
  return db
    .selectFrom("appointments")
    .select(["id", "client_id", "starts_at", "status"])
    .where("status", "=", "planned")
    .where("starts_at", ">=", from)
    .where("starts_at", "<", until)
    .orderBy("starts_at")
    .execute();
}
