import type { Database, IntakeRow, IntakesTable, LadderAssessmentsTable } from "@server/db/schema.js";
import type { Insertable, Kysely } from "kysely";

export async function insertLadderAssessment(db: Kysely<Database>, row: Insertable<LadderAssessmentsTable>): Promise<void> {
  await db.insertInto("ladder_assessments").values(row).execute();
}

/** An appointment of the client, if it is one of theirs. */
export function findAppointmentOfClient(db: Kysely<Database>, clientId: string, appointmentId: string) {
  return db
    .selectFrom("appointments")
    .select(["id", "starts_at"])
    .where("id", "=", appointmentId)
    .where("client_id", "=", clientId)
    .executeTakeFirst();
}

/** A client's appointments as the intake rule reads them. */
export function appointmentsOfClient(db: Kysely<Database>, clientId: string) {
  return db.selectFrom("appointments").select(["id", "kind", "status", "starts_at"]).where("client_id", "=", clientId).execute();
}

/**
 * Marks a planned appointment attended (one with another status stays as it is); whether it changed, so that a
 * recording made at the same moment through the agenda is not audited twice.
 */
export async function markAttendedIfPlanned(db: Kysely<Database>, appointmentId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable("appointments")
    .set({ status: "attended", updated_at: now })
    .where("id", "=", appointmentId)
    .where("status", "=", "planned")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertIntake(db: Kysely<Database>, row: IntakesTable): Promise<void> {
  await db.insertInto("intakes").values(row).execute();
}

/** Sets the client's capacity, as assessed. */
export async function setClientCapacity(
  db: Kysely<Database>,
  clientId: string,
  intake: Pick<
    IntakesTable,
    "capacity_hours_per_week" | "capacity_hours_per_day" | "capacity_days_per_week" | "functional_limits" | "guidance_need"
  >,
  now: string,
): Promise<void> {
  await db
    .updateTable("clients")
    .set({
      capacity_hours_per_week: intake.capacity_hours_per_week,
      capacity_hours_per_day: intake.capacity_hours_per_day ?? null,
      capacity_days_per_week: intake.capacity_days_per_week ?? null,
      functional_limits: intake.functional_limits ?? "[]",
      guidance_need: intake.guidance_need ?? "regular",
      updated_at: now,
    })
    .where("id", "=", clientId)
    .execute();
}

/** A client's intakes, newest first. */
export function listIntakesOfClient(db: Kysely<Database>, clientId: string): Promise<IntakeRow[]> {
  return db
    .selectFrom("intakes")
    .selectAll()
    .where("client_id", "=", clientId)
    .orderBy("held_on", "desc")
    .orderBy("created_at", "desc")
    .execute();
}

/** A client's ladder assessments, oldest first, with the assessor's name. */
export function ladderAssessmentsOf(db: Kysely<Database>, clientId: string) {
  return db
    .selectFrom("ladder_assessments")
    .leftJoin("users", "users.id", "ladder_assessments.assessor_id")
    .select([
      "ladder_assessments.id",
      "ladder_assessments.rung",
      "ladder_assessments.growth_rung",
      "ladder_assessments.assessed_on",
      "ladder_assessments.assessor_id",
      "ladder_assessments.source",
      "users.display_name",
    ])
    .where("ladder_assessments.client_id", "=", clientId)
    .orderBy("ladder_assessments.assessed_on")
    .orderBy("ladder_assessments.created_at")
    .execute();
}
