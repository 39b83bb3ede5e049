import type { Actor } from "@server/auth/actor.js";
import type { AppointmentRow, AppointmentsTable, Database, RescheduleRequestRow, RescheduleRequestsTable } from "@server/db/schema.js";
import type { AppointmentStatus } from "@shared/schemas/appointments.js";
import type { Kysely } from "kysely";
import { visibleClients } from "../clients/clients.repo.js";

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

/**
 * A client's planned appointments from a day on, earliest first, with the name of the consultant each is with. The
 * caller keeps those that have not started: times carry their own offset, so the day is the safe bound here.
 */
export function plannedAppointmentsFrom(db: Kysely<Database>, clientId: string, fromDate: string) {
  return db
    .selectFrom("appointments")
    .innerJoin("users", "users.id", "appointments.consultant_id")
    .selectAll("appointments")
    .select("users.display_name as consultant_name")
    .where("appointments.client_id", "=", clientId)
    .where("appointments.status", "=", "planned")
    .where("appointments.starts_at", ">=", fromDate)
    .orderBy("appointments.starts_at")
    .execute();
}

/**
 * A consultant's live appointments between two instants, earliest first, with the names of clients the actor may see.
 * Times carry their own offset, so the text comparison is a day wider on each side and the caller keeps the stretch.
 */
export function liveAppointmentsOfConsultant(db: Kysely<Database>, actor: Actor, from: Date, to: Date) {
  const clients = visibleClients(db, actor).select(["id", "given_name", "family_name"]).as("visible");
  return db
    .selectFrom("appointments")
    .innerJoin(clients, "visible.id", "appointments.client_id")
    .selectAll("appointments")
    .select(["visible.given_name", "visible.family_name"])
    .where("appointments.consultant_id", "=", actor.id)
    .where("appointments.status", "!=", "cancelled")
    .where("appointments.starts_at", ">=", new Date(from.getTime() - 86_400_000).toISOString().slice(0, 10))
    .where("appointments.starts_at", "<", new Date(to.getTime() + 86_400_000).toISOString().slice(0, 10))
    .orderBy("appointments.starts_at")
    .orderBy("appointments.id")
    .execute();
}

/** The open reschedule request of an appointment, if any. */
export function findOpenRescheduleRequest(db: Kysely<Database>, appointmentId: string): Promise<RescheduleRequestRow | undefined> {
  return db
    .selectFrom("reschedule_requests")
    .selectAll()
    .where("appointment_id", "=", appointmentId)
    .where("status", "=", "open")
    .executeTakeFirst();
}

/** A client's open reschedule requests, by appointment. */
export async function openRescheduleRequestsOfClient(db: Kysely<Database>, clientId: string): Promise<Map<string, RescheduleRequestRow>> {
  const rows = await db
    .selectFrom("reschedule_requests")
    .selectAll()
    .where("client_id", "=", clientId)
    .where("status", "=", "open")
    .execute();
  return new Map(rows.map((r) => [r.appointment_id, r]));
}

/** The open reschedule requests of some appointments, by appointment. */
export async function openRescheduleRequestsOf(
  db: Kysely<Database>,
  appointmentIds: readonly string[],
): Promise<Map<string, RescheduleRequestRow>> {
  if (appointmentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("reschedule_requests")
    .selectAll()
    .where("appointment_id", "in", appointmentIds)
    .where("status", "=", "open")
    .execute();
  return new Map(rows.map((r) => [r.appointment_id, r]));
}

export async function insertRescheduleRequest(db: Kysely<Database>, row: RescheduleRequestsTable): Promise<void> {
  await db.insertInto("reschedule_requests").values(row).execute();
}

/** Closes an appointment's open reschedule request: the appointment was moved, or what happened was recorded. */
export async function closeRescheduleRequests(db: Kysely<Database>, appointmentId: string, now: string, closedBy: string): Promise<void> {
  await db
    .updateTable("reschedule_requests")
    .set({ status: "closed", closed_at: now, closed_by: closedBy })
    .where("appointment_id", "=", appointmentId)
    .where("status", "=", "open")
    .execute();
}
