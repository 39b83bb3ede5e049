import type { Actor } from "@server/auth/actor.js";
import type { Database, SanctionHearingRow, SanctionHearingsTable, SanctionRow, SanctionsTable } from "@server/db/schema.js";
import { REGULAR_ENDINGS } from "@shared/schemas/placements.js";
import type { Kysely, Updateable } from "kysely";
import { visibleClients } from "../clients/clients.repo.js";

type SanctionChanges = Omit<Updateable<SanctionsTable>, "id" | "client_id">;

/** One sanction by id, whoever's it is; the caller checks the client is in scope. */
/** What a proposed sanction holds of its hearing, decision, reconsideration and end: nothing yet. */
export const NOTHING_DECIDED_YET = {
  hearing_letter_id: null,
  hearing_respond_by: null,
  hearing_held_on: null,
  hearing_channel: null,
  hearing_record: null,
  hearing_recorded_by: null,
  outcome: null,
  decision_reasons: null,
  level: null,
  percentage: null,
  months: null,
  ordinance_version: null,
  decided_by: null,
  decided_at: null,
  decision_letter_id: null,
  reconsider_by: null,
  reconsidered_on: null,
  reconsideration_outcome: null,
  reconsideration_note: null,
  revoked: 0,
  decision_id: null,
  reconsideration_decision_id: null,
  ended_on: null,
  urgent_reasons_lapsed_reasons: null,
  urgent_reasons_lapsed_by: null,
  urgent_reasons_lapsed_at: null,
} as const satisfies Partial<SanctionsTable>;

export function findSanction(db: Kysely<Database>, id: string): Promise<SanctionRow | undefined> {
  return db.selectFrom("sanctions").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A client's sanctions, newest first. */
export function listClientSanctions(db: Kysely<Database>, clientId: string): Promise<SanctionRow[]> {
  return db.selectFrom("sanctions").selectAll().where("client_id", "=", clientId).orderBy("proposed_at", "desc").execute();
}

/** Sanctions of the clients in the actor's scope, optionally with one status, a page at a time, oldest first. */
export async function pageSanctions(db: Kysely<Database>, actor: Actor, status: string | undefined, page: number, pageSize: number) {
  let base = db.selectFrom("sanctions").where("client_id", "in", visibleClients(db, actor).select("clients.id"));
  if (status) base = base.where("status", "=", status);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy("proposed_at")
    .orderBy("id")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(total) };
}

/** A placement of this client, as far as a proposal needs it. */
export function findClientPlacement(db: Kysely<Database>, clientId: string, id: string) {
  return db
    .selectFrom("placements")
    .select(["status", "attributable_to", "ended_on"])
    .where("id", "=", id)
    .where("client_id", "=", clientId)
    .executeTakeFirst();
}

/** The client's most recent early ending (a dropout: not completed as agreed, not for paid work), with its attribution. */
export async function latestEndedPlacement(db: Kysely<Database>, clientId: string) {
  return (
    (await db
      .selectFrom("placements")
      .select(["attributable_to", "ended_on"])
      .where("client_id", "=", clientId)
      .where("status", "=", "ended")
      .where("ended_on", "is not", null)
      .where("end_reason", "not in", REGULAR_ENDINGS)
      .orderBy("ended_on", "desc")
      .limit(1)
      .executeTakeFirst()) ?? null
  );
}

/** How many of the client's intake appointments were missed that an earlier invitation (a lower sequence) invited to. */
export async function countMissedIntakesBefore(db: Kysely<Database>, clientId: string, sequence: number): Promise<number> {
  const rows = await db
    .selectFrom("appointments")
    .innerJoin("invitations", "invitations.appointment_id", "appointments.id")
    .select("appointments.id")
    .where("appointments.client_id", "=", clientId)
    .where("appointments.kind", "=", "intake")
    .where("appointments.status", "=", "missed")
    .where("invitations.sequence", "<", sequence)
    .execute();
  return rows.length;
}

/** A plan of this client, as far as a proposal needs it. */
export function findClientPlan(db: Kysely<Database>, clientId: string, id: string) {
  return db.selectFrom("plans").select(["confirmed_on"]).where("id", "=", id).where("client_id", "=", clientId).executeTakeFirst();
}

/** A step of a plan of this client, with its plan's confirmation. */
export function findClientPlanStep(db: Kysely<Database>, clientId: string, id: string) {
  return db
    .selectFrom("plan_steps")
    .innerJoin("plans", "plans.id", "plan_steps.plan_id")
    .select(["plans.confirmed_on as plan_confirmed_on", "plan_steps.type"])
    .where("plan_steps.id", "=", id)
    .where("plan_steps.client_id", "=", clientId)
    .where("plans.client_id", "=", clientId)
    .executeTakeFirst();
}

/** The facts every earlier sanction of the client named. */
export function sanctionFactsOfClient(db: Kysely<Database>, clientId: string) {
  return db
    .selectFrom("sanctions")
    .select(["ground", "appointment_id", "placement_id", "letter_id", "plan_id", "plan_step_id"])
    .where("client_id", "=", clientId)
    .execute();
}

/** An appointment of this client with the letter that invited to it, if any. */
export function findClientAppointment(db: Kysely<Database>, clientId: string, id: string) {
  return db
    .selectFrom("appointments")
    .leftJoin("invitations", "invitations.appointment_id", "appointments.id")
    .select([
      "appointments.status",
      "appointments.kind",
      "invitations.sequence as invitation_sequence",
      "invitations.letter_id as invitation_letter_id",
    ])
    .where("appointments.id", "=", id)
    .where("appointments.client_id", "=", clientId)
    .executeTakeFirst();
}

/** A letter to this client with its delivery status, and the type of the decision it carries (if it carries one). */
export function findClientLetter(db: Kysely<Database>, clientId: string, id: string) {
  return db
    .selectFrom("letters")
    .leftJoin("decisions", "decisions.letter_id", "letters.id")
    .select(["letters.id", "letters.delivery_status", "decisions.type as decision_type"])
    .where("letters.id", "=", id)
    .where("letters.client_id", "=", clientId)
    .executeTakeFirst();
}

/** The delivery status of letters, by id. */
export async function letterDeliveries(db: Kysely<Database>, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === "string"))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom("letters").select(["id", "delivery_status"]).where("id", "in", wanted).execute();
  return new Map(rows.map((r) => [r.id, r.delivery_status]));
}

/** The letters of decisions, by decision id (a decision without a letter is left out). */
export async function decisionLetterIds(db: Kysely<Database>, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === "string"))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom("decisions").select(["id", "letter_id"]).where("id", "in", wanted).execute();
  return new Map(rows.flatMap((r) => (r.letter_id ? [[r.id, r.letter_id] as const] : [])));
}

/** The date a letter carries. */
export async function letterDateOf(db: Kysely<Database>, id: string): Promise<string> {
  return (await db.selectFrom("letters").select("letter_date").where("id", "=", id).executeTakeFirstOrThrow()).letter_date;
}

/** How many sanctions on this ground were imposed on the client since a date and still stand. */
export async function countImposedSince(db: Kysely<Database>, clientId: string, ground: string, since: string): Promise<number> {
  const rows = await db
    .selectFrom("sanctions")
    .select("id")
    .where("client_id", "=", clientId)
    .where("ground", "=", ground)
    .where("outcome", "in", ["imposed", "imposedLower"])
    .where("revoked", "=", 0)
    .where("facts_date", ">=", since)
    .execute();
  return rows.length;
}

/** The names of clients, by id. */
export async function clientNames(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("clients")
    .select(["id", "given_name", "family_name"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((c) => [c.id, `${c.given_name} ${c.family_name}`]));
}

/** Stores a proposal. */
export async function insertSanction(db: Kysely<Database>, row: SanctionsTable): Promise<void> {
  await db.insertInto("sanctions").values(row).execute();
}

/** Changes a sanction unconditionally (the rules were checked on a state no other step changes). */
export async function updateSanction(db: Kysely<Database>, id: string, changes: SanctionChanges): Promise<void> {
  await db.updateTable("sanctions").set(changes).where("id", "=", id).execute();
}

/** Changes a sanction only while a column still has the value the rules were checked against; answers whether it did. */
export async function updateSanctionWhere(
  db: Kysely<Database>,
  id: string,
  condition: { column: "status" | "hearing_record" | "decision_letter_id" | "reconsidered_on" | "decision_id"; is: string | null },
  changes: SanctionChanges,
): Promise<boolean> {
  const query = db.updateTable("sanctions").set(changes).where("id", "=", id);
  const updated = await (condition.is === null
    ? query.where(condition.column, "is", null)
    : query.where(condition.column, "=", condition.is)
  ).executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Every version of the hearing records of sanctions, oldest first, by sanction id. */
export async function sanctionHearingsOf(db: Kysely<Database>, sanctionIds: readonly string[]): Promise<Map<string, SanctionHearingRow[]>> {
  const map = new Map<string, SanctionHearingRow[]>();
  if (sanctionIds.length === 0) return map;
  const rows = await db
    .selectFrom("sanction_hearings")
    .selectAll()
    .where("sanction_id", "in", [...sanctionIds])
    .orderBy("version")
    .execute();
  for (const row of rows) map.set(row.sanction_id, [...(map.get(row.sanction_id) ?? []), row]);
  return map;
}

/** Stores a version of a sanction's hearing record (the unique (sanction, version) index refuses a lost race). */
export async function insertSanctionHearing(db: Kysely<Database>, row: SanctionHearingsTable): Promise<void> {
  await db.insertInto("sanction_hearings").values(row).execute();
}
