import type { Actor } from "@server/auth/actor.js";
import type { ClientRow, Database, WorkQueueDispositionRow } from "@server/db/schema.js";
import { DISPLACEMENT_ENDING, REGULAR_ENDINGS } from "@shared/schemas/placements.js";
import type { Kysely } from "kysely";
import { type ClientIdQuery, visibleClients } from "../clients/clients.repo.js";
import { ACTIVE_STEP_STATUSES } from "../vocabulary.js";

/** The clients' invitations with their letter's delivery and their appointment's status, oldest first. */
export function invitationsOf(db: Kysely<Database>, clientIds: ClientIdQuery) {
  return db
    .selectFrom("invitations")
    .innerJoin("letters", "letters.id", "invitations.letter_id")
    .innerJoin("appointments", "appointments.id", "invitations.appointment_id")
    .select([
      "invitations.client_id",
      "invitations.sequence",
      "letters.delivery_status as letter_status",
      "letters.delivery_updated_at as letter_updated",
      "letters.letter_date",
      "appointments.status as appointment_status",
      "appointments.starts_at as appointment_start",
    ])
    .where("invitations.client_id", "in", clientIds)
    .orderBy("invitations.sequence")
    .execute();
}

/** The clients' check-ins, oldest first. */
export function checkInsOf(db: Kysely<Database>, clientIds: ClientIdQuery) {
  return db
    .selectFrom("check_ins")
    .select(["client_id", "held_on", "who5_raw", "who5_items", "entered_by", "help_requested", "created_at"])
    .where("client_id", "in", clientIds)
    .orderBy("held_on")
    .orderBy("created_at")
    .execute();
}

/** The clients' plans in force. */
export function confirmedPlansOf(db: Kysely<Database>, clientIds: ClientIdQuery) {
  return db
    .selectFrom("plans")
    .select(["id", "client_id", "confirmed_on", "reporting_frequency_weeks"])
    .where("client_id", "in", clientIds)
    .where("status", "=", "confirmed")
    .execute();
}

/** The planned and active steps of the clients' plans in force that end between two dates. */
export function stepsEndingBetween(db: Kysely<Database>, clientIds: ClientIdQuery, from: string, to: string) {
  return db
    .selectFrom("plan_steps")
    .innerJoin("plans", "plans.id", "plan_steps.plan_id")
    .select(["plan_steps.client_id", "plan_steps.end_date"])
    .where("plans.status", "=", "confirmed")
    .where("plan_steps.client_id", "in", clientIds)
    .where("plan_steps.status", "in", [...ACTIVE_STEP_STATUSES])
    .where("plan_steps.end_date", ">=", from)
    .where("plan_steps.end_date", "<=", to)
    .execute();
}

/**
 * The clients' placements that ended early (not by a regular ending) on or after a date. An ending because the role
 * replaced paid work is not a dropout: it has its own reason (`displacementEndingsSince`).
 */
export function dropoutsSince(db: Kysely<Database>, clientIds: ClientIdQuery, since: string) {
  return db
    .selectFrom("placements")
    .select(["client_id", "ended_on", "attributable_to"])
    .where("client_id", "in", clientIds)
    .where("status", "=", "ended")
    .where("ended_on", ">=", since)
    .where("end_reason", "not in", [...REGULAR_ENDINGS, DISPLACEMENT_ENDING])
    .execute();
}

/**
 * The clients' running placements that started on or before a date (four weeks before today) and whose check-in with
 * the host was not held.
 */
export function hostCheckInsOpen(db: Kysely<Database>, clientIds: ClientIdQuery, startedBy: string) {
  return db
    .selectFrom("placements")
    .select(["client_id", "status", "started_on", "host_check_in_held_on"])
    .where("client_id", "in", clientIds)
    .where("status", "=", "active")
    .where("started_on", "<=", startedBy)
    .where("host_check_in_held_on", "is", null)
    .execute();
}

/** The clients' placements and referrals ended on or after a date because their role was rejected for displacement. */
export function displacementEndingsSince(db: Kysely<Database>, clientIds: ClientIdQuery, since: string) {
  return db
    .selectFrom("placements")
    .select(["client_id", "ended_on"])
    .where("client_id", "in", clientIds)
    .where("status", "=", "ended")
    .where("ended_on", ">=", since)
    .where("end_reason", "=", DISPLACEMENT_ENDING)
    .execute();
}

/** The clients' ended placements whose ending waits for the consultant to hear the client, however long ago. */
export function undeterminedEndingsOf(db: Kysely<Database>, clientIds: ClientIdQuery) {
  return db
    .selectFrom("placements")
    .select(["client_id", "ended_on"])
    .where("client_id", "in", clientIds)
    .where("status", "=", "ended")
    .where("attributable_to", "=", "undetermined")
    .execute();
}

/** The clients' open accountability requests. */
export function openAccountabilityRequestsOf(db: Kysely<Database>, clientIds: ClientIdQuery) {
  return db
    .selectFrom("accountability_requests")
    .select(["client_id", "requested_on", "ordinance_version"])
    .where("client_id", "in", clientIds)
    .where("status", "=", "open")
    .execute();
}

/** The clients' open requests for another time for a planned appointment, with when each was asked. */
export function openRescheduleRequestsOf(db: Kysely<Database>, clientIds: ClientIdQuery) {
  return db
    .selectFrom("reschedule_requests")
    .innerJoin("appointments", "appointments.id", "reschedule_requests.appointment_id")
    .select(["reschedule_requests.client_id", "reschedule_requests.requested_at"])
    .where("reschedule_requests.client_id", "in", clientIds)
    .where("reschedule_requests.status", "=", "open")
    .where("appointments.status", "=", "planned")
    .execute();
}

/** Exemption requests still waiting for a decision; a request starts on the day it was made. */
export function exemptionRequestsOf(db: Kysely<Database>, clientIds: ClientIdQuery) {
  return db
    .selectFrom("exemptions")
    .select(["client_id", "start_date"])
    .where("client_id", "in", clientIds)
    .where("status", "=", "requested")
    .execute();
}

/** The clients' active exemptions whose end or review date falls on or before a date. */
export function exemptionsEndingBy(db: Kysely<Database>, clientIds: ClientIdQuery, by: string) {
  return db
    .selectFrom("exemptions")
    .select(["client_id", "end_date", "review_date"])
    .where("client_id", "in", clientIds)
    .where("status", "=", "active")
    .where((eb) => eb.or([eb("end_date", "<=", by), eb("review_date", "<=", by)]))
    .execute();
}

/** The clients' imposed sanctions whose reconsideration is due on or before a date. */
export function reconsiderationsDueBy(db: Kysely<Database>, clientIds: ClientIdQuery, by: string) {
  return db
    .selectFrom("sanctions")
    .select(["client_id", "reconsider_by"])
    .where("client_id", "in", clientIds)
    .where("reconsider_by", "is not", null)
    .where("reconsidered_on", "is", null)
    .where("revoked", "=", 0)
    .where("reconsider_by", "<=", by)
    .execute();
}

/** Active consultants with their districts (one row a district), by name; only those of the districts if given. */
export function consultantsInDistricts(db: Kysely<Database>, districts: readonly string[] | null) {
  let query = db
    .selectFrom("users")
    .innerJoin("user_districts", "user_districts.user_id", "users.id")
    .select(["users.id", "users.display_name", "user_districts.district"])
    .where("users.role", "=", "consultant")
    .where("users.active", "=", 1);
  if (districts) query = query.where("user_districts.district", "in", districts);
  return query.orderBy("users.display_name").execute();
}

/** What the work queue shows of a client; only these columns are read, for every client of a caseload. */
export type QueueClient = Pick<ClientRow, "id" | "given_name" | "family_name" | "district" | "consultant_id">;
const QUEUE_COLUMNS = ["id", "given_name", "family_name", "district", "consultant_id"] as const;

/** A caseload: its clients as the work queue shows them, and the same clients as a query of their ids. */
export interface Caseload {
  clients: QueueClient[];
  ids: ClientIdQuery;
}

async function caseloadFrom(query: ReturnType<typeof visibleClients>): Promise<Caseload> {
  return { clients: await query.select(QUEUE_COLUMNS).execute(), ids: query.select("clients.id") };
}

/** The clients in the actor's scope assigned to a consultant, or to any consultant when `consultantId` is null. */
export function visibleCaseload(db: Kysely<Database>, actor: Actor, consultantId: string | null): Promise<Caseload> {
  const query = visibleClients(db, actor);
  return caseloadFrom(
    consultantId === null ? query.where("consultant_id", "is not", null) : query.where("consultant_id", "=", consultantId),
  );
}

/** A consultant's whole caseload, whoever asks. */
export function caseloadOf(db: Kysely<Database>, consultantId: string): Promise<Caseload> {
  return caseloadFrom(db.selectFrom("clients").where("consultant_id", "=", consultantId));
}

/** Assigns a client to a consultant. */
export async function assignConsultant(db: Kysely<Database>, clientId: string, consultantId: string, now: string): Promise<void> {
  await db.updateTable("clients").set({ consultant_id: consultantId, updated_at: now }).where("id", "=", clientId).execute();
}

/** The clients' moves to another district on or after a date, with the consultant they had then. */
export function movesSince(db: Kysely<Database>, clientIds: ClientIdQuery, since: string) {
  return db
    .selectFrom("client_moves")
    .select(["client_id", "moved_on", "from_consultant_id"])
    .where("client_id", "in", clientIds)
    .where("moved_on", ">=", since)
    .orderBy("moved_on")
    .execute();
}

/**
 * A consultant's own caseload, and the clients who moved into their districts on or after a date and are still with
 * the consultant they had before the move (or with none): the new district's consultants see them on their work queue
 * until someone takes them over.
 */
export function consultantCaseload(db: Kysely<Database>, actor: Actor, since: string): Promise<Caseload> {
  const own = visibleClients(db, actor).where("consultant_id", "=", actor.id).select("clients.id");
  if (actor.districts.length === 0) return caseloadFrom(db.selectFrom("clients").where("clients.id", "in", own));
  const movedIn = db
    .selectFrom("clients")
    .innerJoin("client_moves", "client_moves.client_id", "clients.id")
    .select("clients.id")
    .where("client_moves.to_district", "in", actor.districts)
    .where("clients.district", "in", actor.districts)
    .where("client_moves.moved_on", ">=", since)
    .where((eb) =>
      eb.or([eb("clients.consultant_id", "is", null), eb("clients.consultant_id", "=", eb.ref("client_moves.from_consultant_id"))]),
    );
  return caseloadFrom(db.selectFrom("clients").where((eb) => eb.or([eb("clients.id", "in", own), eb("clients.id", "in", movedIn)])));
}

/** The clients' sanction proposals whose hearing term ends on or before a date, while the client is not heard yet. */
export function hearingTermsEndingBy(db: Kysely<Database>, clientIds: ClientIdQuery, by: string) {
  return db
    .selectFrom("sanctions")
    .select(["client_id", "hearing_respond_by"])
    .where("client_id", "in", clientIds)
    .where("status", "=", "proposed")
    .where("hearing_record", "is", null)
    .where("hearing_respond_by", "is not", null)
    .where("hearing_respond_by", "<=", by)
    .execute();
}

/** What consultants set aside on the clients' queues: one row per client and reason. */
export function dispositionsOf(db: Kysely<Database>, clientIds: ClientIdQuery) {
  return db
    .selectFrom("work_queue_dispositions")
    .select(["client_id", "reason", "disposition", "signal_since", "snoozed_until"])
    .where("client_id", "in", clientIds)
    .execute();
}

/** What was set aside for one reason of one client, if anything. */
export function dispositionOf(db: Kysely<Database>, clientId: string, reason: string) {
  return db
    .selectFrom("work_queue_dispositions")
    .selectAll()
    .where("client_id", "=", clientId)
    .where("reason", "=", reason)
    .executeTakeFirst();
}

/** Records the latest word on a client's reason: replaces what was set aside for it before. */
export async function saveDisposition(
  db: Kysely<Database>,
  row: WorkQueueDispositionRow,
  previousId: string | undefined,
): Promise<WorkQueueDispositionRow> {
  if (previousId) {
    const { id: _id, ...changes } = row;
    await db.updateTable("work_queue_dispositions").set(changes).where("id", "=", previousId).execute();
    return { ...row, id: previousId };
  }
  await db.insertInto("work_queue_dispositions").values(row).execute();
  return row;
}
