import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { Database, IntakeRow } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, invalidField } from "@server/http/errors.js";
import type { IntakeInput } from "@shared/schemas/intakes.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import * as repo from "./intakes.repo.js";
import { appointmentClosedByIntake } from "./intakes.rules.js";

/** Records a ladder rung for a client (from an intake or a check-in), keeping the history. */
export async function recordLadderAssessment(
  db: Kysely<Database>,
  ctx: RequestContext,
  entry: { clientId: string; rung: number; growthRung: number | null; assessedOn: string; source: "intake" | "checkIn" },
): Promise<void> {
  await repo.insertLadderAssessment(db, {
    id: randomUUID(),
    client_id: entry.clientId,
    rung: entry.rung,
    growth_rung: entry.growthRung,
    assessed_on: entry.assessedOn,
    assessor_id: ctx.actor.id,
    source: entry.source,
    created_at: nowIso(ctx.clock),
  });
}

/**
 * Records an intake: the eight life domains, history, interests, wishes, availability, the capacity assessment (hours
 * a week and a day, days a week and functional limits, which become the client's capacity), the guidance the client
 * needs and the ladder rung. Health, addiction and debt scores are sensitive.
 */
export async function recordIntake(db: Kysely<Database>, ctx: RequestContext, clientId: string, input: IntakeInput): Promise<IntakeRow> {
  if (input.heldOn > ctx.clock.today()) throw invalidField("heldOn", "dateInFuture", "An intake is recorded after it was held");
  return inTransaction(db, async (trx) => {
    // The intake sets the client's capacity: a referral or step checked against it meanwhile waits here.
    await lockClient(trx, clientId);
    await requireVisibleClient(trx, ctx.actor, clientId);
    if (input.appointmentId) {
      const appointment = await repo.findAppointmentOfClient(trx, clientId, input.appointmentId);
      if (!appointment) throw invalidField("appointmentId", "unknownAppointment", "Not an appointment of this client");
      if (Date.parse(appointment.starts_at) > ctx.clock.now().getTime())
        throw conflict("appointmentInFuture", "An intake is linked to an appointment once it has taken place.");
    }
    const attended = appointmentClosedByIntake(
      await repo.appointmentsOfClient(trx, clientId),
      { heldOn: input.heldOn, appointmentId: input.appointmentId ?? null },
      ctx.clock.now(),
    );
    if (attended && (await repo.markAttendedIfPlanned(trx, attended, nowIso(ctx.clock)))) {
      await recordAudit(trx, ctx, {
        action: "appointment.attended",
        category: "write",
        clientId,
        subjectType: "appointment",
        subjectId: attended,
      });
    }
    const row: IntakeRow = {
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
      capacity_hours_per_day: input.capacityHoursPerDay ?? null,
      capacity_days_per_week: input.capacityDaysPerWeek ?? null,
      functional_limits: JSON.stringify(input.functionalLimits),
      guidance_need: input.guidanceNeed,
      wishes: JSON.stringify(input.wishes),
      ladder_rung: input.ladderRung,
      growth_rung: input.growthRung,
      health_notes: input.healthNotes ?? null,
      notes: input.notes ?? null,
      created_at: nowIso(ctx.clock),
    };
    await repo.insertIntake(trx, row);
    await repo.setClientCapacity(trx, clientId, row, row.created_at);
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
      details: { capacityHoursPerWeek: input.capacityHoursPerWeek, guidanceNeed: input.guidanceNeed },
    });
    return row;
  });
}

/** A client's intakes, newest first; reading them is a sensitive read. */
export async function listIntakes(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<IntakeRow[]> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const rows = await repo.listIntakesOfClient(db, clientId);
  await recordAudit(db, ctx, { action: "intake.read", category: "read:sensitive", clientId, subjectType: "client", subjectId: clientId });
  return rows;
}

/** The ladder history of a client, oldest first, with who assessed. */
export async function ladderHistoryOf(db: Kysely<Database>, ctx: RequestContext, clientId: string) {
  await requireVisibleClient(db, ctx.actor, clientId);
  return repo.ladderAssessmentsOf(db, clientId);
}
