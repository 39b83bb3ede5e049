import type { RequestContext } from "@server/auth/actor.js";
import type { Database, DecisionRow, PlanRow, PlanStepRow } from "@server/db/schema.js";
import { conflict } from "@server/http/errors.js";
import { formatDutchDate } from "@server/letters/pdf.js";
import type { Kysely } from "kysely";
import { decisionInForce } from "../decisions/decisions.repo.js";
import { type PreparedDecisionLetter, recordDecision } from "../decisions/decisions.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { listStepsOfPlans } from "./plans.repo.js";
import { assignmentChange, assignmentHours, countsAgainstCapacity } from "./plans.rules.js";

/** A plan's steps as its confirmation letter lists them, with Dutch dates. */
export function planLetterSteps(
  steps: readonly Pick<PlanStepRow, "title" | "hours_per_week" | "start_date" | "end_date" | "provider" | "goal">[],
) {
  return steps.map((s) => ({
    title: s.title,
    hoursPerWeek: s.hours_per_week,
    startDate: formatDutchDate(s.start_date),
    endDate: s.end_date ? formatDutchDate(s.end_date) : null,
    provider: s.provider,
    goal: s.goal,
  }));
}

const hoursText = (hours: number) => String(hours).replace(".", ",");

/** What confirming a plan decides about the tegenprestatie assignment, worked out before the letter is rendered. */
export interface AssignmentOutcome {
  change: ReturnType<typeof assignmentChange>;
  hours: number;
  /** The assignment in force before this plan, if any. */
  inForce: DecisionRow | null;
  /** The decision to record; null when the plan decides nothing (`stands`, `none`). */
  decision: {
    summary: string;
    legalBasis: string;
    ordinanceVersion: number;
    facts: string;
    reasons: string;
    takesEffectOn: string;
  } | null;
}

/** Works out, from the assignment in force and the plan's steps, whether confirming it is a decision, and which. */
export async function assignmentOutcome(
  db: Kysely<Database>,
  plan: PlanRow,
  steps: readonly PlanStepRow[],
  today: string,
): Promise<AssignmentOutcome> {
  const inForce = (await decisionInForce(db, plan.client_id, "assignment")) ?? null;
  const inForceHours = inForce ? assignmentHours(await listStepsOfPlans(db, [inForce.subject_id])) : null;
  const hours = assignmentHours(steps);
  const change = assignmentChange(hours, inForceHours);
  if (change === "stands" || change === "none") return { change, hours, inForce, decision: null };
  const ordinance = await ordinanceOn(db, today);
  return { change, hours, inForce, decision: assignmentDecision(plan, steps, change, inForceHours, ordinance.version, today) };
}

/**
 * The assignment decision a confirmed plan makes (`assign` or `replace`), from its steps: summary, legal basis, facts,
 * reasons and the day it takes effect (the first step asking hours, or the day of confirmation).
 */
export function assignmentDecision(
  plan: Pick<PlanRow, "version">,
  steps: readonly Pick<PlanStepRow, "status" | "hours_per_week" | "start_date" | "title">[],
  change: "assign" | "replace",
  inForceHours: number | null,
  ordinanceVersion: number,
  today: string,
): NonNullable<AssignmentOutcome["decision"]> {
  const hours = assignmentHours(steps);
  const asked = steps.filter((s) => countsAgainstCapacity(s) && s.hours_per_week > 0);
  const firstStart = asked.map((s) => s.start_date).sort()[0] ?? today;
  const summary =
    change === "assign"
      ? `Wij hebben besloten dat u een tegenprestatie doet: ${hoursText(hours)} uur per week.`
      : hours === 0
        ? "Wij hebben besloten dat u geen tegenprestatie meer doet."
        : `Wij hebben besloten dat uw tegenprestatie verandert: u doet nu ${hoursText(hours)} uur per week, ` +
          `in plaats van ${hoursText(inForceHours ?? 0)} uur.`;
  const reasons =
    hours === 0
      ? "In uw nieuwe plan staan geen uren meer die wij van u vragen. Daarom stopt uw tegenprestatie."
      : "Wie bijstand krijgt, doet iets terug voor de samenleving als de gemeente dat vraagt. Dat heet de tegenprestatie. " +
        "Wij vragen u de uren in dit plan. Dat is niet meer dan u kunt.";
  return {
    summary,
    legalBasis: `Artikel 9, eerste lid, onderdeel c, Participatiewet en de verordening tegenprestatie (versie ${ordinanceVersion})`,
    ordinanceVersion,
    facts: `Plan versie ${plan.version}: ${asked.map((s) => `${s.title} (${hoursText(s.hours_per_week)} uur per week)`).join(", ") || "geen uren"}.`,
    reasons,
    takesEffectOn: hours > 0 && firstStart > today ? firstStart : today,
  };
}

/** The plan letter's decision fields: the decision it announces, or that the assignment in force stands. */
export function assignmentLetterData(outcome: AssignmentOutcome) {
  const d = outcome.decision;
  return {
    decision: d
      ? {
          summary: d.summary,
          reasons: d.reasons,
          legalBasis: d.legalBasis,
          takesEffectOn: formatDutchDate(d.takesEffectOn),
          replaces: outcome.change === "replace",
        }
      : null,
    assignmentStands: outcome.change === "stands",
  };
}

/**
 * Inside the confirmation's transaction, under the client's lock: the assignment in force must still be the one the
 * letter was written against (409 planChanged), then the decision is stored with its letter, replacing it.
 */
export async function recordAssignment(
  trx: Kysely<Database>,
  ctx: RequestContext,
  plan: PlanRow,
  outcome: AssignmentOutcome,
  letter: PreparedDecisionLetter | null,
): Promise<DecisionRow["id"] | null> {
  const inForce = (await decisionInForce(trx, plan.client_id, "assignment")) ?? null;
  if ((inForce?.id ?? null) !== (outcome.inForce?.id ?? null))
    throw conflict("planChanged", "The assignment changed meanwhile; read the plan again.");
  if (!outcome.decision) return null;
  const decision = await recordDecision(trx, ctx, {
    clientId: plan.client_id,
    type: "assignment",
    subject: { type: "plan", id: plan.id },
    summary: outcome.decision.summary,
    legalBasis: outcome.decision.legalBasis,
    ordinanceVersion: outcome.decision.ordinanceVersion,
    facts: outcome.decision.facts,
    reasons: outcome.decision.reasons,
    letter,
    preparedBy: plan.created_by,
    takesEffectOn: outcome.decision.takesEffectOn,
    replacesDecisionId: outcome.inForce?.id ?? null,
  });
  return decision.id;
}
