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
