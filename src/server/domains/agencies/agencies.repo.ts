import type { Actor } from "@server/auth/actor.js";
import type { AgenciesTable, AgencyAssignmentsTable, AgencyRow, Database } from "@server/db/schema.js";
import type { AssignmentEndReason } from "@shared/schemas/agencies.js";
import type { Insertable, Kysely, Updateable } from "kysely";
import { visibleClients } from "../clients/clients.repo.js";
import { agencyOfActor } from "./agencies.scope.js";

/** The agencies this actor may see: all for admins and team leads, their own for an agency worker, none otherwise. */
export function visibleAgencies(db: Kysely<Database>, actor: Actor) {
  const base = db.selectFrom("agencies");
  switch (actor.role) {
    case "admin":
    case "teamLead":
      return base;
    case "agencyWorker":
      return base.where("agencies.id", "in", agencyOfActor(db, actor).$narrowType<{ agency_id: string }>());
    default:
      return base.where("agencies.id", "=", "");
  }
}

/** One agency in the actor's scope, or undefined (404). */
export function findVisibleAgency(db: Kysely<Database>, actor: Actor, id: string): Promise<AgencyRow | undefined> {
  return visibleAgencies(db, actor).selectAll().where("agencies.id", "=", id).executeTakeFirst();
}

/** A page of the agencies in scope, by name. */
export async function listVisibleAgencies(db: Kysely<Database>, actor: Actor, page: { page: number; pageSize: number }) {
  const query = visibleAgencies(db, actor);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy("name")
      .orderBy("id")
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Stores an agency. */
export async function insertAgency(db: Kysely<Database>, row: AgenciesTable): Promise<void> {
  await db.insertInto("agencies").values(row).execute();
}

/** Changes an agency's registration. */
export async function updateAgency(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<Pick<AgenciesTable, "name" | "kvk_number" | "district" | "updated_at">>,
): Promise<void> {
  await db.updateTable("agencies").set(changes).where("id", "=", id).execute();
}

/** The agency an agency worker works for, with its name; undefined for every other account. */
export function findAgencyOfWorker(db: Kysely<Database>, actor: Actor): Promise<{ id: string; name: string } | undefined> {
  return db
    .selectFrom("agencies")
    .select(["agencies.id", "agencies.name"])
    .where("agencies.id", "in", agencyOfActor(db, actor).$narrowType<{ agency_id: string }>())
    .executeTakeFirst();
}

/** Every assignment of one client, whichever agency: the facts the overlap rule reads. */
export function assignmentsOfClient(db: Kysely<Database>, clientId: string) {
  return db.selectFrom("agency_assignments").select(["id", "start_date", "end_date"]).where("client_id", "=", clientId).execute();
}

/** Stores an assignment. */
export async function insertAssignment(db: Kysely<Database>, row: Insertable<AgencyAssignmentsTable>): Promise<void> {
  await db.insertInto("agency_assignments").values(row).execute();
}

/** Records an assignment's early end: as of `ended_on`, with the period cut to the day before. */
export async function endAssignment(
  db: Kysely<Database>,
  id: string,
  changes: {
    end_date: string;
    planned_end_date: string;
    ended_on: string;
    end_reason: AssignmentEndReason;
    end_note: string | null;
    ended_by: string;
    ended_at: string;
  },
): Promise<void> {
  await db.updateTable("agency_assignments").set(changes).where("id", "=", id).execute();
}

/** Assignments of clients the actor may see, with the agency's, the client's and the team leads' names. */
function visibleAssignments(db: Kysely<Database>, actor: Actor) {
  return db
    .selectFrom("agency_assignments")
    .innerJoin("agencies", "agencies.id", "agency_assignments.agency_id")
    .innerJoin("clients", "clients.id", "agency_assignments.client_id")
    .leftJoin("users as assigner", "assigner.id", "agency_assignments.assigned_by")
    .leftJoin("users as ender", "ender.id", "agency_assignments.ended_by")
    .where("agency_assignments.client_id", "in", visibleClients(db, actor).select("clients.id"));
}

const ASSIGNMENT_COLUMNS = [
  "agency_assignments.id",
  "agency_assignments.agency_id",
  "agency_assignments.client_id",
  "agency_assignments.start_date",
  "agency_assignments.end_date",
  "agency_assignments.intake_within_days",
  "agency_assignments.placement_within_days",
  "agency_assignments.placement_min_weeks",
  "agency_assignments.created_at",
  "agency_assignments.planned_end_date",
  "agency_assignments.ended_on",
  "agency_assignments.end_reason",
  "agency_assignments.end_note",
  "assigner.display_name as assigned_by_name",
  "ender.display_name as ended_by_name",
  "agencies.name as agency_name",
  "clients.given_name",
  "clients.family_name",
] as const;

/** A page of one agency's assignments of clients in the actor's scope, newest first. */
export async function listAgencyAssignments(
  db: Kysely<Database>,
  actor: Actor,
  agencyId: string,
  page: { page: number; pageSize: number },
) {
  const query = visibleAssignments(db, actor).where("agency_assignments.agency_id", "=", agencyId);
  const [rows, count] = await Promise.all([
    query
      .select(ASSIGNMENT_COLUMNS)
      .orderBy("agency_assignments.start_date", "desc")
      .orderBy("agency_assignments.id")
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
export type AssignmentWithNames = Awaited<ReturnType<typeof listAgencyAssignments>>["rows"][number];

/** One assignment with its names, in the actor's scope. */
export function findVisibleAssignment(db: Kysely<Database>, actor: Actor, id: string): Promise<AssignmentWithNames | undefined> {
  return visibleAssignments(db, actor).select(ASSIGNMENT_COLUMNS).where("agency_assignments.id", "=", id).executeTakeFirst();
}

/**
 * What the results are computed from, for every assignment of a client in the actor's scope that started by `today`:
 * the assignments, and the intakes, placements and check-ins of their clients.
 */
export async function resultFacts(db: Kysely<Database>, actor: Actor, today: string) {
  const assignments = await visibleAssignments(db, actor)
    .select([
      "agency_assignments.agency_id",
      "agencies.name as agency_name",
      "agency_assignments.client_id",
      "agency_assignments.start_date",
      "agency_assignments.end_date",
      "agency_assignments.intake_within_days",
      "agency_assignments.placement_within_days",
      "agency_assignments.placement_min_weeks",
    ])
    .where("agency_assignments.start_date", "<=", today)
    .execute();
  const clientIds = db
    .selectFrom("agency_assignments")
    .select("agency_assignments.client_id")
    .where("agency_assignments.client_id", "in", visibleClients(db, actor).select("clients.id"));
  const [intakes, placements, checkIns, agencies] = await Promise.all([
    db.selectFrom("intakes").select(["client_id", "held_on"]).where("client_id", "in", clientIds).execute(),
    db
      .selectFrom("placements")
      .select(["client_id", "started_on", "ended_on", "attributable_to"])
      .where("client_id", "in", clientIds)
      .where("started_on", "is not", null)
      .execute(),
    db.selectFrom("check_ins").select(["client_id", "held_on", "who5_raw"]).where("client_id", "in", clientIds).execute(),
    db.selectFrom("agencies").select(["id", "name"]).orderBy("name").orderBy("id").execute(),
  ]);
  return { assignments, intakes, placements, checkIns, agencies };
}
