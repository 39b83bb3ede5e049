import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { Database, IntakeRow, IntakesTable } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, invalidField } from "@server/http/errors.js";
import type { IntakeInput } from "@shared/schemas/intakes.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";

/** Records a ladder rung for a client (from an intake or a check-in), keeping the history. */
export async function recordLadderAssessment(
  db: Kysely<Database>,
  ctx: RequestContext,
  entry: { clientId: string; rung: number; growthRung: number | null; assessedOn: string; source: "intake" | "checkIn" },
): Promise<void> {
  await db
    .insertInto("ladder_assessments")
    .values({
      id: randomUUID(),
      client_id: entry.clientId,
      rung: entry.rung,
      growth_rung: entry.growthRung,
      assessed_on: entry.assessedOn,
      assessor_id: ctx.actor.id,
      source: entry.source,
      created_at: nowIso(ctx.clock),
    })
    .execute();
}

/**
 * Records an intake: the eight life domains, history, interests, availability, the capacity assessment (which
 * becomes the client's capacity) and the ladder rung. Health, addiction and debt scores are sensitive.
 */
export async function recordIntake(db: Kysely<Database>, ctx: RequestContext, clientId: string, input: IntakeInput): Promise<IntakeRow> {
  if (input.heldOn > ctx.clock.today()) throw invalidField("heldOn", "dateInFuture", "An intake is recorded after it was held");
  return inTransaction(db, async (trx) => {
    await requireVisibleClient(trx, ctx.actor, clientId);
    if (input.appointmentId) {
      const appointment = await trx
        .selectFrom("appointments")
        .select(["id", "starts_at"])
        .where("id", "=", input.appointmentId)
        .where("client_id", "=", clientId)
        .executeTakeFirst();
      if (!appointment) throw invalidField("appointmentId", "unknownAppointment", "Not an appointment of this client");
      if (Date.parse(appointment.starts_at) > ctx.clock.now().getTime())
        throw conflict("appointmentInFuture", "An intake is linked to an appointment once it has taken place.");
      await trx
        .updateTable("appointments")
        .set({ status: "attended", updated_at: nowIso(ctx.clock) })
        .where("id", "=", input.appointmentId)
        .where("status", "=", "planned")
        .execute();
    }
    const row: IntakesTable = {
      id: randomUUID(),
      client_id: clientId,
      appointment_id: input.appointmentId ?? null,
      consultant_id: ctx.actor.id,
      held_on: input.heldOn,
      income_debts: input.scores.incomeDebts,
      daily_activities: input.scores.dailyActivities,
      housing: input.scores.housing,
      physical_health: input.scores.physicalHealth,
      mental_health: input.scores.mentalHealth,
      addiction: input.scores.addiction,
      social_network: input.scores.socialNetwork,
      language: input.scores.language,
      caring_duties: input.caringDuties ?? null,
      education_history: input.educationHistory ?? null,
      work_history: input.workHistory ?? null,
      interests: JSON.stringify(input.interests),
      skills: JSON.stringify(input.skills),
      availability: JSON.stringify(input.availability),
      travel_radius_km: input.travelRadiusKm,
      capacity_hours_per_week: input.capacityHoursPerWeek,
      ladder_rung: input.ladderRung,
      growth_rung: input.growthRung,
      health_notes: input.healthNotes ?? null,
      notes: input.notes ?? null,
      created_at: nowIso(ctx.clock),
    };
    await trx.insertInto("intakes").values(row).execute();
    await trx
      .updateTable("clients")
      .set({ capacity_hours_per_week: input.capacityHoursPerWeek, updated_at: row.created_at })
      .where("id", "=", clientId)
      .execute();
    await recordLadderAssessment(trx, ctx, {
      clientId,
      rung: input.ladderRung,
      growthRung: input.growthRung,
      assessedOn: input.heldOn,
      source: "intake",
    });
    await recordAudit(trx, ctx, {
      action: "intake.create",
      category: "write",
      clientId,
      subjectType: "intake",
      subjectId: row.id,
      details: { capacityHoursPerWeek: input.capacityHoursPerWeek },
    });
    return row;
  });
}

/** A client's intakes, newest first; reading them is a sensitive read. */
export async function listIntakes(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<IntakeRow[]> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const rows = await db
    .selectFrom("intakes")
    .selectAll()
    .where("client_id", "=", clientId)
    .orderBy("held_on", "desc")
    .orderBy("created_at", "desc")
    .execute();
  await recordAudit(db, ctx, { action: "intake.read", category: "read:sensitive", clientId, subjectType: "client", subjectId: clientId });
  return rows;
}

/** The ladder history of a client, oldest first, with who assessed. */
export async function ladderHistoryOf(db: Kysely<Database>, ctx: RequestContext, clientId: string) {
  await requireVisibleClient(db, ctx.actor, clientId);
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
