import type { Clock } from "@server/clock.js";
import type { DecisionsTable, LettersTable, NewClientRow, PlanStepsTable, PlansTable } from "@server/db/schema.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import type { LetterLayout } from "@server/letters/pdf.js";
import { dutchWeekdayDate } from "@shared/dates.js";
import { prepareDecisionLetter } from "../domains/decisions/decisions.service.js";
import { assignmentDecision, assignmentLetterData, planLetterSteps } from "../domains/plans/plans.decision.js";
import { assignmentHours } from "../domains/plans/plans.rules.js";
import type { HistoryConsultant } from "./history.js";
import type { SeededRandom } from "./population.js";
import { present } from "./present.js";
import { yieldToEventLoop } from "./yield.js";

/**
 * The tegenprestatie assignment of every demo plan confirmed with hours, as confirming it in the app decides it: an
 * `assignment` decision by the consultant who confirmed it, whose letter is the plan letter with the remedy notice
 * (it becomes the plan's letter). Each demo client has one plan version, so no decision replaces another.
 */
export async function generateAssignments(
  random: SeededRandom,
  history: { plans: PlansTable[]; steps: PlanStepsTable[]; capacities: Map<string, number> },
  clients: NewClientRow[],
  consultants: Map<string, HistoryConsultant>,
  ordinanceVersion: number,
  clock: Clock,
  render: (layout: LetterLayout) => Promise<Buffer>,
): Promise<{ letters: LettersTable[]; decisions: DecisionsTable[] }> {
  const clientById = new Map(clients.map((c) => [c.id, c]));
  const stepsOf = new Map<string, PlanStepsTable[]>();
  for (const step of history.steps) stepsOf.set(step.plan_id, [...(stepsOf.get(step.plan_id) ?? []), step]);
  // Laid out by `render` (on worker threads) while the loop goes on; gathered at the end.
  const made: Promise<{ letter: LettersTable; decision: DecisionsTable }>[] = [];
  for (const plan of history.plans) {
    const confirmedOn = plan.confirmed_on;
    const consultant = consultants.get(plan.confirmed_by ?? "");
    if (plan.status !== "confirmed" || !confirmedOn || !consultant) continue;
    // On the day of confirmation every step was still planned: they are what the plan asked.
    const steps = (stepsOf.get(plan.id) ?? []).map((s) => ({ ...s, status: "planned" as const }));
    const hours = assignmentHours(steps);
    if (hours <= 0) continue;
    await yieldToEventLoop();
    const client = present(clientById.get(plan.client_id), `client ${plan.client_id}`);
    const decision = assignmentDecision(plan, steps, "assign", null, ordinanceVersion, confirmedOn);
    const actor = {
      id: consultant.id,
      email: "",
      displayName: consultant.displayName,
      role: "consultant" as const,
      districts: [consultant.district],
      organisationId: null,
      clientId: null,
      scopeDate: clock.today(),
    };
    const letterId = random.uuid();
    const decisionId = random.uuid();
    const prepared = prepareDecisionLetter(
      { actor, requestId: "demo-history", clock },
      {
        id: letterId,
        createdAt: plan.created_at,
        letterDate: confirmedOn,
        client: client as never,
        type: "assignment",
        kind: "planConfirmation",
        template: "plan-confirmation",
        data: {
          givenName: client.given_name,
          familyName: client.family_name,
          version: plan.version,
          confirmedOn: dutchWeekdayDate(`${confirmedOn}T12:00:00+01:00`),
          steps: planLetterSteps(steps),
          totalHours: hours,
          capacityHours: history.capacities.get(client.id) ?? client.capacity_hours_per_week ?? hours,
          frequencyWeeks: plan.reporting_frequency_weeks,
          phone: municipality.phone,
          consultantName: consultant.displayName,
          ...assignmentLetterData({ change: "assign", hours, inForce: null, decision }),
        },
        render,
      },
    );
    plan.letter_id = letterId;
    made.push(
      prepared.then(({ letter, objectionTermEndsOn }) => ({
        letter: { ...letter, delivery_status: "delivered" },
        decision: {
          id: decisionId,
          client_id: client.id,
          type: "assignment",
          subject_type: "plan",
          subject_id: plan.id,
          summary: decision.summary,
          legal_basis: decision.legalBasis,
          ordinance_version: decision.ordinanceVersion,
          facts: decision.facts,
          reasons: decision.reasons,
          prepared_by: plan.created_by,
          decided_by: consultant.id,
          decided_on: confirmedOn,
          takes_effect_on: decision.takesEffectOn,
          letter_id: letterId,
          objection_term_ends_on: objectionTermEndsOn,
          replaces_decision_id: null,
          created_at: plan.created_at,
        },
      })),
    );
  }
  const all = await Promise.all(made);
  return { letters: all.map((m) => m.letter), decisions: all.map((m) => m.decision) };
}
