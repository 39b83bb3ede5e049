import { z } from "zod";
import { FUNCTIONAL_LIMITS } from "../capacity.js";
import { abilitiesOf } from "./abilities.js";
import { daysPerWeek, functionalLimitList, hoursPerDay } from "./capacity.js";
import { calendarDate, timestamp } from "./common.js";

export const PLAN_STEP_TYPES = [
  "languageCourse",
  "exercise",
  "careReferral",
  "debtHelp",
  "caregiving",
  "volunteerPlacement",
  "ownInitiative",
  "training",
  "ownSituation",
  "peerSupport", // a buddy (maatje) from the client's own district: voluntary, and never a ground for anything
] as const;
export type PlanStepType = (typeof PLAN_STEP_TYPES)[number];
/**
 * Treatment and help for the client's own situation: care (GGZ, addiction care, social work), debt help, and other
 * work on one's own situation. Such a step asks no hours (it stores 0) and counts as working on one's own situation:
 * it is never refused for capacity, the ordinance's norm or its maximum duration.
 */
export const OWN_SITUATION_STEP_TYPES = ["careReferral", "debtHelp", "ownSituation"] as const satisfies readonly PlanStepType[];

/** Whether a step of this type is treatment or help for the client's own situation, which asks no hours. */
export function isOwnSituationStep(type: string): boolean {
  return (OWN_SITUATION_STEP_TYPES as readonly string[]).includes(type);
}
export const PLAN_STATUSES = ["draft", "confirmed", "superseded"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STEP_STATUSES = ["planned", "active", "completed", "stopped"] as const;
export type PlanStepStatus = (typeof PLAN_STEP_STATUSES)[number];
/** Statuses whose hours count against the client's capacity. */
export const ACTIVE_STEP_STATUSES = ["planned", "active"] as const;

const hours = z.number().min(0).max(40);

/** Body of `POST /clients/{id}/plan-steps`: a step in the client's draft plan. */
export const planStepInput = z
  .object({
    type: z.enum(PLAN_STEP_TYPES),
    title: z.string().trim().min(1).max(200),
    goal: z.string().trim().max(1000).nullish(),
    hoursPerWeek: hours.describe("0 for treatment or help for the client's own situation (careReferral, debtHelp, ownSituation)"),
    startDate: calendarDate,
    endDate: calendarDate
      .nullish()
      .describe("left out, a step that asks hours runs the ordinance's maxDurationMonths from its start, and ends on that date"),
    provider: z.string().trim().max(200).nullish(),
    hoursPerDay: hoursPerDay
      .nullish()
      .describe("the most hours the step asks on one day; refused above the client's (409 aboveDailyLimit)"),
    daysPerWeek: daysPerWeek.nullish().describe("the days a week it asks; refused above the client's (409 aboveDaysLimit)"),
    demands: functionalLimitList
      .default([])
      .describe("what it asks of body and mind; refused where a limit rules it out (409 functionalLimit)"),
  })
  .refine((s) => !s.endDate || s.endDate >= s.startDate, {
    message: "End on or after the start",
    path: ["endDate"],
    params: { code: "endBeforeStart" },
  });
export type PlanStepInput = z.infer<typeof planStepInput>;

/** Body of `PATCH /plan-steps/{id}`: a change, made in the draft (a confirmed plan gets a new version). */
export const planStepUpdateInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    goal: z.string().trim().max(1000).nullable(),
    hoursPerWeek: hours,
    startDate: calendarDate,
    endDate: calendarDate.nullable(),
    provider: z.string().trim().max(200).nullable(),
    status: z.enum(PLAN_STEP_STATUSES),
    stopReason: z.string().trim().min(1).max(1000),
  })
  .partial()
  .refine((v) => v.status !== "stopped" || v.stopReason, {
    message: "Say why the step stopped",
    path: ["stopReason"],
    params: { code: "required" },
  });
export type PlanStepUpdateInput = z.infer<typeof planStepUpdateInput>;

export const planStepOutput = z.object({
  id: z.uuid(),
  position: z.number().int(),
  type: z.enum(PLAN_STEP_TYPES),
  title: z.string(),
  goal: z.string().nullable(),
  hoursPerWeek: z.number(),
  startDate: calendarDate,
  endDate: calendarDate.nullable(),
  provider: z.string().nullable(),
  hoursPerDay: z.number().nullable(),
  daysPerWeek: z.number().int().nullable(),
  demands: z.array(z.enum(FUNCTIONAL_LIMITS)),
  status: z.enum(PLAN_STEP_STATUSES),
  stopReason: z.string().nullable(),
});

/**
 * What the caller may do with a plan version: change its steps (in a new draft when confirmed), confirm a draft, and
 * undo the confirmation of the plan in force while its letter has not left the building.
 */
export const PLAN_ACTIONS = ["changeSteps", "confirm", "undoConfirmation"] as const;
/** What the caller may do with a client's plan as a whole. */
export const PLAN_LIST_ACTIONS = ["addStep"] as const;

export const planOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  version: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  reportingFrequencyWeeks: z.number().int(),
  confirmedOn: calendarDate.nullable(),
  letterId: z.uuid().nullable(),
  steps: z.array(planStepOutput),
  activeHoursPerWeek: z.number().describe("hours of planned and active steps"),
  capacityHoursPerWeek: z.number().nullable().describe("what the client can do; binds"),
  weeklyNormHours: z.number().describe("the ordinance's norm: no plan asks more hours a week in all (409 aboveNorm); capacity binds first"),
  maxDurationMonths: z.number().int().describe("the ordinance's maximum: no step that asks hours runs longer (409 tooLong)"),
  createdAt: timestamp,
  abilities: abilitiesOf(PLAN_ACTIONS),
});
export type PlanOutput = z.infer<typeof planOutput>;
export const planList = z.object({
  items: z.array(planOutput),
  weeklyNormHours: z.number().describe("the ordinance's norm today, for a step added to a client without a plan"),
  maxDurationMonths: z.number().int().describe("the ordinance's maximum duration today, for a step added to a client without a plan"),
  abilities: abilitiesOf(PLAN_LIST_ACTIONS),
});

/** Body of `POST /plans/{id}/confirmation`: confirmed with the client; makes the version immutable. */
export const planConfirmationInput = z.object({
  reportingFrequencyWeeks: z.number().int().min(1).max(26),
});
