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
