import type { ClientRow, Database, PlanRow, PlanStepRow } from "@server/db/schema.js";
import { ACTIVE_STEP_STATUSES, type PlanOutput } from "@shared/schemas/plans.js";
import type { Kysely } from "kysely";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { capacityOf } from "./capacity.js";

/** What a plan is read against: the client's capacity today and the ordinance's weekly norm. */
export interface PlanFrame {
  capacityHoursPerWeek: number | null;
  weeklyNormHours: number;
}

/** Loads the frame a client's plan is read against on a date. */
export async function planFrame(db: Kysely<Database>, client: ClientRow, today: string): Promise<PlanFrame> {
  const capacity = await capacityOf(db, client, today);
  return { capacityHoursPerWeek: capacity.hoursPerWeek, weeklyNormHours: (await ordinanceOn(db, today)).weeklyNormHours };
}

/** A plan version with its steps, the hours it asks and the capacity and norm beside them. */
export function presentPlan(frame: PlanFrame, plan: PlanRow, steps: PlanStepRow[]): PlanOutput {
  return {
    id: plan.id,
    clientId: plan.client_id,
    version: plan.version,
    status: plan.status as PlanOutput["status"],
    reportingFrequencyWeeks: plan.reporting_frequency_weeks,
    confirmedOn: plan.confirmed_on,
    letterId: plan.letter_id,
    steps: steps.map((s) => ({
      id: s.id,
      position: s.position,
      type: s.type as PlanOutput["steps"][number]["type"],
      title: s.title,
      goal: s.goal,
      hoursPerWeek: s.hours_per_week,
      startDate: s.start_date,
      endDate: s.end_date,
      provider: s.provider,
      status: s.status as PlanOutput["steps"][number]["status"],
      stopReason: s.stop_reason,
    })),
    activeHoursPerWeek: steps
      .filter((s) => (ACTIVE_STEP_STATUSES as readonly string[]).includes(s.status))
      .reduce((sum, s) => sum + s.hours_per_week, 0),
    capacityHoursPerWeek: frame.capacityHoursPerWeek,
    weeklyNormHours: frame.weeklyNormHours,
    createdAt: plan.created_at,
  };
}
