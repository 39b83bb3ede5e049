import type { Kysely } from "kysely";
import { todayInAmsterdam } from "@shared/dates.js";
import { ACTIVE_STEP_STATUSES } from "@shared/schemas/plans.js";
import type { ClientRow, Database } from "@server/db/schema.js";
import { conflict } from "@server/http/errors.js";
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

/** Hours a week of active caregiving beyond customary care: the client's contribution, so it fills capacity. */
export async function caregivingHours(db: Kysely<Database>, clientId: string): Promise<number> {
  const rows = await db
    .selectFrom("caregiving")
    .select("hours_per_week")
    .where("client_id", "=", clientId)
    .where("status", "=", "active")
    .where("beyond_customary_care", "=", 1)
    .execute();
  return rows.reduce((sum, row) => sum + row.hours_per_week, 0);
}

/** Hours a week asked of a client outside the plan's steps: placements, formalised contributions and caregiving. */
export async function hoursBesidesPlan(db: Kysely<Database>, clientId: string, exceptPlacementId?: string): Promise<number> {
  return (await placementHours(db, clientId, exceptPlacementId)) + (await contributionHours(db, clientId)) + (await caregivingHours(db, clientId));
}

/** Everything asked of a client in hours a week: plan steps, placements, formalised contributions and caregiving. */
export async function committedHours(db: Kysely<Database>, clientId: string, exceptPlacementId?: string): Promise<number> {
  return (await planHours(db, clientId)) + (await hoursBesidesPlan(db, clientId, exceptPlacementId));
}

/** Exemptions that bind on a date: decided (and co-signed where needed) and within their dates. */
export function exemptionsInForce(db: Kysely<Database>, date = todayInAmsterdam()) {
  return db
    .selectFrom("exemptions")
    .where("exemptions.status", "=", "active")
    .where("exemptions.start_date", "<=", date)
    .where((eb) => eb.or([eb("exemptions.end_date", "is", null), eb("exemptions.end_date", ">=", date)]));
}

export interface Capacity {
  /** What may be asked in all, in hours a week; null until assessed (and no full exemption). */
  hoursPerWeek: number | null;
  /** The consultant's assessment at the intake. */
  assessedHoursPerWeek: number | null;
  /** The exemption that lowers it, if any. */
  exemption: { id: string; scope: string; maxHoursPerWeek: number | null } | null;
}

/**
 * What a client can be asked: the consultant's assessment, lowered by an exemption in force. A full exemption
 * makes it nothing; a partial one caps it at its maximum hours (e.g. an occupational physician's advice).
 */
export async function capacityOf(db: Kysely<Database>, client: ClientRow): Promise<Capacity> {
  const exemptions = await exemptionsInForce(db).select(["id", "scope", "max_hours_per_week"]).where("client_id", "=", client.id).execute();
  const assessed = client.capacity_hours_per_week;
  const limit = (e: (typeof exemptions)[number]) => (e.scope === "full" ? 0 : (e.max_hours_per_week ?? 0));
  const binding = exemptions.sort((a, b) => limit(a) - limit(b))[0];
  if (!binding || (assessed !== null && assessed <= limit(binding))) return { hoursPerWeek: assessed, assessedHoursPerWeek: assessed, exemption: null };
  const exemption = { id: binding.id, scope: binding.scope, maxHoursPerWeek: binding.max_hours_per_week };
  // A partial exemption without an assessment still leaves the assessment to be made.
  return { hoursPerWeek: assessed === null && binding.scope !== "full" ? null : limit(binding), assessedHoursPerWeek: assessed, exemption };
}

/** Capacity first: everything asked of a client together never exceeds what they can do. */
export async function assertWithinCapacity(db: Kysely<Database>, client: ClientRow, activeHours: number): Promise<void> {
  const capacity = await capacityOf(db, client);
  if (capacity.hoursPerWeek === null) {
    throw conflict("capacityNotAssessed", "Assess the client's capacity (at the intake) before planning hours.");
  }
  if (activeHours > capacity.hoursPerWeek + 1e-9) {
    const because = capacity.exemption ? ` because of an exemption (${capacity.exemption.scope})` : "";
    throw conflict("capacityExceeded", `This asks ${activeHours} hours a week in all; the client can do ${capacity.hoursPerWeek}${because}.`, [
      { name: "hoursPerWeek", code: "capacityExceeded", reason: `The client can do ${capacity.hoursPerWeek} hours a week in all${because}` },
    ]);
  }
}
