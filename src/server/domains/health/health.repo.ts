import type { Database } from "@server/db/schema.js";
import { type Kysely, sql } from "kysely";

/** One round trip to the database. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
