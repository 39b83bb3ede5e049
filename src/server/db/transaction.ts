import type { Kysely } from "kysely";

/**
 * Runs a use case's work in a transaction owned by its outermost caller: inside the caller's transaction when
 * `db` is one (so two use cases commit or roll back together), otherwise in a new transaction of its own.
 */
export function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}
