import { conflict, invalidField } from "@server/http/errors.js";
import { addMonths } from "@shared/dates.js";
import { ACTIVE_STEP_STATUSES, isOwnSituationStep } from "@shared/schemas/plans.js";
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

/**
 * The norm: a plan or placement never asks more hours a week than the ordinance's norm, everything asked of the client
 * together (the same total capacity counts). Capacity is the first limit: check it before this one.
 */
export function assertWithinNorm(weeklyNormHours: number, askedHours: number, field = "hoursPerWeek"): void {
  if (askedHours > weeklyNormHours + 1e-9) {
    const reason = `The ordinance asks at most ${weeklyNormHours} hours a week in all`;
    throw conflict("aboveNorm", `This asks ${askedHours} hours a week in all; ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.`, [
      { name: field, code: "aboveNorm", reason },
    ]);
  }
}

/** The latest end date of an activity starting on `startDate`: the ordinance's maximum duration from its start. */
export function latestEndDate(startDate: string, maxDurationMonths: number): string {
  return addMonths(startDate, maxDurationMonths);
}

/**
 * Limited in duration (Participatiewet art. 9): an activity that asks hours ends at most the ordinance's maximum
 * after its start. Without an end date it would run on without limit, so it is refused too.
 */
export function assertDurationWithin(maxDurationMonths: number, startDate: string, endDate: string | null, field = "endDate"): void {
  const latest = latestEndDate(startDate, maxDurationMonths);
  if (endDate === null || endDate > latest) {
    const reason = `It runs at most ${maxDurationMonths} months: end on ${latest} at the latest`;
    throw conflict("tooLong", `${endDate === null ? "This has no end date" : "This runs too long"}; ${reason}.`, [
      { name: field, code: "tooLong", reason },
    ]);
  }
}

/** Whether a step asks hours; one that asks none is never refused for capacity, the norm or the duration. */
export function asksHours(step: { hours_per_week: number }): boolean {
  return step.hours_per_week > 0;
}

/**
 * Treatment and help for the client's own situation (care, debt help) asks no hours: it counts as working on one's
 * own situation, so it stores 0 hours a week and never fills capacity. Asked hours are refused rather than dropped.
 */
export function assertOwnSituationAsksNoHours(type: string, hoursPerWeek: number): void {
  if (isOwnSituationStep(type) && hoursPerWeek > 0) {
    throw invalidField("hoursPerWeek", "notAllowed", "Treatment or help for the client's own situation asks no hours: send 0");
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

/**
 * A confirmation is undone only for the plan in force that has its letter, and only while no newer draft was opened
 * on it (409 `planNotConfirmed`, `draftExists`); whether the letter is still inside is the letters' rule.
 */
export function assertConfirmationUndoable(plan: { status: string; letter_id: string | null }, draftOpen: boolean): void {
  if (plan.status !== "confirmed" || plan.letter_id === null) {
    throw conflict("planNotConfirmed", "Only the confirmation of the plan in force can be undone.");
  }
  if (draftOpen) throw conflict("draftExists", "A new version of this plan was opened meanwhile: change that one instead.");
}
