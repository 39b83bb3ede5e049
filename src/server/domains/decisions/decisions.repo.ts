import { randomUUID } from "node:crypto";
import type {
  Database,
  DecisionRow,
  DecisionsTable,
  ObjectionHearingRow,
  ObjectionHearingsTable,
  ObjectionRow,
  ObjectionsTable,
} from "@server/db/schema.js";
import type { Kysely, Updateable } from "kysely";
import type { ClientIdQuery } from "../clients/clients.repo.js";

/** Stores a decision. Decisions are never changed: there is no update here, and a trigger refuses one. */
export async function insertDecision(db: Kysely<Database>, row: DecisionsTable): Promise<void> {
  await db.insertInto("decisions").values(row).execute();
}

/** One decision by id, whoever's it is (a withdrawn one does not exist); the caller checks the client is in scope. */
export function findDecision(db: Kysely<Database>, id: string): Promise<DecisionRow | undefined> {
  return db.selectFrom("decisions").selectAll().where("id", "=", id).where("id", "not in", withdrawnDecisionIds(db)).executeTakeFirst();
}

/** A client's decisions, newest first. */
export function listClientDecisions(db: Kysely<Database>, clientId: string): Promise<DecisionRow[]> {
  return db
    .selectFrom("decisions")
    .selectAll()
    .where("client_id", "=", clientId)
    .where("id", "not in", withdrawnDecisionIds(db))
    .orderBy("decided_on", "desc")
    .orderBy("created_at", "desc")
    .execute();
}

/** A client's decision of one type still in force: the latest that no other decision replaces. */
export function decisionInForce(db: Kysely<Database>, clientId: string, type: DecisionRow["type"]): Promise<DecisionRow | undefined> {
  return db
    .selectFrom("decisions")
    .selectAll()
    .where("client_id", "=", clientId)
    .where("type", "=", type)
    .where("id", "not in", withdrawnDecisionIds(db))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("decisions as later")
            .select("later.id")
            .whereRef("later.replaces_decision_id", "=", "decisions.id")
            .where("later.id", "not in", withdrawnDecisionIds(db)),
        ),
      ),
    )
    .orderBy("decided_on", "desc")
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** The decisions that replace these, by the id of the one replaced. */
export async function replacementsOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("decisions")
    .select(["id", "replaces_decision_id"])
    .where("replaces_decision_id", "in", [...ids])
    .where("id", "not in", withdrawnDecisionIds(db))
    .execute();
  return new Map(rows.map((r) => [r.replaces_decision_id ?? "", r.id]));
}

/** The dates of letters, by id. */
export async function letterDates(db: Kysely<Database>, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === "string"))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom("letters").select(["id", "letter_date"]).where("id", "in", wanted).execute();
  return new Map(rows.map((r) => [r.id, r.letter_date]));
}

/** Stores an objection (one per decision: the unique index refuses a second). */
export async function insertObjection(db: Kysely<Database>, row: ObjectionsTable): Promise<void> {
  await db.insertInto("objections").values(row).execute();
}

/** One objection by id. */
export function findObjection(db: Kysely<Database>, id: string): Promise<ObjectionRow | undefined> {
  return db.selectFrom("objections").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The objections against decisions, by decision id. */
export async function objectionsAgainst(db: Kysely<Database>, decisionIds: readonly string[]): Promise<Map<string, ObjectionRow>> {
  if (decisionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("objections")
    .selectAll()
    .where("decision_id", "in", [...decisionIds])
    .execute();
  return new Map(rows.map((o) => [o.decision_id, o]));
}

type ObjectionChanges = Omit<Updateable<ObjectionsTable>, "id" | "decision_id" | "client_id">;

/**
 * Changes an objection that is still undecided, optionally only while a column still has the value the rules
 * were checked against; answers whether it did.
 */
export async function updateOpenObjection(
  db: Kysely<Database>,
  id: string,
  changes: ObjectionChanges,
  condition?: { column: "postponed" | "decide_by" | "hearing_skip_reason"; is: string | number | null },
): Promise<boolean> {
  let query = db.updateTable("objections").set(changes).where("id", "=", id).where("outcome", "is", null);
  if (condition)
    query = condition.is === null ? query.where(condition.column, "is", null) : query.where(condition.column, "=", condition.is as never);
  const updated = await query.executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/**
 * Takes back a decision on objection: the objection is open again, as before it was decided. Only while the outcome is
 * still this decision; answers whether it did.
 */
export async function reopenObjection(db: Kysely<Database>, id: string, outcomeDecisionId: string): Promise<boolean> {
  const updated = await db
    .updateTable("objections")
    .set({ outcome: null, outcome_on: null, outcome_reasons: null, outcome_decision_id: null, sanction_before_outcome: null })
    .where("id", "=", id)
    .where("outcome_decision_id", "=", outcomeDecisionId)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Every version of the hearing records of objections, oldest first, by objection id. */
export async function hearingsOf(db: Kysely<Database>, objectionIds: readonly string[]): Promise<Map<string, ObjectionHearingRow[]>> {
  const map = new Map<string, ObjectionHearingRow[]>();
  if (objectionIds.length === 0) return map;
  const rows = await db
    .selectFrom("objection_hearings")
    .selectAll()
    .where("objection_id", "in", [...objectionIds])
    .orderBy("version")
    .execute();
  for (const row of rows) map.set(row.objection_id, [...(map.get(row.objection_id) ?? []), row]);
  return map;
}

/** Stores a version of a hearing record (the unique (objection, version) index refuses a lost race). */
export async function insertObjectionHearing(db: Kysely<Database>, row: ObjectionHearingsTable): Promise<void> {
  await db.insertInto("objection_hearings").values(row).execute();
}

/** Open objections of clients whose decision date falls on or before a date, for the work queue. */
export function openObjectionsDueBy(db: Kysely<Database>, clientIds: ClientIdQuery, dueBy: string) {
  return db
    .selectFrom("objections")
    .select(["client_id", "decide_by"])
    .where("client_id", "in", clientIds)
    .where("outcome", "is", null)
    .where("decide_by", "<=", dueBy)
    .execute();
}

/** The decisions about each of these subjects (e.g. `caregiving`, `exemption`), oldest first, by subject id. */
export async function decisionsAbout(
  db: Kysely<Database>,
  subjectType: string,
  subjectIds: readonly string[],
): Promise<Map<string, Pick<DecisionRow, "id" | "type">[]>> {
  const bySubject = new Map<string, Pick<DecisionRow, "id" | "type">[]>();
  if (subjectIds.length === 0) return bySubject;
  const rows = await db
    .selectFrom("decisions")
    .select(["id", "type", "subject_id"])
    .where("subject_type", "=", subjectType)
    .where("subject_id", "in", subjectIds)
    .where("id", "not in", withdrawnDecisionIds(db))
    .orderBy("created_at", "asc")
    .execute();
  for (const { subject_id, ...decision } of rows) bySubject.set(subject_id, [...(bySubject.get(subject_id) ?? []), decision]);
  return bySubject;
}

/** The decisions withdrawn before their letter left the building: kept, never in force, listed nowhere. */
export function withdrawnDecisionIds(db: Kysely<Database>) {
  return db.selectFrom("decision_withdrawals").select("decision_withdrawals.decision_id");
}

/** Marks the decisions that a withdrawn letter announced as withdrawn; the decisions themselves never change. */
export async function withdrawDecisionsOfLetter(db: Kysely<Database>, letterId: string, by: string, at: string): Promise<number> {
  const decisions = await db.selectFrom("decisions").select("id").where("letter_id", "=", letterId).execute();
  if (decisions.length === 0) return 0;
  await db
    .insertInto("decision_withdrawals")
    .values(decisions.map((d) => ({ id: randomUUID(), decision_id: d.id, letter_id: letterId, withdrawn_by: by, withdrawn_at: at })))
    .execute();
  return decisions.length;
}
