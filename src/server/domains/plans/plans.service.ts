import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { ClientRow, Database, PlanRow, PlanStepRow } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { notFound } from "@server/http/errors.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import type { FunctionalLimit } from "@shared/capacity.js";
import { CASEWORK_DEFAULTS } from "@shared/casework.js";
import { dutchWeekdayDate } from "@shared/dates.js";
import type { PlanStepInput, PlanStepUpdateInput } from "@shared/schemas/plans.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { prepareDecisionLetter } from "../decisions/decisions.service.js";
import { holdForUndo, prepareLetter, storeLetter } from "../letters/letters.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { displayNamesOf } from "../users/users.repo.js";
import { assertWithinLimits, assertWorkFitsClient, capacityOf, functionalLimitsOf, hoursBesidesPlan } from "./capacity.js";
import { assignmentLetterData, assignmentOutcome, planLetterSteps, recordAssignment } from "./plans.decision.js";
import type { PlanFrame } from "./plans.presenter.js";
import * as repo from "./plans.repo.js";
import {
  asksHours,
  assertDurationWithin,
  assertOwnSituationAsksNoHours,
  assertPlanHasSteps,
  assertPlanIsDraft,
  assertPlanNotSuperseded,
  assertStepInDraft,
  assertStepsUnchanged,
  assignmentHours,
  countsAgainstCapacity,
  latestEndDate,
} from "./plans.rules.js";

type StepTerms = Pick<PlanStepRow, "hours_per_week" | "start_date" | "end_date">;

/**
 * The limits a step that asks hours keeps, in their order: capacity, then the ordinance's weekly norm (both over
 * `activeHours`, everything asked of the client with the step), then its maximum duration. Returns the step's end
 * date: a step asking hours without one runs the longest the ordinance allows from its start, and ends then. A step
 * that asks no hours (care, debt help) is never refused for these limits and keeps its end date, or none.
 */
async function stepEndWithinLimits(
  trx: Kysely<Database>,
  client: ClientRow,
  step: StepTerms,
  activeHours: number,
  today: string,
): Promise<string | null> {
  if (!asksHours(step)) return step.end_date;
  await assertWithinLimits(trx, client, activeHours, today);
  const { maxDurationMonths } = await ordinanceOn(trx, today);
  const endDate = step.end_date ?? latestEndDate(step.start_date, maxDurationMonths);
  assertDurationWithin(maxDurationMonths, step.start_date, endDate);
  return endDate;
}

/** The fields of a plan step that carry its day, days and demands. */
const STEP_WORK_FIELDS = { longestDay: "hoursPerDay", days: "daysPerWeek", demands: "demands" };

/** What a step asks beyond its hours a week; a step that declares no day or days asks none beyond its week. */
function workOfStep(step: {
  hoursPerDay?: number | null | undefined;
  daysPerWeek?: number | null | undefined;
  demands: FunctionalLimit[];
}) {
  return { longestDayHours: step.hoursPerDay ?? 0, daysPerWeek: step.daysPerWeek ?? 0, demands: step.demands };
}

/**
 * A plan that asks hours keeps the limits when it is confirmed: capacity, the norm (its hours with everything else
 * asked of the client), the duration of each step that asks hours, and each active step's day, days and demands within
 * the client's limits in force (a physician's advice may have come since the step was added). A plan asking none is
 * never refused for them.
 */
async function assertPlanWithinLimits(db: Kysely<Database>, client: ClientRow, steps: readonly PlanStepRow[], today: string) {
  for (const step of steps.filter(countsAgainstCapacity)) {
    const work = workOfStep({
      hoursPerDay: step.hours_per_day,
      daysPerWeek: step.days_per_week,
      demands: functionalLimitsOf(step.demands ?? "[]"),
    });
    await assertWorkFitsClient(db, client, work, today, STEP_WORK_FIELDS);
  }
  const hours = assignmentHours(steps);
  if (hours === 0) return;
  await assertWithinLimits(db, client, hours + (await hoursBesidesPlan(db, client.id)), today);
  const { maxDurationMonths } = await ordinanceOn(db, today);
  for (const step of steps.filter(asksHours)) assertDurationWithin(maxDurationMonths, step.start_date, step.end_date);
}

/** The draft plan to change: the open draft, or a new version copied from the plan in force. */
async function ensureDraft(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<PlanRow> {
  const draft = await repo.findDraft(db, clientId);
  if (draft) return draft;
  const plans = await repo.listPlansOfClient(db, clientId);
  const current = plans.find((p) => p.status === "confirmed");
  const now = nowIso(ctx.clock);
  const plan: PlanRow = {
    id: randomUUID(),
    client_id: clientId,
    version: (plans[0]?.version ?? 0) + 1,
    status: "draft",
    reporting_frequency_weeks: current?.reporting_frequency_weeks ?? CASEWORK_DEFAULTS.defaultReportingFrequencyWeeks,
    confirmed_on: null,
    confirmed_by: null,
    letter_id: null,
    created_by: ctx.actor.id,
    created_at: now,
  };
  await repo.insertPlan(db, plan);
  if (current) {
    const steps = await repo.listStepsOfPlans(db, [current.id]);
    await repo.insertSteps(
      db,
      steps.map((s) => ({ ...s, id: randomUUID(), plan_id: plan.id, created_at: now, updated_at: now })),
    );
  }
  return plan;
}

/**
 * Adds a step to the client's draft plan. A step that asks hours is refused when the hours asked in all would exceed
 * capacity or the ordinance's norm, or when it would run longer than the ordinance's maximum.
 */
export async function addPlanStep(db: Kysely<Database>, ctx: RequestContext, clientId: string, input: PlanStepInput): Promise<PlanRow> {
  assertOwnSituationAsksNoHours(input.type, input.hoursPerWeek);
  return inTransaction(db, async (trx) => {
    // Capacity and the one open draft are the client's: a parallel change of the same client waits here.
    await lockClient(trx, clientId);
    const client = await requireVisibleClient(trx, ctx.actor, clientId);
    const basis = (await repo.findDraft(trx, clientId)) ?? (await repo.findConfirmed(trx, clientId));
    const existing = basis ? await repo.listStepsOfPlans(trx, [basis.id]) : [];
    const active = existing.filter(countsAgainstCapacity).reduce((sum, s) => sum + s.hours_per_week, 0);
    const terms = { hours_per_week: input.hoursPerWeek, start_date: input.startDate, end_date: input.endDate ?? null };
    const asked = active + (await hoursBesidesPlan(trx, clientId)) + input.hoursPerWeek;
    const endDate = await stepEndWithinLimits(trx, client, terms, asked, ctx.clock.today());
    await assertWorkFitsClient(trx, client, workOfStep(input), ctx.clock.today(), STEP_WORK_FIELDS);
    const plan = await ensureDraft(trx, ctx, clientId);
    const steps = await repo.listStepsOfPlans(trx, [plan.id]);
    const now = nowIso(ctx.clock);
    const id = randomUUID();
    await repo.insertSteps(trx, [
      {
        id,
        plan_id: plan.id,
        client_id: clientId,
        position: (steps.at(-1)?.position ?? 0) + 1,
        type: input.type,
        title: input.title,
        goal: input.goal ?? null,
        hours_per_week: input.hoursPerWeek,
        start_date: input.startDate,
        end_date: endDate,
        provider: input.provider ?? null,
        hours_per_day: input.hoursPerDay ?? null,
        days_per_week: input.daysPerWeek ?? null,
        demands: JSON.stringify(input.demands),
        status: "planned",
        stop_reason: null,
        created_at: now,
        updated_at: now,
      },
    ]);
    await recordAudit(trx, ctx, {
      action: "planStep.create",
      category: "write",
      clientId,
      subjectType: "planStep",
      subjectId: id,
      details: { type: input.type, hoursPerWeek: input.hoursPerWeek },
    });
    return plan;
  });
}

/** Changes a step. A step of a confirmed plan is changed in a new draft version; the confirmed one stays as it was. */
export async function updatePlanStep(
  db: Kysely<Database>,
  ctx: RequestContext,
  stepId: string,
  input: PlanStepUpdateInput,
): Promise<PlanRow> {
  return inTransaction(db, async (trx) => {
    const clientId = (await repo.findStep(trx, stepId))?.client_id;
    if (!clientId) throw notFound("plan step");
    await lockClient(trx, clientId);
    // Read again under the lock: a parallel change may have moved the plan on meanwhile.
    const step = await repo.findStep(trx, stepId);
    if (!step) throw notFound("plan step");
    const client = await requireVisibleClient(trx, ctx.actor, step.client_id);
    const source = await repo.findPlan(trx, step.plan_id);
    if (!source) throw notFound("plan");
    assertPlanNotSuperseded(source);
    const plan = await ensureDraft(trx, ctx, step.client_id);
    const steps = await repo.listStepsOfPlans(trx, [plan.id]);
    const target = source.id === plan.id ? step : steps.find((s) => s.position === step.position);
    assertStepInDraft(target);
    if (input.hoursPerWeek !== undefined) assertOwnSituationAsksNoHours(target.type, input.hoursPerWeek);
    const changed: PlanStepRow = {
      ...target,
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.goal !== undefined ? { goal: input.goal } : {}),
      ...(input.hoursPerWeek !== undefined ? { hours_per_week: input.hoursPerWeek } : {}),
      ...(input.startDate !== undefined ? { start_date: input.startDate } : {}),
      ...(input.endDate !== undefined ? { end_date: input.endDate } : {}),
      ...(input.provider !== undefined ? { provider: input.provider } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.stopReason !== undefined ? { stop_reason: input.stopReason } : {}),
      updated_at: nowIso(ctx.clock),
    };
    const active = steps
      .map((s) => (s.id === target.id ? changed : s))
      .filter(countsAgainstCapacity)
      .reduce((sum, s) => sum + s.hours_per_week, 0);
    if (countsAgainstCapacity(changed)) {
      const asked = active + (await hoursBesidesPlan(trx, step.client_id));
      changed.end_date = await stepEndWithinLimits(trx, client, changed, asked, ctx.clock.today());
    }
    const { id: _id, ...columns } = changed;
    await repo.updateStep(trx, target.id, columns);
    await recordAudit(trx, ctx, {
      action: "planStep.update",
      category: "write",
      clientId: step.client_id,
      subjectType: "planStep",
      subjectId: target.id,
      details: { fields: Object.keys(input).sort() },
    });
    return plan;
  });
}

/**
 * Confirms the draft with the client: it becomes the plan in force (the previous one is superseded, kept),
 * immutable from now on, and a plan letter records what was agreed.
 */
export async function confirmPlan(
  db: Kysely<Database>,
  ctx: RequestContext,
  planId: string,
  reportingFrequencyWeeks: number,
): Promise<PlanRow> {
  const plan = await repo.findPlan(db, planId);
  if (!plan) throw notFound("plan");
  const client = await requireVisibleClient(db, ctx.actor, plan.client_id);
  assertPlanIsDraft(plan);
  const steps = (await repo.listStepsOfPlans(db, [plan.id])).filter(countsAgainstCapacity);
  assertPlanHasSteps(steps);
  const total = steps.reduce((sum, s) => sum + s.hours_per_week, 0);
  const confirmedOn = ctx.clock.today();
  await assertPlanWithinLimits(db, client, steps, confirmedOn);
  const consultantName = (await displayNamesOf(db, [ctx.actor.id])).get(ctx.actor.id);
  const outcome = await assignmentOutcome(db, plan, steps, confirmedOn);
  const data = {
    givenName: client.given_name,
    familyName: client.family_name,
    version: plan.version,
    confirmedOn: dutchWeekdayDate(`${confirmedOn}T12:00:00+01:00`),
    steps: planLetterSteps(steps),
    totalHours: total,
    capacityHours: (await capacityOf(db, client, confirmedOn)).hoursPerWeek,
    frequencyWeeks: reportingFrequencyWeeks,
    phone: municipality.phone,
    consultantName: consultantName ?? "uw consulent",
    ...assignmentLetterData(outcome),
  };
  // A plan that asks hours (or changes or ends the hours asked) is the tegenprestatie assignment: a decision, whose
  // letter carries the remedy notice. A plan that decides nothing new (see `assignmentChange`) gets the plan letter.
  const prepared = outcome.decision
    ? await prepareDecisionLetter(ctx, { client, type: "assignment", template: "plan-confirmation", kind: "planConfirmation", data })
    : null;
  // Held back from the client for a few minutes: until it is printed, the confirmation can be undone.
  const decisionLetter = prepared ? { ...prepared, letter: holdForUndo(ctx, prepared.letter) } : null;
  const letter =
    decisionLetter?.letter ??
    (await prepareLetter(ctx, { client, kind: "planConfirmation", template: "plan-confirmation", registered: false, data }));
  return inTransaction(db, async (trx) => {
    // Check again under the client's lock: the letter shows the steps read above, so they must still be the plan.
    await lockClient(trx, plan.client_id);
    const fresh = await repo.findPlan(trx, planId);
    if (!fresh) throw notFound("plan");
    assertPlanIsDraft(fresh);
    const freshSteps = (await repo.listStepsOfPlans(trx, [plan.id])).filter(countsAgainstCapacity);
    assertStepsUnchanged(steps, freshSteps);
    await assertPlanWithinLimits(trx, client, freshSteps, confirmedOn);
    // The decision stores its letter; a plan letter without a decision is stored here.
    const decisionId = await recordAssignment(trx, ctx, plan, outcome, decisionLetter);
    if (!decisionLetter) await storeLetter(trx, ctx, holdForUndo(ctx, letter));
    await repo.supersedeConfirmed(trx, plan.client_id);
    await repo.markConfirmed(trx, planId, {
      confirmed_on: confirmedOn,
      confirmed_by: ctx.actor.id,
      letter_id: letter.id,
      reporting_frequency_weeks: reportingFrequencyWeeks,
    });
    await recordAudit(trx, ctx, {
      action: "plan.confirm",
      category: "write",
      clientId: plan.client_id,
      subjectType: "plan",
      subjectId: planId,
      details: { version: plan.version, assignment: outcome.change, ...(decisionId ? { decisionId } : {}) },
    });
    const confirmed = await repo.findPlan(trx, planId);
    if (!confirmed) throw notFound("plan");
    return confirmed;
  });
}

/** All versions of a client's plan for the caller to read: a plan names care and debt help, so the read is audited. */
export async function readPlans(db: Kysely<Database>, ctx: RequestContext, clientId: string) {
  const result = await listPlans(db, ctx, clientId);
  await recordAudit(db, ctx, { action: "plan.read", category: "read:sensitive", clientId, subjectType: "client", subjectId: clientId });
  return result;
}

/** All versions of a client's plan with their steps, newest first, and the capacity and norm they are read against. */
export async function listPlans(db: Kysely<Database>, ctx: RequestContext, clientId: string) {
  const client = await requireVisibleClient(db, ctx.actor, clientId);
  const plans = await repo.listPlansOfClient(db, clientId);
  const steps = await repo.listStepsOfPlans(
    db,
    plans.map((p) => p.id),
  );
  const today = ctx.clock.today();
  const ordinance = await ordinanceOn(db, today);
  const frame: PlanFrame = {
    capacityHoursPerWeek: (await capacityOf(db, client, today)).hoursPerWeek,
    weeklyNormHours: ordinance.weeklyNormHours,
    maxDurationMonths: ordinance.maxDurationMonths,
  };
  return { client, frame, plans: plans.map((plan) => ({ plan, steps: steps.filter((s) => s.plan_id === plan.id) })) };
}
