import type { Actor } from "@server/auth/actor.js";
import type { BuddiesTable, BuddyMeetingsTable, BuddyPairingRow, BuddyPairingsTable, BuddyRow, Database } from "@server/db/schema.js";
import { type Kysely, sql } from "kysely";
import { visibleClients } from "../clients/clients.repo.js";

/** A buddy with what staff see beside it: the buddy's name and district, hours and how many people they support. */
export interface BuddyView extends BuddyRow {
  given_name: string;
  family_name: string;
  district: string;
  hours_per_week: number;
  letter_id: string;
  active_pairings: number;
}

const activePairings = (db: Kysely<Database>) =>
  db
    .selectFrom("buddy_pairings")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("buddy_pairings.buddy_id", "=", sql.ref<string>("buddies.id"))
    .where("buddy_pairings.status", "=", "active");

/** Buddies whose client the actor may see, with their contribution's hours and letter. */
function visibleBuddies(db: Kysely<Database>, actor: Actor) {
  return db
    .selectFrom("buddies")
    .innerJoin("clients", "clients.id", "buddies.client_id")
    .innerJoin("contributions", "contributions.id", "buddies.contribution_id")
    .selectAll("buddies")
    .select([
      "clients.given_name",
      "clients.family_name",
      "clients.district",
      "contributions.hours_per_week",
      "contributions.letter_id",
      () => activePairings(db).as("active_pairings"),
    ])
    .where("buddies.client_id", "in", visibleClients(db, actor).select("clients.id"));
}

const asView = (
  row: Omit<BuddyView, "active_pairings" | "district"> & { district: string | null; active_pairings: unknown },
): BuddyView => ({
  ...row,
  district: row.district ?? "",
  active_pairings: Number(row.active_pairings ?? 0),
});

/** One page of the buddies the actor may see (active first, then by name), optionally of one district. */
export async function listVisibleBuddies(
  db: Kysely<Database>,
  actor: Actor,
  query: { district?: string | undefined; page: number; pageSize: number },
): Promise<{ rows: BuddyView[]; total: number }> {
  let base = visibleBuddies(db, actor);
  if (query.district) base = base.where("clients.district", "=", query.district);
  const rows = await base
    .orderBy("buddies.status")
    .orderBy("clients.given_name")
    .orderBy("buddies.id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  let count = db
    .selectFrom("buddies")
    .innerJoin("clients", "clients.id", "buddies.client_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("buddies.client_id", "in", visibleClients(db, actor).select("clients.id"));
  if (query.district) count = count.where("clients.district", "=", query.district);
  const total = Number((await count.executeTakeFirst())?.n ?? 0);
  return { rows: rows.map(asView), total };
}

/** One buddy the actor may see (by the buddy's client), or undefined. */
export async function findVisibleBuddy(db: Kysely<Database>, actor: Actor, id: string): Promise<BuddyView | undefined> {
  const row = await visibleBuddies(db, actor).where("buddies.id", "=", id).executeTakeFirst();
  return row ? asView(row) : undefined;
}

/** One buddy by id, read again under the lock. */
export function findBuddy(db: Kysely<Database>, id: string): Promise<BuddyRow | undefined> {
  return db.selectFrom("buddies").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The client's running buddy agreement, if any. */
export function findActiveBuddyOfClient(db: Kysely<Database>, clientId: string) {
  return db.selectFrom("buddies").select("id").where("client_id", "=", clientId).where("status", "=", "active").executeTakeFirst();
}

/** The running buddy agreement whose contribution this is, if any. */
export function findActiveBuddyOfContribution(db: Kysely<Database>, contributionId: string) {
  return db
    .selectFrom("buddies")
    .select(["id", "client_id", "contribution_id"])
    .where("contribution_id", "=", contributionId)
    .where("status", "=", "active")
    .executeTakeFirst();
}

/** Stores a buddy agreement. */
export async function insertBuddy(db: Kysely<Database>, row: BuddiesTable): Promise<void> {
  await db.insertInto("buddies").values(row).execute();
}

/** How many people the buddy supports now. */
export async function countActivePairings(db: Kysely<Database>, buddyId: string): Promise<number> {
  const row = await db
    .selectFrom("buddy_pairings")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("buddy_id", "=", buddyId)
    .where("status", "=", "active")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many pairings the buddy has had, running or ended. */
export async function countPairingsOfBuddy(db: Kysely<Database>, buddyId: string): Promise<number> {
  const row = await db
    .selectFrom("buddy_pairings")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("buddy_id", "=", buddyId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Removes a buddy agreement whose making was undone. */
export async function deleteBuddy(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom("buddies").where("id", "=", id).execute();
}

/** The client's running pairing as the person supported, if any. */
export function findActivePairingOfClient(db: Kysely<Database>, clientId: string) {
  return db.selectFrom("buddy_pairings").select("id").where("client_id", "=", clientId).where("status", "=", "active").executeTakeFirst();
}

/** Stores a pairing. */
export async function insertPairing(db: Kysely<Database>, row: BuddyPairingsTable): Promise<void> {
  await db.insertInto("buddy_pairings").values(row).execute();
}

/**
 * One pairing the actor may see: staff when they may see the supported client or the buddy; a client when they are
 * one of its two sides.
 */
export function findVisiblePairing(db: Kysely<Database>, actor: Actor, id: string): Promise<BuddyPairingRow | undefined> {
  const scope = visibleClients(db, actor).select("clients.id");
  return db
    .selectFrom("buddy_pairings")
    .selectAll()
    .where("id", "=", id)
    .where((eb) => eb.or([eb("client_id", "in", scope), eb("buddy_client_id", "in", scope)]))
    .executeTakeFirst();
}

/** One pairing by id, read again under its lock. */
export function findPairing(db: Kysely<Database>, id: string): Promise<BuddyPairingRow | undefined> {
  return db.selectFrom("buddy_pairings").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The pairings a client is on either side of, newest first. */
export function listPairingsOfClient(db: Kysely<Database>, clientId: string): Promise<BuddyPairingRow[]> {
  return db
    .selectFrom("buddy_pairings")
    .selectAll()
    .where((eb) => eb.or([eb("client_id", "=", clientId), eb("buddy_client_id", "=", clientId)]))
    .orderBy("paired_on", "desc")
    .orderBy("id")
    .execute();
}

/** The contact details each buddy agreed to share, by buddy id. */
export async function buddyContacts(db: Kysely<Database>, buddyIds: string[]) {
  if (buddyIds.length === 0) return new Map<string, { phone: string | null; email: string | null }>();
  const rows = await db.selectFrom("buddies").select(["id", "contact_phone", "contact_email"]).where("id", "in", buddyIds).execute();
  return new Map(rows.map((r) => [r.id, { phone: r.contact_phone, email: r.contact_email }]));
}

/** First names of clients, by id: all a pairing's other side learns of a person's identity. */
export async function firstNamesOf(db: Kysely<Database>, clientIds: string[]): Promise<Map<string, string>> {
  if (clientIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("clients")
    .select(["id", "given_name"])
    .where("id", "in", [...new Set(clientIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.given_name.split(" ")[0] ?? r.given_name]));
}

/** Ends a running pairing; false when it had ended meanwhile (the other side or the consultant was first). */
export async function endActivePairing(
  db: Kysely<Database>,
  id: string,
  fields: Pick<BuddyPairingsTable, "ended_on" | "ended_by_side" | "ended_by" | "updated_at">,
): Promise<boolean> {
  const result = await db
    .updateTable("buddy_pairings")
    .set({ ...fields, status: "ended" })
    .where("id", "=", id)
    .where("status", "=", "active")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stores a meeting of a pair. */
export async function insertMeeting(db: Kysely<Database>, row: BuddyMeetingsTable): Promise<void> {
  await db.insertInto("buddy_meetings").values(row).execute();
}

/** The meetings of some pairings, oldest first. */
export function meetingsOf(db: Kysely<Database>, pairingIds: string[]) {
  if (pairingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("buddy_meetings")
    .select(["id", "pairing_id", "held_on", "hours"])
    .where("pairing_id", "in", pairingIds)
    .orderBy("held_on")
    .orderBy("id")
    .execute();
}

/** Erases the contact details of pairings that ended before the cutoff (retention); how many were erased. */
export async function eraseEndedPairingContactsBefore(db: Kysely<Database>, cutoff: string): Promise<number> {
  const result = await db
    .updateTable("buddy_pairings")
    .set({ contact_phone: null, contact_email: null })
    .where("status", "=", "ended")
    .where("ended_on", "<", cutoff)
    .where((eb) => eb.or([eb("contact_phone", "is not", null), eb("contact_email", "is not", null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The client's latest buddy agreement (a running one before an ended one), with its contribution's hours. */
export function findLatestBuddyOfClient(db: Kysely<Database>, clientId: string) {
  return db
    .selectFrom("buddies")
    .innerJoin("contributions", "contributions.id", "buddies.contribution_id")
    .selectAll("buddies")
    .select(["contributions.hours_per_week", "contributions.letter_id"])
    .where("buddies.client_id", "=", clientId)
    .orderBy("buddies.status")
    .orderBy("buddies.created_at", "desc")
    .orderBy("buddies.id")
    .executeTakeFirst();
}

/** Ends a running buddy agreement; false when it had ended meanwhile (a parallel ending was first). */
export async function endActiveBuddy(
  db: Kysely<Database>,
  id: string,
  fields: Pick<BuddiesTable, "ended_on" | "ended_by_side" | "ended_by">,
): Promise<boolean> {
  const result = await db
    .updateTable("buddies")
    .set({ ...fields, status: "ended" })
    .where("id", "=", id)
    .where("status", "=", "active")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The running pairings of a buddy: who they support now. */
export function activePairingsOfBuddy(db: Kysely<Database>, buddyId: string) {
  return db
    .selectFrom("buddy_pairings")
    .select(["id", "client_id", "buddy_client_id"])
    .where("buddy_id", "=", buddyId)
    .where("status", "=", "active")
    .orderBy("id")
    .execute();
}
