import type { CaregivingRow, CaregivingTable, Database } from "@server/db/schema.js";
import type { Kysely } from "kysely";

/** One record of caregiving by id, whoever's it is; the caller checks the client is in scope. */
export function findCaregiving(db: Kysely<Database>, id: string): Promise<CaregivingRow | undefined> {
  return db.selectFrom("caregiving").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A client's caregiving, newest first. */
export function listClientCaregiving(db: Kysely<Database>, clientId: string): Promise<CaregivingRow[]> {
  return db.selectFrom("caregiving").selectAll().where("client_id", "=", clientId).orderBy("since", "desc").execute();
}

/** Stores a record of caregiving. */
export async function insertCaregiving(db: Kysely<Database>, row: CaregivingTable): Promise<void> {
  await db.insertInto("caregiving").values(row).execute();
}

/** Ends caregiving that is still active; answers whether it was. */
export async function endActiveCaregiving(db: Kysely<Database>, id: string, endedOn: string): Promise<boolean> {
  const updated = await db
    .updateTable("caregiving")
    .set({ status: "ended", ended_on: endedOn })
    .where("id", "=", id)
    .where("status", "=", "active")
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Removes caregiving whose recording was undone: it never counted (its letter, if any, is kept, withdrawn). */
export async function deleteCaregiving(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom("caregiving").where("id", "=", id).execute();
}

/** The letter of the decision that judged this caregiving (customary care), if one did. */
export async function judgementLetterOf(db: Kysely<Database>, caregivingId: string): Promise<string | null> {
  const row = await db
    .selectFrom("decisions")
    .select("letter_id")
    .where("subject_type", "=", "caregiving")
    .where("subject_id", "=", caregivingId)
    .where("letter_id", "is not", null)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  return row?.letter_id ?? null;
}
