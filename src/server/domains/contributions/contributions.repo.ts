import type { ContributionsTable, Database } from "@server/db/schema.js";
import type { Kysely } from "kysely";

/** A client's formalised contributions, newest first. */
export async function listContributionsOf(db: Kysely<Database>, clientId: string): Promise<ContributionsTable[]> {
  return db.selectFrom("contributions").selectAll().where("client_id", "=", clientId).orderBy("since", "desc").execute();
}

/** Whether the client gives caregiving beyond customary care now, which counts as contributing. */
export async function hasActiveCaregivingBeyondCustomary(db: Kysely<Database>, clientId: string): Promise<boolean> {
  const row = await db
    .selectFrom("caregiving")
    .select("id")
    .where("client_id", "=", clientId)
    .where("status", "=", "active")
    .where("beyond_customary_care", "=", 1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The name of a registered organisation, or undefined when there is none with this id. */
export async function findOrganisationName(db: Kysely<Database>, id: string): Promise<string | undefined> {
  return (await db.selectFrom("organisations").select("name").where("id", "=", id).executeTakeFirst())?.name;
}

/** Stores a formalised contribution. */
export async function insertContribution(db: Kysely<Database>, row: ContributionsTable): Promise<void> {
  await db.insertInto("contributions").values(row).execute();
}

/** Removes a contribution whose making was undone (nothing refers to it any more). */
export async function deleteContribution(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom("contributions").where("id", "=", id).execute();
}

/** Ends a running contribution on a day: its hours count up to then and no longer; false when it had ended. */
export async function endActiveContribution(db: Kysely<Database>, id: string, endedOn: string): Promise<boolean> {
  const result = await db
    .updateTable("contributions")
    .set({ status: "ended", ended_on: endedOn })
    .where("id", "=", id)
    .where("status", "=", "active")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** One contribution by id, whoever's it is; the caller checks the client is in scope. */
export function findContribution(db: Kysely<Database>, id: string): Promise<ContributionsTable | undefined> {
  return db.selectFrom("contributions").selectAll().where("id", "=", id).executeTakeFirst();
}
