import type { Actor } from "@server/auth/actor.js";
import type { ClientRow, Database, InvitationsTable } from "@server/db/schema.js";
import type { Kysely } from "kysely";
import { fullyExemptClientIds, visibleClients } from "../clients/clients.repo.js";

/** The clients among the ids that the actor may see. */
export function visibleClientsAmong(db: Kysely<Database>, actor: Actor, ids: readonly string[]): Promise<ClientRow[]> {
  return visibleClients(db, actor).selectAll().where("id", "in", ids).execute();
}

/** Those of the clients with a full exemption in force today. */
export async function fullyExemptAmong(db: Kysely<Database>, ids: readonly string[], today: string): Promise<string[]> {
  const rows = await db
    .selectFrom("clients")
    .select("id")
    .where("id", "in", ids)
    .where("id", "in", fullyExemptClientIds(db, today))
    .execute();
  return rows.map((r) => r.id);
}

/** The sequence number of each client's latest invitation (clients never invited are absent). */
export async function lastInvitationSequences(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("invitations")
    .select(["client_id", (eb) => eb.fn.max<number>("sequence").as("last")])
    .where("client_id", "in", ids)
    .groupBy("client_id")
    .execute();
  return new Map(rows.map((row) => [row.client_id, Number(row.last)]));
}

export async function insertInvitation(db: Kysely<Database>, row: InvitationsTable): Promise<void> {
  await db.insertInto("invitations").values(row).execute();
}

/**
 * The letters of a batch whose clients the actor may see, in the order the post sorts them (postcode, house number,
 * name), and how many letters the batch holds in all.
 */
export async function batchLetters(db: Kysely<Database>, actor: Actor, batchId: string) {
  const total = await db
    .selectFrom("invitations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("batch_id", "=", batchId)
    .executeTakeFirstOrThrow();
  const visible = await db
    .selectFrom("invitations as i")
    .innerJoin("letters as l", "l.id", "i.letter_id")
    .innerJoin(visibleClients(db, actor).selectAll().as("c"), "c.id", "i.client_id")
    .select([
      "l.id as letter_id",
      "l.letter_date",
      "l.registered",
      "l.tracking_number",
      "c.id as client_id",
      "c.given_name",
      "c.family_name",
      "c.street",
      "c.house_number",
      "c.house_number_addition",
      "c.postcode",
      "c.city",
    ])
    .where("i.batch_id", "=", batchId)
    .orderBy("c.postcode")
    .orderBy("c.house_number")
    .orderBy("c.house_number_addition")
    .orderBy("c.family_name")
    .orderBy("l.id")
    .execute();
  return { visible, total: Number(total.n) };
}

/** A letter of an invitation batch, with the address it goes to. */
export type BatchLetter = Awaited<ReturnType<typeof batchLetters>>["visible"][number];

/** The stored PDFs of the letters, by letter id. */
export async function letterPdfs(db: Kysely<Database>, letterIds: readonly string[]): Promise<Map<string, Buffer>> {
  const rows = await db.selectFrom("letters").select(["id", "pdf"]).where("id", "in", letterIds).execute();
  return new Map(rows.map((r) => [r.id, r.pdf]));
}

/** Invitations by id, or those of a batch, with what undoing them needs. */
export function findInvitations(
  db: Kysely<Database>,
  filter: { ids: readonly string[] } | { batchId: string },
): Promise<InvitationsTable[]> {
  let query = db.selectFrom("invitations").selectAll();
  query = "batchId" in filter ? query.where("batch_id", "=", filter.batchId) : query.where("id", "in", filter.ids);
  return query.orderBy("created_at").orderBy("id").execute();
}

/** How many of the intakes are no longer just planned: held, missed, cancelled, or the client asked to move them. */
export async function touchedIntakes(db: Kysely<Database>, appointmentIds: readonly string[]): Promise<number> {
  const row = await db
    .selectFrom("appointments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("id", "in", appointmentIds)
    .where((eb) =>
      eb.or([
        eb("status", "!=", "planned"),
        eb.exists(eb.selectFrom("reschedule_requests").select("id").whereRef("reschedule_requests.appointment_id", "=", "appointments.id")),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Removes undone invitations with their intakes (and any reminder queued for those), so the clients are not invited;
 * their letters stay, withdrawn, and the audit log keeps what happened.
 */
export async function deleteInvitationsWithIntakes(db: Kysely<Database>, invitations: readonly InvitationsTable[]): Promise<void> {
  const ids = invitations.map((i) => i.id);
  const appointmentIds = invitations.map((i) => i.appointment_id);
  await db.deleteFrom("invitations").where("id", "in", ids).execute();
  await db.deleteFrom("notifications").where("subject_type", "=", "appointment").where("subject_id", "in", appointmentIds).execute();
  await db.deleteFrom("appointments").where("id", "in", appointmentIds).execute();
}
