import { isPostgres } from "@server/db/dialect.js";
import type { Database, ThrottleEventsTable } from "@server/db/schema.js";
import { type Kysely, sql } from "kysely";

/**
 * Serialises the check-and-count of one key until the transaction ends. On PostgreSQL a transaction-scoped advisory
 * lock on the hash of kind and key (there may be no row yet to lock); on SQLite the transaction already holds the
 * database's write lock from `BEGIN IMMEDIATE`.
 */
export async function lockThrottleKey(trx: Kysely<Database>, kind: string, keyHash: string): Promise<void> {
  if (!trx.isTransaction) throw new Error("Locking a throttle key needs a transaction");
  if (!isPostgres(trx)) return;
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`throttle:${kind}:${keyHash}`}, 0))`.execute(trx);
}

/** How many attempts of a key were counted after an instant, and the oldest of them. */
export async function recentThrottleEvents(
  db: Kysely<Database>,
  kind: string,
  keyHash: string,
  after: string,
): Promise<{ count: number; oldestAt: string | null }> {
  const row = await db
    .selectFrom("throttle_events")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min("at").as("oldest")])
    .where("kind", "=", kind)
    .where("key_hash", "=", keyHash)
    .where("at", ">", after)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldestAt: row.oldest ?? null };
}

/** Counts one attempt. */
export async function insertThrottleEvent(db: Kysely<Database>, row: ThrottleEventsTable): Promise<void> {
  await db.insertInto("throttle_events").values(row).execute();
}

/** Forgets a key's attempts: all of them, or those at or before an instant. */
export async function deleteThrottleEventsOf(db: Kysely<Database>, kind: string, keyHash: string, upTo?: string): Promise<void> {
  let query = db.deleteFrom("throttle_events").where("kind", "=", kind).where("key_hash", "=", keyHash);
  if (upTo) query = query.where("at", "<=", upTo);
  await query.execute();
}

/** Removes every attempt at or before an instant; answers how many. */
export async function deleteThrottleEventsUpTo(db: Kysely<Database>, upTo: string): Promise<number> {
  const result = await db.deleteFrom("throttle_events").where("at", "<=", upTo).executeTakeFirst();
  return Number(result.numDeletedRows);
}
