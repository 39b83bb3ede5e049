import type { AppointmentRow, AppointmentsTable, Database } from "@server/db/schema.js";
import type { AppointmentStatus } from "@shared/schemas/appointments.js";
import type { Kysely } from "kysely";

/** The weekly availability blocks of a consultant. */
export function listAvailability(db: Kysely<Database>, consultantId: string) {
  return db
    .selectFrom("consultant_availability")
    .selectAll()
    .where("consultant_id", "=", consultantId)
    .orderBy("weekday")
    .orderBy("start_time")
    .execute();
}

/** Replaces a consultant's weekly availability. */
export async function replaceAvailability(
  db: Kysely<Database>,
  consultantId: string,
  rows: { id: string; weekday: number; start_time: string; end_time: string; slot_minutes: number; location: string }[],
  now: string,
): Promise<void> {
  await db.deleteFrom("consultant_availability").where("consultant_id", "=", consultantId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto("consultant_availability")
    .values(rows.map((r) => ({ ...r, consultant_id: consultantId, created_at: now })))
    .execute();
}

/** Start times already taken by live appointments of a consultant, from an instant on. */
export async function takenStarts(db: Kysely<Database>, consultantId: string, from: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("appointments")
    .select("starts_at")
    .where("consultant_id", "=", consultantId)
    .where("status", "!=", "cancelled")
    .where("starts_at", ">=", from)
    .execute();
  return new Set(rows.map((r) => r.starts_at));
}

/** Those of the given clients who have a planned intake. */
export async function clientsWithPlannedIntake(db: Kysely<Database>, clientIds: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectFrom("appointments")
    .select("client_id")
    .where("client_id", "in", clientIds)
    .where("kind", "=", "intake")
    .where("status", "=", "planned")
    .execute();
  return rows.map((r) => r.client_id);
}

export async function insertAppointments(db: Kysely<Database>, rows: AppointmentsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto("appointments")
      .values(rows.slice(i, i + 200))
      .execute();
}

export function listAppointmentsOfClient(db: Kysely<Database>, clientId: string): Promise<AppointmentRow[]> {
  return db.selectFrom("appointments").selectAll().where("client_id", "=", clientId).orderBy("starts_at", "desc").execute();
}

export function findAppointment(db: Kysely<Database>, id: string): Promise<AppointmentRow | undefined> {
  return db.selectFrom("appointments").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function setAppointmentStatus(db: Kysely<Database>, id: string, status: AppointmentStatus, now: string): Promise<void> {
  await db.updateTable("appointments").set({ status, updated_at: now }).where("id", "=", id).execute();
}
