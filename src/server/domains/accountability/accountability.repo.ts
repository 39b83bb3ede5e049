import type { AccountabilityRequestRow, AccountabilityRequestsTable, ClientRow, Database } from "@server/db/schema.js";
import type { Kysely } from "kysely";

/** A formalised contribution, as far as accountability needs it. */
export interface ContributionFacts {
  id: string;
  client_id: string;
  created_at: string;
  organisation_name: string | null;
  description: string;
  hours_per_week: number;
}

/** Caregiving beyond customary care, as far as accountability needs it. */
export interface CaregivingFacts {
  id: string;
  client_id: string;
  created_at: string;
  relation: string;
  hours_per_week: number;
}

/**
 * Formalised activities: contributions and caregiving beyond customary care. Active ones only (what is due for
 * accountability), or all of some clients (to describe their past requests).
 */
export async function listFormalisedActivities(
  db: Kysely<Database>,
  filter: { activeOnly: true } | { clientIds: string[] },
): Promise<{ contributions: ContributionFacts[]; caregiving: CaregivingFacts[] }> {
  let contributions = db
    .selectFrom("contributions")
    .select(["id", "client_id", "created_at", "organisation_name", "description", "hours_per_week"]);
  let caregiving = db
    .selectFrom("caregiving")
    .select(["id", "client_id", "created_at", "relation", "hours_per_week"])
    .where("beyond_customary_care", "=", 1);
  if ("clientIds" in filter) {
    if (filter.clientIds.length === 0) return { contributions: [], caregiving: [] };
    contributions = contributions.where("client_id", "in", filter.clientIds);
    caregiving = caregiving.where("client_id", "in", filter.clientIds);
  } else {
    contributions = contributions.where("status", "=", "active");
    caregiving = caregiving.where("status", "=", "active");
  }
  return { contributions: await contributions.execute(), caregiving: await caregiving.execute() };
}

/** When each activity was last asked about, by subject id. */
export async function lastRequestedOn(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("accountability_requests")
    .select(["subject_id", (eb) => eb.fn.max("requested_on").as("last")])
    .groupBy("subject_id")
    .execute();
  return new Map(rows.map((row) => [row.subject_id, String(row.last)]));
}

/** Clients by id, for the letters. */
export async function clientsById(db: Kysely<Database>, ids: string[]): Promise<Map<string, ClientRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("clients")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((c) => [c.id, c]));
}

/** Stores a request unless one for this activity and day exists; answers whether it did. */
export async function insertRequestOnce(db: Kysely<Database>, row: AccountabilityRequestsTable): Promise<boolean> {
  const inserted = await db
    .insertInto("accountability_requests")
    .values(row)
    .onConflict((oc) => oc.columns(["subject_type", "subject_id", "requested_on"]).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Open requests, e.g. to remind or to count the overdue ones. */
export function listOpenRequests(db: Kysely<Database>): Promise<AccountabilityRequestRow[]> {
  return db.selectFrom("accountability_requests").selectAll().where("status", "=", "open").execute();
}

/** Records the reminder of a request still open and not yet reminded; answers whether it was. */
export async function setReminder(db: Kysely<Database>, id: string, date: string, letterId: string): Promise<boolean> {
  const updated = await db
    .updateTable("accountability_requests")
    .set({ reminded_on: date, reminder_letter_id: letterId })
    .where("id", "=", id)
    .where("reminded_on", "is", null)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** One request by id, whoever's it is; the caller checks the client is in scope. */
export function findRequest(db: Kysely<Database>, id: string): Promise<AccountabilityRequestRow | undefined> {
  return db.selectFrom("accountability_requests").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Records the answer to a request that is still open; answers whether it was. */
export async function answerOpenRequest(
  db: Kysely<Database>,
  id: string,
  answer: { status: "confirmed" | "stopped"; respondedOn: string; response: string | null; respondedBy: string },
): Promise<boolean> {
  const updated = await db
    .updateTable("accountability_requests")
    .set({ status: answer.status, responded_on: answer.respondedOn, response: answer.response, responded_by: answer.respondedBy })
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Ends the contribution or caregiving a request is about. */
export async function endActivity(db: Kysely<Database>, subjectType: string, subjectId: string, endedOn: string): Promise<void> {
  const table = subjectType === "contribution" ? "contributions" : "caregiving";
  await db.updateTable(table).set({ status: "ended", ended_on: endedOn }).where("id", "=", subjectId).execute();
}

/**
 * Closes the open requests about an activity that ended otherwise (e.g. a buddy agreement the buddy ended) as
 * answered "stopped", so no request about it runs overdue; how many were closed.
 */
export async function stopOpenRequestsAbout(
  db: Kysely<Database>,
  subject: { type: "contribution" | "caregiving"; id: string },
  answer: { respondedOn: string; respondedBy: string },
): Promise<number> {
  const updated = await db
    .updateTable("accountability_requests")
    .set({ status: "stopped", responded_on: answer.respondedOn, response: null, responded_by: answer.respondedBy })
    .where("subject_type", "=", subject.type)
    .where("subject_id", "=", subject.id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(updated.numUpdatedRows);
}

/** A client's requests, newest first. */
export function listClientRequests(db: Kysely<Database>, clientId: string): Promise<AccountabilityRequestRow[]> {
  return db.selectFrom("accountability_requests").selectAll().where("client_id", "=", clientId).orderBy("requested_on", "desc").execute();
}

/** Whether the client was ever asked to account for this activity (from then on it has a history of its own). */
export async function wasAskedAbout(db: Kysely<Database>, subject: { type: "contribution" | "caregiving"; id: string }): Promise<boolean> {
  const row = await db
    .selectFrom("accountability_requests")
    .select("id")
    .where("subject_type", "=", subject.type)
    .where("subject_id", "=", subject.id)
    .executeTakeFirst();
  return row !== undefined;
}
