import { isAllowed } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import type { PlanStepRow } from "@server/db/schema.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import type { ClientOverview, PlanSummary } from "@shared/schemas/overview.js";
import { appointmentPolicy } from "../appointments/appointments.policy.js";
import { assertMayRequestReschedule } from "../appointments/appointments.rules.js";
import type { OverviewFacts, PlanSummaryFacts } from "./overview.service.js";

function presentStep(step: PlanStepRow): ClientOverview["steps"][number] {
  return {
    id: step.id,
    type: step.type,
    title: step.title,
    hoursPerWeek: step.hours_per_week,
    startDate: step.start_date,
    endDate: step.end_date,
    status: step.status,
  };
}

function presentPlace(p: OverviewFacts["placements"][number]): ClientOverview["placements"][number] {
  return {
    id: p.place.id,
    status: p.place.status,
    roleTitle: p.place.role_title,
    organisationName: p.place.organisation_name,
    postcode: p.place.postcode,
    houseNumber: p.place.house_number,
    weekdayParts: JSON.parse(p.place.weekday_parts) as string[],
    hoursPerWeek: p.hoursPerWeek,
    startDate: p.startDate,
    endDate: p.endDate,
    contactPerson: p.contactPerson,
  };
}

/** Every outgoing field of the start page; the abilities come from the rules the reschedule request runs. */
export function presentOverview(actor: Actor, facts: OverviewFacts, now: Date): ClientOverview {
  const next = facts.nextAppointment;
  const consultant = facts.consultant;
  return {
    clientId: facts.client.id,
    givenName: facts.client.given_name,
    nextAppointment: next && {
      id: next.appointment.id,
      kind: next.appointment.kind,
      startsAt: next.appointment.starts_at,
      endsAt: next.appointment.ends_at,
      location: next.appointment.location,
      withName: next.appointment.consultant_name,
      rescheduleRequest: next.openRequest ? { requestedAt: next.openRequest.requested_at, reason: next.openRequest.reason } : null,
      abilities: {
        requestReschedule: isAllowed(actor, {
          policy: appointmentPolicy.requestReschedule,
          assert: () => assertMayRequestReschedule({ appointment: next.appointment, hasOpenRequest: next.openRequest !== undefined }, now),
        }),
      },
    },
    steps: facts.steps.map(presentStep),
    placements: facts.placements.map(presentPlace),
    waiting: facts.waiting,
    consultant: consultant ? { name: consultant.display_name, email: consultant.email, phone: consultant.phone } : null,
    teamPhone: municipality.phone,
  };
}

/**
 * Every outgoing field of the plan page. Of the intake only its outcome leaves: the rung, the rung to grow to and the
 * hours judged possible; never the life-domain scores or the notes on health, debts or addiction.
 */
export function presentPlanSummary(facts: PlanSummaryFacts): PlanSummary {
  const { plan, intake } = facts;
  return {
    clientId: facts.client.id,
    plan: plan
      ? {
          id: plan.id,
          version: plan.version,
          confirmedOn: plan.confirmed_on,
          reportingFrequencyWeeks: plan.reporting_frequency_weeks,
          letterId: plan.letter_id,
        }
      : null,
    steps: facts.steps.map(presentStep),
    placements: facts.placements.map((p) => ({
      ...presentPlace(p),
      agreements: p.agreements.map((a) => ({
        version: a.version,
        startDate: a.start_date,
        endDate: a.end_date,
        hoursPerWeek: a.hours_per_week,
        tasks: a.tasks,
        contactPerson: a.contact_person,
        letterId: a.letter_id,
      })),
    })),
    intake: intake
      ? {
          heldOn: intake.held_on,
          ladderRung: intake.ladder_rung,
          growthRung: intake.growth_rung,
          capacityHoursPerWeek: intake.capacity_hours_per_week,
        }
      : null,
  };
}
