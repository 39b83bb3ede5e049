import { z } from "zod";
import { abilitiesOf } from "./abilities.js";
import { APPOINTMENT_KINDS } from "./appointments.js";
import { calendarDate, timestamp } from "./common.js";
import { DECISION_TYPES } from "./decisions.js";
import { PLACEMENT_STATUSES } from "./placements.js";
import { PLAN_STEP_STATUSES, PLAN_STEP_TYPES } from "./plans.js";

/** What the client may do with their next appointment from the start page. */
export const NEXT_APPOINTMENT_ACTIONS = ["requestReschedule"] as const;

/** The client's next planned appointment: when, where and with whom, and whether they already asked for another time. */
export const nextAppointment = z.object({
  id: z.uuid(),
  kind: z.enum(APPOINTMENT_KINDS),
  startsAt: timestamp,
  endsAt: timestamp,
  location: z.string(),
  withName: z.string().describe("the consultant the appointment is with"),
  rescheduleRequest: z
    .object({ requestedAt: timestamp, reason: z.string().nullable() })
    .nullable()
    .describe("the client's open request for another time, if any"),
  abilities: abilitiesOf(NEXT_APPOINTMENT_ACTIONS),
});

/** One step of the client's plan in force that is running or still to start. */
export const askedStep = z.object({
  id: z.uuid(),
  type: z.enum(PLAN_STEP_TYPES),
  title: z.string(),
  hoursPerWeek: z.number(),
  startDate: calendarDate,
  endDate: calendarDate.nullable(),
  status: z.enum(PLAN_STEP_STATUSES),
});

/** Where the client volunteers (or is about to): the organisation and its address, the hours, the contact person. */
export const askedPlacement = z.object({
  id: z.uuid(),
  status: z.enum(PLACEMENT_STATUSES),
  roleTitle: z.string(),
  organisationName: z.string(),
  postcode: z.string(),
  houseNumber: z.number().int(),
  weekdayParts: z.array(z.string()).describe("the parts of the week the role asks, e.g. mon-am"),
  hoursPerWeek: z.number(),
  startDate: calendarDate.nullable(),
  endDate: calendarDate.nullable(),
  contactPerson: z.string().nullable().describe("the host organisation's contact person of the agreement"),
});

/** The things that wait for the client's answer, each with the date to answer by where there is one. */
export const WAITING_KINDS = ["accountabilityRequest", "sanctionHearing", "objectionHearing", "objectionTerm"] as const;
export type WaitingKind = (typeof WAITING_KINDS)[number];
export const waitingItem = z.object({
  kind: z.enum(WAITING_KINDS),
  id: z.uuid().describe("the accountability request, sanction, objection or decision"),
  respondBy: calendarDate.nullable(),
  decisionType: z.enum(DECISION_TYPES).nullable().describe("for an objection term: which decision"),
});
export type WaitingItem = z.infer<typeof waitingItem>;

/** The client's consultant and how to reach them: their e-mail address, and their own number when known. */
export const consultantContact = z.object({
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
});

/** `GET /clients/{id}/overview`: the client's start page, "Wat moet ik doen?". */
export const clientOverview = z.object({
  clientId: z.uuid(),
  givenName: z.string(),
  nextAppointment: nextAppointment.nullable(),
  steps: z.array(askedStep),
  placements: z.array(askedPlacement),
  waiting: z.array(waitingItem),
  consultant: consultantContact.nullable(),
  teamPhone: z.string().describe("the team's number (the letters' sender block), for when the consultant cannot be reached"),
});
export type ClientOverview = z.infer<typeof clientOverview>;

/** One version of a placement agreement, with its letter. */
const agreementSummary = z.object({
  version: z.number().int(),
  startDate: calendarDate,
  endDate: calendarDate,
  hoursPerWeek: z.number(),
  tasks: z.string(),
  contactPerson: z.string(),
  letterId: z.uuid(),
});

/** `GET /clients/{id}/plan-summary`: the confirmed plan, the placements with their agreements, the intake's outcome. */
export const planSummary = z.object({
  clientId: z.uuid(),
  plan: z
    .object({
      id: z.uuid(),
      version: z.number().int(),
      confirmedOn: calendarDate.nullable(),
      reportingFrequencyWeeks: z.number().int(),
      letterId: z.uuid().nullable(),
    })
    .nullable(),
  steps: z.array(askedStep),
  placements: z.array(askedPlacement.extend({ agreements: z.array(agreementSummary) })),
  intake: z
    .object({
      heldOn: calendarDate,
      ladderRung: z.number().int().min(1).max(6),
      growthRung: z.number().int().min(1).max(6),
      capacityHoursPerWeek: z.number().describe("the hours a week judged possible at the intake"),
    })
    .nullable()
    .describe("the outcome only: never the scores or notes on health, debts or addiction"),
});
export type PlanSummary = z.infer<typeof planSummary>;
