import { randomUUID } from "node:crypto";
import type { Actor } from "@server/auth/actor.js";
import type { Database, OrganisationRow } from "@server/db/schema.js";
import { notFound } from "@server/http/errors.js";
import type { Kysely } from "kysely";

/** A page of organisations, optionally filtered by name. */
export async function listOrganisations(db: Kysely<Database>, filters: { q?: string | undefined; page: number; pageSize: number }) {
  let base = db.selectFrom("organisations");
  const q = filters.q?.toLowerCase();
  if (q) base = base.where((eb) => eb(eb.fn("lower", ["name"]), "like", `%${q}%`));
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy("name")
    .orderBy("id")
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

/** Inserts an organisation; returns the stored row. */
export async function insertOrganisation(
  db: Kysely<Database>,
  row: Omit<OrganisationRow, "id" | "created_at" | "updated_at">,
  now: string,
): Promise<OrganisationRow> {
  const stored: OrganisationRow = { id: randomUUID(), ...row, created_at: now, updated_at: now };
  await db.insertInto("organisations").values(stored).execute();
  return stored;
}

/** One organisation the actor may see: hosts their own, staff any; otherwise 404. */
export async function requireVisibleOrganisation(db: Kysely<Database>, actor: Actor, id: string): Promise<OrganisationRow> {
  if (actor.role === "host" && actor.organisationId !== id) throw notFound("organisation");
  const row = await db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("organisation");
  return row;
}

/** Writes the organisation's own partner profile: the training and support it offers volunteers. */
export async function updatePartnerProfile(
  db: Kysely<Database>,
  id: string,
  fields: Pick<OrganisationRow, "training_offered" | "updated_at">,
): Promise<void> {
  await db.updateTable("organisations").set(fields).where("id", "=", id).execute();
}
