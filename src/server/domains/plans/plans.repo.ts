import type { Database, PlanRow, PlanStepRow, PlanStepsTable } from "@server/db/schema.js";
import type { Kysely } from "kysely";

/** All plan versions of a client, newest first. */
export function listPlansOfClient(db: Kysely<Database>, clientId: string): Promise<PlanRow[]> {
  return db.selectFrom("plans").selectAll().where("client_id", "=", clientId).orderBy("version", "desc").execute();
}

/** The steps of the given plans, in order. */
export function listStepsOfPlans(db: Kysely<Database>, planIds: string[]): Promise<PlanStepRow[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("plan_steps").selectAll().where("plan_id", "in", planIds).orderBy("position").execute();
}

export function findPlan(db: Kysely<Database>, id: string): Promise<PlanRow | undefined> {
  return db.selectFrom("plans").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findStep(db: Kysely<Database>, id: string): Promise<PlanStepRow | undefined> {
  return db.selectFrom("plan_steps").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The client's draft plan, if one is open. */
export function findDraft(db: Kysely<Database>, clientId: string): Promise<PlanRow | undefined> {
  return db.selectFrom("plans").selectAll().where("client_id", "=", clientId).where("status", "=", "draft").executeTakeFirst();
}

/** The plan that is in force: the latest confirmed version. */
export function findConfirmed(db: Kysely<Database>, clientId: string): Promise<PlanRow | undefined> {
  return db.selectFrom("plans").selectAll().where("client_id", "=", clientId).where("status", "=", "confirmed").executeTakeFirst();
}

export async function insertPlan(db: Kysely<Database>, plan: PlanRow): Promise<void> {
  await db.insertInto("plans").values(plan).execute();
}

export async function insertSteps(db: Kysely<Database>, steps: PlanStepsTable[]): Promise<void> {
  if (steps.length === 0) return;
  await db.insertInto("plan_steps").values(steps).execute();
}

export async function updateStep(db: Kysely<Database>, id: string, columns: Omit<PlanStepRow, "id">): Promise<void> {
  await db.updateTable("plan_steps").set(columns).where("id", "=", id).execute();
}

/** Marks the client's plan in force as superseded. */
export async function supersedeConfirmed(db: Kysely<Database>, clientId: string): Promise<void> {
  await db.updateTable("plans").set({ status: "superseded" }).where("client_id", "=", clientId).where("status", "=", "confirmed").execute();
}

/** Makes a draft the plan in force. */
export async function markConfirmed(
  db: Kysely<Database>,
  id: string,
  confirmation: Pick<PlanRow, "confirmed_on" | "confirmed_by" | "letter_id" | "reporting_frequency_weeks">,
): Promise<void> {
  await db
    .updateTable("plans")
    .set({ status: "confirmed", ...confirmation })
    .where("id", "=", id)
    .execute();
}

/** Takes a confirmed plan back to draft: its confirmation, date and letter are no longer its own. */
export async function reopenAsDraft(db: Kysely<Database>, planId: string): Promise<void> {
  await db
    .updateTable("plans")
    .set({ status: "draft", confirmed_on: null, confirmed_by: null, letter_id: null })
    .where("id", "=", planId)
    .execute();
}

/** Puts the version a confirmation superseded back in force: the client's latest superseded version before it. */
export async function restorePreviousConfirmed(db: Kysely<Database>, clientId: string, beforeVersion: number): Promise<void> {
  const previous = await db
    .selectFrom("plans")
    .select("id")
    .where("client_id", "=", clientId)
    .where("status", "=", "superseded")
    .where("version", "<", beforeVersion)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  if (previous) await db.updateTable("plans").set({ status: "confirmed" }).where("id", "=", previous.id).execute();
}
