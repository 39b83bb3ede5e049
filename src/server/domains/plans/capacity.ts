import type { Kysely } from "kysely";
import { ACTIVE_STEP_STATUSES } from "@shared/schemas/plans.js";
import type { Database } from "@server/db/schema.js";
import { findConfirmed, findDraft, listStepsOfPlans } from "./plans.repo.js";

/** Placement statuses whose hours count against a client's capacity. */
export const COMMITTED_PLACEMENT_STATUSES = ["proposed", "accepted", "active"];

/** Hours a week of a client's placements that count against capacity, except one placement if given. */
export async function placementHours(db: Kysely<Database>, clientId: string, exceptPlacementId?: string): Promise<number> {
  let query = db.selectFrom("placements").select("hours_per_week").where("client_id", "=", clientId).where("status", "in", COMMITTED_PLACEMENT_STATUSES);
  if (exceptPlacementId) query = query.where("id", "!=", exceptPlacementId);
  return (await query.execute()).reduce((sum, row) => sum + row.hours_per_week, 0);
}

/** Hours a week of the planned and active steps of the plan being worked on (the draft, else the one in force). */
export async function planHours(db: Kysely<Database>, clientId: string): Promise<number> {
  const plan = (await findDraft(db, clientId)) ?? (await findConfirmed(db, clientId));
  if (!plan) return 0;
  const steps = await listStepsOfPlans(db, [plan.id]);
  return steps.filter((s) => (ACTIVE_STEP_STATUSES as readonly string[]).includes(s.status)).reduce((sum, s) => sum + s.hours_per_week, 0);
}

/** Hours a week of the client's active formalised contributions (e.g. volunteer work they already do). */
export async function contributionHours(db: Kysely<Database>, clientId: string): Promise<number> {
  const rows = await db.selectFrom("contributions").select("hours_per_week").where("client_id", "=", clientId).where("status", "=", "active").execute();
  return rows.reduce((sum, row) => sum + row.hours_per_week, 0);
}

/** Hours a week asked of a client outside the plan's steps: placements and formalised contributions. */
export async function hoursBesidesPlan(db: Kysely<Database>, clientId: string, exceptPlacementId?: string): Promise<number> {
  return (await placementHours(db, clientId, exceptPlacementId)) + (await contributionHours(db, clientId));
}

/** Everything asked of a client in hours a week: plan steps, placements and formalised contributions. */
export async function committedHours(db: Kysely<Database>, clientId: string, exceptPlacementId?: string): Promise<number> {
  return (await planHours(db, clientId)) + (await hoursBesidesPlan(db, clientId, exceptPlacementId));
}
