import { jsonStringList, parseJsonColumn } from "@server/db/json.js";
import type { IntakeRow } from "@server/db/schema.js";
import type { intakeOutput } from "@shared/schemas/intakes.js";
import type { z } from "zod";
import { functionalLimitsOf } from "../plans/capacity.js";

/** Every outgoing field of an intake; only staff roles reach this presenter (see the policy). */
export function presentIntake(row: IntakeRow): z.infer<typeof intakeOutput> {
  return {
    id: row.id,
    clientId: row.client_id,
    consultantId: row.consultant_id,
    heldOn: row.held_on,
    appointmentId: row.appointment_id,
    scores: {
      incomeDebts: row.income_debts,
      dailyActivities: row.daily_activities,
      housing: row.housing,
      physicalHealth: row.physical_health,
      mentalHealth: row.mental_health,
      addiction: row.addiction,
      socialNetwork: row.social_network,
      language: row.language,
    },
    caringDuties: row.caring_duties,
    educationHistory: row.education_history,
    workHistory: row.work_history,
    interests: parseJsonColumn(jsonStringList, row.interests),
    skills: parseJsonColumn(jsonStringList, row.skills),
    availability: parseJsonColumn(jsonStringList, row.availability),
    travelRadiusKm: row.travel_radius_km,
    capacityHoursPerWeek: row.capacity_hours_per_week,
    capacityHoursPerDay: row.capacity_hours_per_day ?? null,
    capacityDaysPerWeek: row.capacity_days_per_week ?? null,
    functionalLimits: functionalLimitsOf(row.functional_limits ?? "[]"),
    guidanceNeed: row.guidance_need ?? "regular",
    wishes: parseJsonColumn(jsonStringList, row.wishes ?? "[]"),
    ladderRung: row.ladder_rung,
    growthRung: row.growth_rung,
    healthNotes: row.health_notes,
    notes: row.notes,
    createdAt: row.created_at,
  };
}
