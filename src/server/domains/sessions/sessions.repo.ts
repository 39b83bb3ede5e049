import type { Database } from "@server/db/schema.js";
import type { Kysely } from "kysely";

/** Stores a new session under the hash of its token. */
export async function insertSession(
  db: Kysely<Database>,
  session: { id: string; userId: string; csrfToken: string; now: string; expiresAt: string; loginMethod: string },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
      login_method: session.loginMethod,
    })
    .execute();
}

export async function findSession(db: Kysely<Database>, id: string) {
  return db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Records a request of the session and when it now ends. */
export async function touchSession(db: Kysely<Database>, id: string, now: string, expiresAt: string): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: now, expires_at: expiresAt }).where("id", "=", id).execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Ends every session of a user except, optionally, one (after a password change). */
export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string, except?: string): Promise<void> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (except) query = query.where("id", "!=", except);
  await query.execute();
}

/** Removes sessions that ended at or before `now`; answers how many. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findActiveApiToken(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom("api_tokens")
    .select(["id", "user_id"])
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}
