import type { BenefitEndStopsTable, Database } from "@server/db/schema.js";
import type { PlacementStatus } from "@shared/schemas/placements.js";
import { ACTIVE_STEP_STATUSES, type PlanStepStatus } from "@shared/schemas/plans.js";
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
    .select(["plan_steps.id", "plan_steps.title", "plan_steps.status", "plans.status as plan_status"])
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

/** Records what a benefit's end stopped, with the status each had, so that the end can be undone. */
export async function insertStops(db: Kysely<Database>, rows: readonly BenefitEndStopsTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("benefit_end_stops")
    .values([...rows])
    .execute();
}

/** The letter of the client's benefit end that may still be undone: the latest one with stops, not withdrawn. */
export async function undoableEndLetterOf(db: Kysely<Database>, clientId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("benefit_end_stops")
    .innerJoin("letters", "letters.id", "benefit_end_stops.letter_id")
    .select("letters.id")
    .where("benefit_end_stops.client_id", "=", clientId)
    .where("letters.withdrawn_at", "is", null)
    .orderBy("letters.created_at", "desc")
    .executeTakeFirst();
  return row?.id;
}

/** What the end told by this letter stopped, each with the status it had and how it stands now. */
export async function stopsOfLetter(db: Kysely<Database>, letterId: string) {
  const stops = await db.selectFrom("benefit_end_stops").selectAll().where("letter_id", "=", letterId).orderBy("subject_id").execute();
  const ids = (type: BenefitEndStopsTable["subject_type"]) => stops.filter((s) => s.subject_type === type).map((s) => s.subject_id);
  const placements = ids("placement");
  const steps = ids("planStep");
  const placementsNow =
    placements.length === 0
      ? []
      : await db.selectFrom("placements").select(["id", "status", "updated_at", "role_id"]).where("id", "in", placements).execute();
  const stepsNow =
    steps.length === 0 ? [] : await db.selectFrom("plan_steps").select(["id", "status", "updated_at"]).where("id", "in", steps).execute();
  const now = new Map([...placementsNow, ...stepsNow].map((row) => [row.id, row]));
  return stops.map((stop) => ({
    ...stop,
    now: now.get(stop.subject_id),
    roleId: placementsNow.find((p) => p.id === stop.subject_id)?.role_id,
  }));
}

/** Puts a placement the benefit's end ended back as it was: open again, in its status, without the ending. */
export async function reopenPlacement(db: Kysely<Database>, id: string, status: PlacementStatus, now: string): Promise<void> {
  await db
    .updateTable("placements")
    .set({
      status,
      ended_on: null,
      end_reason: null,
      end_note: null,
      attributable_to: null,
      attribution_reasons: null,
      attribution_determined_by: null,
      attribution_determined_on: null,
      updated_at: now,
    })
    .where("id", "=", id)
    .execute();
}

/** Puts a plan step the benefit's end stopped back in its status (planned or running). */
export async function restartStep(db: Kysely<Database>, id: string, status: PlanStepStatus, now: string): Promise<void> {
  await db.updateTable("plan_steps").set({ status, stop_reason: null, updated_at: now }).where("id", "=", id).execute();
}

/** Forgets what an undone benefit's end stopped. */
export async function deleteStopsOfLetter(db: Kysely<Database>, letterId: string): Promise<void> {
  await db.deleteFrom("benefit_end_stops").where("letter_id", "=", letterId).execute();
}
