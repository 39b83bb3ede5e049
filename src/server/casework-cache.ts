import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Actor } from "./auth/actor.js";
import { readCaseworkVersion } from "./db/casework-changes.js";
import type { Database } from "./db/schema.js";

interface Entry {
  version: number;
  value: Promise<unknown>;
  weight: number;
}

/** How many rows or items all kept pages may hold together; the least recently used go first. */
const DEFAULT_MAX_WEIGHT = 50_000;

/**
 * Pages computed from casework (the work queue, a caseload page), kept by this instance under the casework version
 * they were computed at (`db/casework-changes.ts`). Every request reads the version (one row by its key); a page kept
 * under another version is computed again, so a write through any route or any instance is seen by the next request.
 * Requests that ask the same page at the same version while it is computed share the one computation. Nothing here is
 * needed for correctness: a new instance starts empty.
 */
export class CaseworkCache {
  readonly #entries = new Map<string, Entry>();
  #weight = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxWeight = DEFAULT_MAX_WEIGHT,
  ) {}

  /**
   * The page named by `key` (see `pageKey`), computed by `compute` unless kept at the current version. `weigh` tells
   * how many rows or items it holds, for the bound on memory. Callers must not change what they get.
   */
  async get<T>(key: string, compute: () => Promise<T>, weigh: (value: T) => number): Promise<T> {
    // Read before computing: a page kept under a version is at least as new as that version.
    const version = await readCaseworkVersion(this.db);
    const kept = this.#entries.get(key);
    if (kept && kept.version === version) {
      this.#entries.delete(key);
      this.#entries.set(key, kept);
      return kept.value as Promise<T>;
    }
    if (kept) this.#remove(key, kept);
    const value = compute();
    const entry: Entry = { version, value, weight: 1 };
    this.#entries.set(key, entry);
    this.#weight += entry.weight;
    try {
      const result = await value;
      if (this.#entries.get(key) === entry) {
        this.#weight += weigh(result);
        entry.weight += weigh(result);
        this.#evict();
      }
      return result;
    } catch (error) {
      // A refusal or a failure is not kept: the next request asks again.
      if (this.#entries.get(key) === entry) this.#remove(key, entry);
      throw error;
    }
  }

  /** How many pages are kept and how many rows or items they hold together. */
  get size(): { pages: number; weight: number } {
    return { pages: this.#entries.size, weight: this.#weight };
  }

  #remove(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#weight -= entry.weight;
  }

  #evict(): void {
    for (const [key, entry] of this.#entries) {
      if (this.#weight <= this.maxWeight || this.#entries.size <= 1) return;
      this.#remove(key, entry);
    }
  }
}

/**
 * The key of a page: what it is, everything about the caller that decides what they may see (their scope and the
 * date it is evaluated on), the request's own parameters and today's date. Hashed, so a search term (a BSN) is not
 * kept in memory as such.
 */
export function pageKey(page: string, actor: Actor, today: string, parameters: unknown): string {
  const scope = [actor.id, actor.role, actor.districts, actor.organisationId, actor.clientId, actor.scopeDate];
  return createHash("sha256")
    .update(JSON.stringify([page, scope, today, parameters]))
    .digest("base64url");
}
