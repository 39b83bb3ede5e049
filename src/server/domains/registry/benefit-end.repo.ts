import type { Database } from "@server/db/schema.js";
import { ACTIVE_STEP_STATUSES } from "@shared/schemas/plans.js";
import type { Kysely } from "kysely";
import { OPEN_PLACEMENT_STATUSES } from "../vocabulary.js";

/** A client's open placements (referred, accepted or running), with the role's title and the organisation's name. */
export function openPlacementsOfClient(db: Kysely<Database>, clientId: string) {
  return db
    .selectFrom("placements")
    .innerJoin("volunteer_roles", "volunteer_roles.id", "placements.role_id")
    .innerJoin("organisations", "organisations.id", "placements.organisation_id")
    .select(["placements.id", "placements.status", "volunteer_roles.title as role_title", "organisations.name as organisation_name"])
    .where("placements.client_id", "=", clientId)
    .where("placements.status", "in", [...OPEN_PLACEMENT_STATUSES])
    .orderBy("placements.id")
    .execute();
}

/** The planned and running steps of a client's plan in force and of its draft: what ends with the benefit. */
export function openStepsOfClient(db: Kysely<Database>, clientId: string) {
  return db
    .selectFrom("plan_steps")
    .innerJoin("plans", "plans.id", "plan_steps.plan_id")
    .select(["plan_steps.id", "plan_steps.title", "plans.status as plan_status"])
    .where("plan_steps.client_id", "=", clientId)
    .where("plans.status", "in", ["draft", "confirmed"])
    .where("plan_steps.status", "in", [...ACTIVE_STEP_STATUSES])
    .orderBy("plan_steps.position")
    .execute();
}

/** Stops plan steps, with the reason. */
export async function stopSteps(db: Kysely<Database>, ids: readonly string[], reason: string, now: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("plan_steps").set({ status: "stopped", stop_reason: reason, updated_at: now }).where("id", "in", ids).execute();
}
