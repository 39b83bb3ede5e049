import type { Database, LetterRow, LettersTable } from "@server/db/schema.js";
import type { DeliveryStatus } from "@shared/schemas/letters.js";
import type { Kysely } from "kysely";

const LIST_COLUMNS = [
  "id",
  "client_id",
  "kind",
  "template",
  "subject",
  "letter_date",
  "sha256",
  "registered",
  "tracking_number",
  "delivery_status",
  "delivery_updated_at",
  "delivery_date",
  "created_by",
  "created_at",
  "held_until",
  "printed_at",
  "opened_at",
  "withdrawn_at",
  "withdrawn_by",
] as const;

export type LetterMeta = Omit<LetterRow, "pdf">;

/** Stores a letter, PDF included. */
export async function insertLetter(db: Kysely<Database>, row: LettersTable): Promise<void> {
  await db.insertInto("letters").values(row).execute();
}

/** A client's letters, newest first, without their PDFs. */
export function listLettersOfClient(db: Kysely<Database>, clientId: string): Promise<LetterMeta[]> {
  return db
    .selectFrom("letters")
    .select(LIST_COLUMNS)
    .where("client_id", "=", clientId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
}

/** The letters a client sees in the portal: not withdrawn, and past the hold that leaves time to undo. */
export function listLettersForClient(db: Kysely<Database>, clientId: string, now: string): Promise<LetterMeta[]> {
  return db
    .selectFrom("letters")
    .select(LIST_COLUMNS)
    .where("client_id", "=", clientId)
    .where("withdrawn_at", "is", null)
    .where((eb) => eb.or([eb("held_until", "is", null), eb("held_until", "<=", now)]))
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
}

/** One letter's metadata, or undefined. */
export function findLetter(db: Kysely<Database>, id: string): Promise<LetterMeta | undefined> {
  return db.selectFrom("letters").select(LIST_COLUMNS).where("id", "=", id).executeTakeFirst();
}

/** The stored PDF bytes of a letter. */
export async function findLetterPdf(db: Kysely<Database>, id: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom("letters").select("pdf").where("id", "=", id).executeTakeFirst();
  return row ? Buffer.from(row.pdf) : undefined;
}

/** Records a delivery state: an event in the letter's history and its current status. */
export async function recordDelivery(
  db: Kysely<Database>,
  event: {
    id: string;
    letterId: string;
    status: DeliveryStatus;
    trackingNumber: string | null;
    recordedBy: string;
    at: string;
    occurredOn: string;
  },
): Promise<void> {
  await db
    .insertInto("letter_delivery_events")
    .values({
      id: event.id,
      letter_id: event.letterId,
      status: event.status,
      tracking_number: event.trackingNumber,
      recorded_by: event.recordedBy,
      recorded_at: event.at,
      occurred_on: event.occurredOn,
    })
    .execute();
  await db
    .updateTable("letters")
    .set({
      delivery_status: event.status,
      tracking_number: event.trackingNumber,
      delivery_updated_at: event.at,
      delivery_date: event.occurredOn,
    })
    .where("id", "=", event.letterId)
    .execute();
}

/** Whether the outbox took each letter's notice to send (a claimed attempt or a final state), by letter id. */
export async function noticesTaken(db: Kysely<Database>, letterIds: readonly string[]): Promise<Set<string>> {
  if (letterIds.length === 0) return new Set();
  const rows = await db
    .selectFrom("notifications")
    .select("subject_id")
    .where("subject_type", "=", "letter")
    .where("subject_id", "in", letterIds)
    .where((eb) => eb.or([eb("attempts", ">", 0), eb("status", "!=", "pending")]))
    .execute();
  return new Set(rows.map((r) => r.subject_id));
}

/** Letters' metadata by id. */
export function findLetters(db: Kysely<Database>, ids: readonly string[]): Promise<LetterMeta[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("letters").select(LIST_COLUMNS).where("id", "in", ids).execute();
}

/** Records the first print of letters; a later print keeps the first moment. */
export async function markPrinted(db: Kysely<Database>, ids: readonly string[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("letters").set({ printed_at: at }).where("id", "in", ids).where("printed_at", "is", null).execute();
}

/** Records the client's first opening of a letter. */
export async function markOpened(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable("letters").set({ opened_at: at }).where("id", "=", id).where("opened_at", "is", null).execute();
}

/** Marks a letter withdrawn; the row and its PDF stay for the record. */
export async function markWithdrawn(db: Kysely<Database>, id: string, by: string, at: string): Promise<void> {
  await db.updateTable("letters").set({ withdrawn_at: at, withdrawn_by: by }).where("id", "=", id).execute();
}

/**
 * Removes a letter's notice that the outbox has not taken yet; answers how many notices it has left (taken meanwhile:
 * the conditional delete sees the outbox's claim, so of the two one wins).
 */
export async function dropUntakenNotice(db: Kysely<Database>, letterId: string): Promise<number> {
  await db
    .deleteFrom("notifications")
    .where("subject_type", "=", "letter")
    .where("subject_id", "=", letterId)
    .where("status", "=", "pending")
    .where("attempts", "=", 0)
    .execute();
  const left = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("subject_type", "=", "letter")
    .where("subject_id", "=", letterId)
    .executeTakeFirstOrThrow();
  return Number(left.n);
}
