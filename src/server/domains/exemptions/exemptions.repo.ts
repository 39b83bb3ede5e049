import type { Actor } from "@server/auth/actor.js";
import type { Database, ExemptionRow, ExemptionsTable, MedicalAdviceRow, MedicalAdviceTable } from "@server/db/schema.js";
import type { ExemptionStatus, ExemptionType } from "@shared/schemas/exemptions.js";
import type { Kysely, Updateable } from "kysely";
import { visibleClients } from "../clients/clients.repo.js";
import { CURRENT_EXEMPTION_STATUSES } from "../vocabulary.js";

/** One exemption by id, whoever's it is; the caller checks the client is in scope. */
export function findExemption(db: Kysely<Database>, id: string): Promise<ExemptionRow | undefined> {
  return db.selectFrom("exemptions").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A client's exemptions, newest first. */
export function listClientExemptions(db: Kysely<Database>, clientId: string): Promise<ExemptionRow[]> {
  return db
    .selectFrom("exemptions")
    .selectAll()
    .where("client_id", "=", clientId)
    .orderBy("start_date", "desc")
    .orderBy("created_at", "desc")
    .execute();
}

/** How many requests of this type the client has open. */
export async function countOpenRequests(db: Kysely<Database>, clientId: string, type: ExemptionType): Promise<number> {
  const rows = await db
    .selectFrom("exemptions")
    .select("id")
    .where("client_id", "=", clientId)
    .where("status", "=", "requested")
    .where("type", "=", type)
    .execute();
  return rows.length;
}

/** Stores a new exemption or request. */
export async function insertExemption(db: Kysely<Database>, row: ExemptionsTable): Promise<void> {
  await db.insertInto("exemptions").values(row).execute();
}

/** Removes an exemption whose recording is undone; nothing hangs on it (the undo checked, under the client's lock). */
export async function deleteExemption(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom("exemptions").where("id", "=", id).execute();
}

/**
 * Changes an exemption only while it still has the status the rules were checked against; answers whether it
 * did, so a change made meanwhile is noticed.
 */
export async function updateExemptionIn(
  db: Kysely<Database>,
  id: string,
  expectedStatus: ExemptionStatus,
  changes: Omit<Updateable<ExemptionsTable>, "id" | "client_id">,
): Promise<boolean> {
  const updated = await db
    .updateTable("exemptions")
    .set(changes)
    .where("id", "=", id)
    .where("status", "=", expectedStatus)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Exemptions with a status for the clients in the actor's scope, with the client's name, a page at a time. */
export async function pageExemptionsByStatus(db: Kysely<Database>, actor: Actor, status: ExemptionStatus, page: number, pageSize: number) {
  const base = db
    .selectFrom("exemptions")
    .innerJoin("clients", "clients.id", "exemptions.client_id")
    .where("exemptions.status", "=", status)
    .where("exemptions.client_id", "in", visibleClients(db, actor).select("clients.id"));
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll("exemptions")
    .select(["clients.given_name", "clients.family_name"])
    .orderBy("exemptions.decided_at")
    .orderBy("exemptions.id")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(total) };
}

/** Current exemptions whose end date lies before a date. */
export function exemptionsEndedBefore(db: Kysely<Database>, date: string) {
  return db
    .selectFrom("exemptions")
    .select(["id", "client_id", "end_date"])
    .where("status", "in", [...CURRENT_EXEMPTION_STATUSES])
    .where("end_date", "<", date)
    .execute();
}

/** Ends an exemption on its end date because it expired. */
export async function endExpiredExemption(db: Kysely<Database>, id: string, endedOn: string | null, now: string): Promise<void> {
  await db
    .updateTable("exemptions")
    .set({ status: "ended", ended_on: endedOn, end_reason: "expired", updated_at: now })
    .where("id", "=", id)
    .execute();
}

/** The end and review dates of the active exemptions. */
export function activeExemptionDates(db: Kysely<Database>) {
  return db.selectFrom("exemptions").select(["end_date", "review_date"]).where("status", "=", "active").execute();
}

/** Stores a medical advice on an exemption. */
export async function insertMedicalAdvice(db: Kysely<Database>, row: MedicalAdviceTable): Promise<void> {
  await db.insertInto("medical_advice").values(row).execute();
}

/** The medical advice on each of these exemptions, oldest first. */
export async function medicalAdviceOf(db: Kysely<Database>, exemptionIds: readonly string[]): Promise<Map<string, MedicalAdviceRow[]>> {
  const byExemption = new Map<string, MedicalAdviceRow[]>();
  for (let i = 0; i < exemptionIds.length; i += 500) {
    const chunk = exemptionIds.slice(i, i + 500);
    const rows = await db
      .selectFrom("medical_advice")
      .selectAll()
      .where("exemption_id", "in", chunk)
      .orderBy("advised_on")
      .orderBy("created_at")
      .execute();
    for (const row of rows) byExemption.set(row.exemption_id, [...(byExemption.get(row.exemption_id) ?? []), row]);
  }
  return byExemption;
}
