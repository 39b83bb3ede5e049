import { conflict } from "@server/http/errors.js";
import { ACTIVE_STEP_STATUSES } from "@shared/schemas/plans.js";
import { isOneOf } from "../vocabulary.js";

/** What a client can be asked in hours a week, and the exemption that lowers it (see `capacityOf`). */
export interface CapacityFacts {
  hoursPerWeek: number | null;
  exemption: { scope: string } | null;
}

/** Capacity first: everything asked of a client together never exceeds what they can do, and nothing before it is assessed. */
export function assertCapacityHolds(capacity: CapacityFacts, activeHours: number): void {
  if (capacity.hoursPerWeek === null) {
    throw conflict("capacityNotAssessed", "Assess the client's capacity (at the intake) before planning hours.");
  }
  if (activeHours > capacity.hoursPerWeek + 1e-9) {
    const because = capacity.exemption ? ` because of an exemption (${capacity.exemption.scope})` : "";
    throw conflict(
      "capacityExceeded",
      `This asks ${activeHours} hours a week in all; the client can do ${capacity.hoursPerWeek}${because}.`,
      [
        {
          name: "hoursPerWeek",
          code: "capacityExceeded",
          reason: `The client can do ${capacity.hoursPerWeek} hours a week in all${because}`,
        },
      ],
    );
  }
}

/** Whether a step's hours count against capacity: planned and active steps do, stopped and finished ones not. */
export function countsAgainstCapacity(step: { status: string }): boolean {
  return isOneOf(ACTIVE_STEP_STATUSES, step.status);
}

/** A replaced version is history: changes go to the current plan. */
export function assertPlanNotSuperseded(plan: { status: string }): void {
  if (plan.status === "superseded") throw conflict("planSuperseded", "This version was replaced; change the current plan.");
}

/** A step changed through an older version must still be part of the draft. */
export function assertStepInDraft<T>(step: T | undefined): asserts step is T {
  if (!step) throw conflict("stepNotInDraft", "This step is no longer part of the plan.");
}

/** Only a draft is confirmed; a confirmed version never changes. */
export function assertPlanIsDraft(plan: { status: string }): void {
  if (plan.status !== "draft") throw conflict("planNotDraft", "Only a draft plan can be confirmed; this version already is.");
}

/** A plan is confirmed with at least one planned or active step. */
export function assertPlanHasSteps(steps: readonly { status: string }[]): void {
  if (!steps.some(countsAgainstCapacity)) throw conflict("planEmpty", "A plan needs at least one planned or active step.");
}

/** What identifies the content of a list of steps, to see whether it changed between two reads. */
const stepsVersion = (steps: readonly { id: string; updated_at: string }[]) =>
  steps
    .map((s) => `${s.id}@${s.updated_at}`)
    .sort()
    .join(",");

/** A confirmation's letter shows the steps read before it: they must still be the plan when it is stored. */
export function assertStepsUnchanged(
  read: readonly { id: string; updated_at: string }[],
  now: readonly { id: string; updated_at: string }[],
): void {
  if (stepsVersion(read) !== stepsVersion(now)) throw conflict("planChanged", "The plan changed meanwhile; read it again.");
}

/** The hours a week a plan asks as the tegenprestatie: its planned and active steps that ask hours. */
export function assignmentHours(steps: readonly { status: string; hours_per_week: number }[]): number {
  return steps.filter((s) => countsAgainstCapacity(s) && s.hours_per_week > 0).reduce((sum, s) => sum + s.hours_per_week, 0);
}

/**
 * What confirming a plan decides about the tegenprestatie assignment (Pw art. 9 lid 1 sub c), given the hours the
 * plan asks and those of the assignment in force (null when there is none):
 * - `assign`: the first plan that asks hours is the assignment, a decision;
 * - `replace`: a plan that changes the hours is a new decision that replaces the assignment in force; asking no hours
 *   any more ends it, which changes the client's obligations too and so is a decision as well;
 * - `stands`: the same hours leave the assignment in force as it is: no new decision;
 * - `none`: a plan without hours and no assignment in force (only care, debt help and the like) asks nothing the
 *   client must do; it records support agreed with the client, has no legal effect of its own, and so is no decision
 *   (besluit, Awb 1:3) and gets the plan letter without a remedy notice.
 */
export function assignmentChange(hours: number, inForce: number | null): "assign" | "replace" | "stands" | "none" {
  if (inForce === null) return hours > 0 ? "assign" : "none";
  return Math.abs(hours - inForce) < 1e-9 ? "stands" : "replace";
}
