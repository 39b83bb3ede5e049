import type { CheckInRow, Database } from "@server/db/schema.js";
import type { Kysely } from "kysely";

export async function insertCheckIn(db: Kysely<Database>, row: CheckInRow): Promise<void> {
  await db.insertInto("check_ins").values(row).execute();
}

/** A client's check-ins, newest first. */
export function listCheckInsOfClient(db: Kysely<Database>, clientId: string): Promise<CheckInRow[]> {
  return db
    .selectFrom("check_ins")
    .selectAll()
    .where("client_id", "=", clientId)
    .orderBy("held_on", "desc")
    .orderBy("created_at", "desc")
    .execute();
}
