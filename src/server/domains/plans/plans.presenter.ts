import type { Actor } from "@server/auth/actor.js";
import type { PlanRow, PlanStepRow } from "@server/db/schema.js";
import type { PlanOutput } from "@shared/schemas/plans.js";
import { functionalLimitsOf } from "./capacity.js";
import { planAbilities } from "./plans.policy.js";
import { countsAgainstCapacity } from "./plans.rules.js";

/** What a plan is read against: the client's capacity today and the ordinance's weekly norm and maximum duration. */
export interface PlanFrame {
  capacityHoursPerWeek: number | null;
  weeklyNormHours: number;
  maxDurationMonths: number;
}

/** A plan version with its steps, the hours it asks and the capacity and norm beside them. */
export function presentPlan(actor: Actor, frame: PlanFrame, plan: PlanRow, steps: PlanStepRow[], confirmationUndoable = false): PlanOutput {
  return {
    id: plan.id,
    clientId: plan.client_id,
    version: plan.version,
    status: plan.status,
    reportingFrequencyWeeks: plan.reporting_frequency_weeks,
    confirmedOn: plan.confirmed_on,
    letterId: plan.letter_id,
    steps: steps.map((s) => ({
      id: s.id,
      position: s.position,
      type: s.type,
      title: s.title,
      goal: s.goal,
      hoursPerWeek: s.hours_per_week,
      startDate: s.start_date,
      endDate: s.end_date,
      provider: s.provider,
      hoursPerDay: s.hours_per_day ?? null,
      daysPerWeek: s.days_per_week ?? null,
      demands: functionalLimitsOf(s.demands ?? "[]"),
      status: s.status,
      stopReason: s.stop_reason,
    })),
    activeHoursPerWeek: steps.filter(countsAgainstCapacity).reduce((sum, s) => sum + s.hours_per_week, 0),
    capacityHoursPerWeek: frame.capacityHoursPerWeek,
    weeklyNormHours: frame.weeklyNormHours,
    maxDurationMonths: frame.maxDurationMonths,
    createdAt: plan.created_at,
    abilities: planAbilities(actor, plan, steps, frame, confirmationUndoable),
  };
}
