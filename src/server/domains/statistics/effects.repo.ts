import type { Actor } from "@server/auth/actor.js";
import type { Database } from "@server/db/schema.js";
import type { PlanStepType } from "@shared/schemas/plans.js";
import type { Kysely } from "kysely";
import { visibleClients } from "../clients/clients.repo.js";

/** The clients the figures are about: consultants and team leads their districts', researchers and admins all; one district when asked. */
function scopedClientIds(db: Kysely<Database>, actor: Actor, district: string | undefined) {
  const scoped = actor.role === "consultant" || actor.role === "teamLead" ? visibleClients(db, actor) : db.selectFrom("clients");
  return (district === undefined ? scoped : scoped.where("clients.district", "=", district)).select("clients.id");
}

/** The first start of a placement of each client in scope that ever started one. */
export function firstPlacementStarts(db: Kysely<Database>, actor: Actor, district: string | undefined) {
  return db
    .selectFrom("placements")
    .select(["client_id", (eb) => eb.fn.min<string>("started_on").as("started_on")])
    .where("started_on", "is not", null)
    .where("client_id", "in", scopedClientIds(db, actor, district))
    .groupBy("client_id")
    .execute();
}

/**
 * The first start of each step type of each client in scope: steps of a plan that was confirmed (now or before a
 * later version), starting on or before today. Later plan versions copy their steps, so the earliest start counts.
 */
export function firstPlanStepStarts(
  db: Kysely<Database>,
  actor: Actor,
  options: { district: string | undefined; types: readonly PlanStepType[]; today: string },
) {
  return db
    .selectFrom("plan_steps")
    .innerJoin("plans", "plans.id", "plan_steps.plan_id")
    .select(["plan_steps.client_id", "plan_steps.type", (eb) => eb.fn.min<string>("plan_steps.start_date").as("start_date")])
    .where("plans.status", "in", ["confirmed", "superseded"])
    .where("plan_steps.type", "in", [...options.types])
    .where("plan_steps.start_date", "<=", options.today)
    .where("plan_steps.client_id", "in", scopedClientIds(db, actor, options.district))
    .groupBy(["plan_steps.client_id", "plan_steps.type"])
    .execute();
}

/** Every participation-ladder rung assessed of the clients in scope (intake and check-ins), by client and date. */
export function ladderObservations(db: Kysely<Database>, actor: Actor, district: string | undefined) {
  return db
    .selectFrom("ladder_assessments")
    .select(["client_id", "assessed_on as on", "rung as value"])
    .where("client_id", "in", scopedClientIds(db, actor, district))
    .orderBy("client_id")
    .orderBy("assessed_on")
    .execute();
}

/** Every WHO-5 raw score (0–25) of the clients in scope from their check-ins, by client and date. */
export function wellbeingObservations(db: Kysely<Database>, actor: Actor, district: string | undefined) {
  return db
    .selectFrom("check_ins")
    .select(["client_id", "held_on as on", "who5_raw as value"])
    .where("client_id", "in", scopedClientIds(db, actor, district))
    .orderBy("client_id")
    .orderBy("held_on")
    .execute();
}
