import type { CheckInRow, Database } from "@server/db/schema.js";
import type { CheckInEnteredBy } from "@shared/schemas/check-ins.js";
import type { Kysely } from "kysely";

export async function insertCheckIn(db: Kysely<Database>, row: CheckInRow): Promise<void> {
  await db.insertInto("check_ins").values(row).execute();
}

/** A client's check-ins, newest first; only those one party entered, when named. */
export function listCheckInsOfClient(db: Kysely<Database>, clientId: string, enteredBy?: CheckInEnteredBy): Promise<CheckInRow[]> {
  let query = db.selectFrom("check_ins").selectAll().where("client_id", "=", clientId);
  if (enteredBy) query = query.where("entered_by", "=", enteredBy);
  return query.orderBy("held_on", "desc").orderBy("created_at", "desc").execute();
}
