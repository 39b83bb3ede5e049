import { isPostgres } from "@server/db/dialect.js";
import type { ClientImportsTable, ClientMovesTable, ClientsTable, Database, NewClientRow } from "@server/db/schema.js";
import { type Kysely, sql, type Updateable } from "kysely";

/** The columns of a client that the registry file carries, with the id and what follows from them. */
export const REGISTRY_COLUMNS_OF_CLIENT = [
  "id",
  "bsn",
  "given_name",
  "family_name",
  "birth_date",
  "street",
  "house_number",
  "house_number_addition",
  "postcode",
  "city",
  "district",
  "household_situation",
  "household_id",
  "phone",
  "email",
  "benefit_start_date",
  "benefit_end_date",
  "benefit_end_reason",
  "consultant_id",
] as const;

/**
 * Serialises imports: two imports at once would each find a BSN absent and both insert it. On PostgreSQL a
 * transaction-scoped advisory lock; on SQLite the transaction already holds the database's write lock.
 */
export async function lockImports(trx: Kysely<Database>): Promise<void> {
  if (!isPostgres(trx)) return;
  await sql`SELECT pg_advisory_xact_lock(hashtextextended('client-import', 0))`.execute(trx);
}

/** Every client's registry columns, whoever may see them: the import compares the file with all of them. */
export function systemRegistryRows(db: Kysely<Database>) {
  return db.selectFrom("clients").select(REGISTRY_COLUMNS_OF_CLIENT).orderBy("bsn").execute();
}

/** Inserts new clients in batches (one statement per batch keeps a large import fast on PostgreSQL). */
export async function insertClients(trx: Kysely<Database>, rows: readonly NewClientRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto("clients")
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** Changes the registry columns of one client. */
export async function updateRegistryColumns(
  trx: Kysely<Database>,
  id: string,
  changes: Omit<Updateable<ClientsTable>, "id" | "created_at">,
): Promise<void> {
  await trx.updateTable("clients").set(changes).where("id", "=", id).execute();
}

export async function insertImport(trx: Kysely<Database>, row: ClientImportsTable): Promise<void> {
  await trx.insertInto("client_imports").values(row).execute();
}

export async function insertMoves(trx: Kysely<Database>, rows: readonly ClientMovesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto("client_moves")
      .values(rows.slice(i, i + 500))
      .execute();
  }
}
