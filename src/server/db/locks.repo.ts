import type { Kysely } from "kysely";
import { isPostgres } from "./dialect.js";
import type { Database } from "./schema.js";

/**
 * Row locks for check-then-write use cases. A use case takes the lock of the row that guards its invariant at
 * the start of its transaction, before its checks read, so a concurrent use case on the same row waits until
 * this one committed and then reads what it wrote. Take them in this order to avoid deadlocks: organisation,
 * role, client, then the consultant's agenda, then the placement, appointment, sanction or buddy pairing itself, then
 * letters.
 *
 * On PostgreSQL this is `SELECT … FOR NO KEY UPDATE`: it conflicts with itself and with updates of the row, but
 * not with the key-share locks that inserts of referencing rows (foreign keys) take, so writing a plan step or an
 * audit event for a locked client elsewhere never waits on it. On SQLite a transaction already holds the whole
 * database's write lock from `BEGIN IMMEDIATE` (see sqlite-dialect.ts), so there is nothing more to take.
 */
type LockableTable =
  | "clients"
  | "volunteer_roles"
  | "organisations"
  | "users"
  | "placements"
  | "appointments"
  | "sanctions"
  | "buddy_pairings"
  | "letters";

async function lockRows(trx: Kysely<Database>, table: LockableTable, ids: readonly string[]): Promise<void> {
  if (!trx.isTransaction) throw new Error(`Locking ${table} rows needs a transaction`);
  if (!isPostgres(trx) || ids.length === 0) return;
  // Sorted, so two transactions locking overlapping sets take them in the same order.
  await trx
    .selectFrom(table)
    .select("id")
    .where("id", "in", [...new Set(ids)].sort())
    .orderBy("id")
    .forNoKeyUpdate()
    .execute();
}

/** Guards a client's capacity, open plan draft and planned intake. */
export const lockClients = (trx: Kysely<Database>, ids: readonly string[]) => lockRows(trx, "clients", ids);

/** Guards one client's capacity and open plan draft. */
export const lockClient = (trx: Kysely<Database>, id: string) => lockRows(trx, "clients", [id]);

/** Guards a role's places and status. */
export const lockRole = (trx: Kysely<Database>, id: string) => lockRows(trx, "volunteer_roles", [id]);

/** Guards an organisation's guidance hours. */
export const lockOrganisation = (trx: Kysely<Database>, id: string) => lockRows(trx, "organisations", [id]);

/** Guards a placement's status. */
export const lockPlacement = (trx: Kysely<Database>, id: string) => lockRows(trx, "placements", [id]);

/** Guards the statuses of several placements (those of one role, ended together). */
export const lockPlacements = (trx: Kysely<Database>, ids: readonly string[]) => lockRows(trx, "placements", ids);

/** Guards an appointment's status. */
export const lockAppointment = (trx: Kysely<Database>, id: string) => lockRows(trx, "appointments", [id]);

/** Guards the free slots of consultants' agendas: the user rows of the consultants. */
export const lockAgendas = (trx: Kysely<Database>, consultantIds: readonly string[]) => lockRows(trx, "users", consultantIds);

/** Guards a sanction's stages: hearing, decision, reconsideration. */
export const lockSanction = (trx: Kysely<Database>, id: string) => lockRows(trx, "sanctions", [id]);

/** Guards whether a buddy pairing runs: a meeting is recorded only while it does, so a meeting and an ending are ordered. */
export const lockBuddyPairing = (trx: Kysely<Database>, id: string) => lockRows(trx, "buddy_pairings", [id]);

/** Guards whether letters have left the building: printing, delivery, the client opening them, and their withdrawal. */
export const lockLetters = (trx: Kysely<Database>, ids: readonly string[]) => lockRows(trx, "letters", ids);
