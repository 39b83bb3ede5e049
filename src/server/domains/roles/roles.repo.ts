import type { Actor } from "@server/auth/actor.js";
import type { Database, DisplacementChecksTable, DisplacementComplaintsTable, VolunteerRolesTable } from "@server/db/schema.js";
import { holdsWord, searchWords } from "@server/db/search-words.js";
import type { RoleStatus } from "@shared/schemas/roles.js";
import { type Insertable, type Kysely, sql, type Updateable } from "kysely";
import { OPEN_PLACEMENT_STATUSES } from "../vocabulary.js";

/** The roles this actor may see: hosts their own organisation's (without referrals still held from them), staff all. */
export function visibleRoles(db: Kysely<Database>, actor: Actor) {
  const base = db
    .selectFrom("volunteer_roles")
    .innerJoin("organisations", "organisations.id", "volunteer_roles.organisation_id")
    .selectAll("volunteer_roles")
    .select("organisations.name as organisation_name")
    .select((eb) => [
      eb
        .selectFrom("placements")
        .select((p) => p.fn.countAll<number>().as("n"))
        .whereRef("placements.role_id", "=", "volunteer_roles.id")
        .where("placements.status", "in", [...OPEN_PLACEMENT_STATUSES])
        // A host does not count a referral still held for undoing: it has not reached them.
        .$if(actor.role === "host" && actor.scopeTime !== undefined, (q) =>
          q.where((p) => p.or([p("placements.held_until", "is", null), p("placements.held_until", "<=", actor.scopeTime ?? "")])),
        )
        .as("places_taken"),
      eb
        .selectFrom("displacement_complaints")
        .select((c) => c.fn.countAll<number>().as("n"))
        .whereRef("displacement_complaints.role_id", "=", "volunteer_roles.id")
        .where("displacement_complaints.status", "=", "open")
        .as("open_complaints"),
      eb
        .selectFrom("placements")
        .select((p) => p.fn.countAll<number>().as("n"))
        .whereRef("placements.role_id", "=", "volunteer_roles.id")
        .where("placements.status", "=", "ended")
        .where("placements.end_reason", "=", "roleRejected")
        .as("placements_ended_by_rejection"),
    ]);
  if (actor.role === "host") return base.where("volunteer_roles.organisation_id", "=", actor.organisationId ?? "");
  return base;
}

export type RoleWithCounts = Awaited<ReturnType<ReturnType<typeof visibleRoles>["executeTakeFirstOrThrow"]>>;

/** The organisation a role belongs to (it never changes), so its lock can be taken before the role's. */
export async function organisationOfRole(db: Kysely<Database>, roleId: string): Promise<string | undefined> {
  const row = await db.selectFrom("volunteer_roles").select("organisation_id").where("id", "=", roleId).executeTakeFirst();
  return row?.organisation_id;
}

/** One displacement complaint. */
export function findComplaint(db: Kysely<Database>, id: string) {
  return db.selectFrom("displacement_complaints").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The role a complaint is about (it never changes), so the role's lock can be taken before reading the complaint. */
export async function roleOfComplaint(db: Kysely<Database>, id: string): Promise<string | undefined> {
  return (await db.selectFrom("displacement_complaints").select("role_id").where("id", "=", id).executeTakeFirst())?.role_id;
}

export interface RoleFilters {
  organisationId?: string | undefined;
  status?: RoleStatus | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** A page of the roles the actor may see, by title, with the total. */
export async function listVisibleRoles(db: Kysely<Database>, actor: Actor, filters: RoleFilters) {
  let query = visibleRoles(db, actor);
  if (filters.organisationId) query = query.where("volunteer_roles.organisation_id", "=", filters.organisationId);
  if (filters.status) query = query.where("volunteer_roles.status", "=", filters.status);
  const q = filters.q?.toLowerCase();
  if (q) query = query.where((eb) => eb(eb.fn("lower", ["volunteer_roles.title"]), "like", `%${q}%`));
  const { total } = await db
    .selectFrom(query.as("roles"))
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy("volunteer_roles.title")
    .orderBy("volunteer_roles.id")
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

/**
 * The approved roles the actor may see whose title or organisation name holds each of the words (in any order), with
 * their counts and postcode, for the role picker: a few thousand rows at most, which the service measures and pages.
 */
export function approvedRolesMatching(db: Kysely<Database>, actor: Actor, q: string | undefined) {
  let query = visibleRoles(db, actor).where("volunteer_roles.status", "=", "approved");
  for (const word of searchWords(q)) {
    query = query.where((eb) =>
      eb.or([holdsWord(sql`lower(volunteer_roles.title)`, word), holdsWord(sql`lower(organisations.name)`, word)]),
    );
  }
  return query.execute();
}

/** A role's displacement complaints, newest first. */
export async function listComplaints(db: Kysely<Database>, roleId: string) {
  return db.selectFrom("displacement_complaints").selectAll().where("role_id", "=", roleId).orderBy("created_at", "desc").execute();
}

/** One role the actor may see, with its counts. */
export function findVisibleRole(db: Kysely<Database>, actor: Actor, id: string): Promise<RoleWithCounts | undefined> {
  return visibleRoles(db, actor).where("volunteer_roles.id", "=", id).executeTakeFirst();
}

/** What a role asks beyond its hours a week (its longest day, its days, its demands), whoever may see it. */
export function roleWorkOf(db: Kysely<Database>, id: string) {
  return db
    .selectFrom("volunteer_roles")
    .select(["hours_per_week", "longest_day_hours", "days_per_week", "demands"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** An organisation's id and postcode (a role's default postcode), if it exists. */
export function findOrganisationForRole(db: Kysely<Database>, organisationId: string) {
  return db.selectFrom("organisations").select(["id", "postcode"]).where("id", "=", organisationId).executeTakeFirst();
}

/** Whether a role exists, whoever may see it. */
export async function roleExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom("volunteer_roles").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

export async function insertRole(db: Kysely<Database>, row: Insertable<VolunteerRolesTable>): Promise<void> {
  await db.insertInto("volunteer_roles").values(row).execute();
}

export async function updateRole(db: Kysely<Database>, id: string, changes: Updateable<VolunteerRolesTable>): Promise<void> {
  await db.updateTable("volunteer_roles").set(changes).where("id", "=", id).execute();
}

/** One step in a role's displacement history: the questionnaire, a review or an upheld complaint. */
export async function insertDisplacementCheck(db: Kysely<Database>, row: Insertable<DisplacementChecksTable>): Promise<void> {
  await db.insertInto("displacement_checks").values(row).execute();
}

export async function insertComplaint(db: Kysely<Database>, row: Insertable<DisplacementComplaintsTable>): Promise<void> {
  await db.insertInto("displacement_complaints").values(row).execute();
}

export async function updateComplaint(db: Kysely<Database>, id: string, changes: Updateable<DisplacementComplaintsTable>): Promise<void> {
  await db.updateTable("displacement_complaints").set(changes).where("id", "=", id).execute();
}
