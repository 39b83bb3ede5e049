import { randomUUID } from "node:crypto";
import { hashSecret } from "@server/auth/tokens.js";
import type { Clock } from "@server/clock.js";
import type { Database } from "@server/db/schema.js";
import type { Kysely } from "kysely";
import * as repo from "./throttles.repo.js";
import { assertWithinLimit, LONGEST_THROTTLE_WINDOW_MINUTES, type ThrottleLimit, windowStart } from "./throttles.rules.js";

/**
 * Counts one attempt of `key` under `limit`, or refuses it with 429 (counting nothing) when the window is full.
 * Check and count are one transaction under the key's lock, committed on their own (never inside the caller's
 * transaction, so a later failure of the caller cannot undo the count): of N + k parallel attempts on any number of
 * instances, exactly N are let through. Keys are stored as their SHA-256.
 */
export async function countAttempt(db: Kysely<Database>, clock: Clock, limit: ThrottleLimit, key: string): Promise<void> {
  const keyHash = hashSecret(key);
  const now = clock.now();
  const after = windowStart(limit, now);
  await db.transaction().execute(async (trx) => {
    await repo.lockThrottleKey(trx, limit.kind, keyHash);
    assertWithinLimit(limit, await repo.recentThrottleEvents(trx, limit.kind, keyHash, after), now);
    // The key's attempts that left the window count no more.
    await repo.deleteThrottleEventsOf(trx, limit.kind, keyHash, after);
    await repo.insertThrottleEvent(trx, { id: randomUUID(), kind: limit.kind, key_hash: keyHash, at: now.toISOString() });
  });
}

/** Forgets the attempts of a key under a limit (an account that logged in). */
export async function forgetAttempts(db: Kysely<Database>, limit: ThrottleLimit, key: string): Promise<void> {
  await repo.deleteThrottleEventsOf(db, limit.kind, hashSecret(key));
}

/** Removes attempts older than every window, of keys not tried since (the daily job); answers how many. */
export async function pruneThrottleEvents(db: Kysely<Database>, clock: Clock): Promise<number> {
  const upTo = new Date(clock.now().getTime() - LONGEST_THROTTLE_WINDOW_MINUTES * 60_000).toISOString();
  return repo.deleteThrottleEventsUpTo(db, upTo);
}
