import type { ApiTokensTable, Database } from "@server/db/schema.js";
import type { Kysely } from "kysely";

/** Every API token, newest first. */
export async function listApiTokens(db: Kysely<Database>): Promise<ApiTokensTable[]> {
  return db.selectFrom("api_tokens").selectAll().orderBy("created_at", "desc").execute();
}

/** Stores a new API token. */
export async function insertApiToken(db: Kysely<Database>, row: ApiTokensTable): Promise<void> {
  await db.insertInto("api_tokens").values(row).execute();
}

/** Revokes a token that is still valid; false when there is no such token or it was revoked already. */
export async function revokeApiToken(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
