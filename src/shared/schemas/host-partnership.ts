import { z } from "zod";
import { abilitiesOf } from "./abilities.js";
import { calendarDate, measure, timestamp } from "./common.js";

/** How the client and the host judge the introduction meeting: go ahead, have doubts, or not go ahead. */
export const INTRODUCTION_VERDICTS = ["positive", "doubtful", "negative"] as const;
export type IntroductionVerdict = (typeof INTRODUCTION_VERDICTS)[number];

/** Body of `POST /placements/{id}/introduction`: the introduction meeting before the start. */
export const introductionInput = z.object({
  heldOn: calendarDate.describe("the day of the meeting; not in the future"),
  attendees: z.string().trim().min(1).max(500).describe("who attended, e.g. the client, the contact person, the consultant"),
  contactPerson: z.string().trim().min(1).max(200).describe("the named contact person at the host"),
  clientVerdict: z.enum(INTRODUCTION_VERDICTS),
  hostVerdict: z.enum(INTRODUCTION_VERDICTS),
  note: z.string().trim().max(2000).nullish(),
});
export type IntroductionInput = z.infer<typeof introductionInput>;

/** Body of `POST /placements/{id}/host-check-in`: how it goes, four weeks after the start. */
export const hostCheckInInput = z.object({
  heldOn: calendarDate.describe("the day of the check-in; not in the future"),
  note: z.string().trim().min(1).max(2000).describe("how it goes, in the host's and the consultant's words"),
});
export type HostCheckInInput = z.infer<typeof hostCheckInInput>;

/** A placement's steps with the host, as the placement's output carries them. */
export const hostStepsOutput = z.object({
  contactPerson: z.string().nullable().describe("the named contact person at the host"),
  introduction: z
    .object({
      heldOn: calendarDate,
      attendees: z.string(),
      clientVerdict: z.enum(INTRODUCTION_VERDICTS),
      hostVerdict: z.enum(INTRODUCTION_VERDICTS),
      note: z.string().nullable(),
    })
    .nullable(),
  begun: z.boolean().describe("the placement runs: it is active and its start date has come"),
  hostCheckIn: z
    .object({
      dueOn: calendarDate.describe("four weeks after the start"),
      heldOn: calendarDate.nullable(),
      note: z.string().nullable(),
    })
    .nullable()
    .describe("null until the placement has a start date"),
});

/** Travel costs or other costs the volunteer makes. */
export const EXPENSE_KINDS = ["travel", "other"] as const;
export type ExpenseKind = (typeof EXPENSE_KINDS)[number];

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "A month as YYYY-MM" });
/** An amount in euros, to the cent. */
const euros = (max: number) => measure(max).describe("in euros, at most two decimals");

/** Body of `POST /placements/{id}/expenses`: an expense allowance for one month. */
export const expenseInput = z.object({
  kind: z.enum(EXPENSE_KINDS),
  period: yearMonth.describe("the month it covers, YYYY-MM"),
  amount: euros(10000).refine((v) => v > 0, { message: "More than zero", params: { code: "notPositive" } }),
  description: z.string().trim().max(500).nullish(),
  paidOn: calendarDate.nullish().describe("when it was paid; empty while not paid"),
});
export type ExpenseInput = z.infer<typeof expenseInput>;

/** Body of `POST /placements/{id}/expense-payments`: one recorded allowance is paid. */
export const expensePaymentInput = z.object({ expenseId: z.uuid(), paidOn: calendarDate });

export const EXPENSE_LIST_ACTIONS = ["record"] as const;
export const EXPENSE_ACTIONS = ["markPaid"] as const;

export const expenseOutput = z.object({
  id: z.uuid(),
  kind: z.enum(EXPENSE_KINDS),
  period: z.string(),
  amount: z.number(),
  description: z.string().nullable(),
  paidOn: calendarDate.nullable(),
  createdAt: timestamp,
  abilities: abilitiesOf(EXPENSE_ACTIONS),
});

export const allowanceLimitsOutput = z.object({
  year: z.number().int(),
  hourlyAmount: z.number(),
  monthlyAmount: z.number(),
  yearlyAmount: z.number(),
  source: z.string(),
  updatedAt: timestamp,
});
export type AllowanceLimitsOutput = z.infer<typeof allowanceLimitsOutput>;

/** `GET /placements/{id}/expenses`: the placement's allowances, newest month first, and the limits of the years they fall in. */
export const expenseList = z.object({
  items: z.array(expenseOutput),
  limits: z.array(allowanceLimitsOutput),
  abilities: abilitiesOf(EXPENSE_LIST_ACTIONS),
});

/** Body of `PUT /volunteer-allowance-limits`: the tax-free limits of one year. */
export const allowanceLimitsInput = z.object({
  year: z.number().int().min(2000).max(2100),
  hourlyAmount: euros(100),
  monthlyAmount: euros(10000),
  yearlyAmount: euros(100000),
  source: z.string().trim().min(1).max(500).describe("where the amounts come from, e.g. the Belastingdienst's page of that year"),
});
export const allowanceLimitsList = z.object({ items: z.array(allowanceLimitsOutput) });

/** Body of `POST /organisations/{id}/municipal-support`: guidance hours the municipality buys for the organisation. */
export const municipalSupportInput = z
  .object({
    hoursPerWeek: measure(100).refine((v) => v > 0, { message: "More than zero", params: { code: "notPositive" } }),
    startsOn: calendarDate,
    endsOn: calendarDate,
    description: z.string().trim().min(1).max(1000).describe("what is bought, from whom"),
  })
  .refine((v) => v.endsOn >= v.startsOn, { message: "Ends on or after its start", path: ["endsOn"], params: { code: "endsBeforeStart" } });

export const municipalSupportOutput = z.object({
  id: z.uuid(),
  hoursPerWeek: z.number(),
  startsOn: calendarDate,
  endsOn: calendarDate,
  description: z.string(),
  current: z.boolean().describe("in force today: it counts in the guidance supply"),
  createdAt: timestamp,
});
export const MUNICIPAL_SUPPORT_ACTIONS = ["record"] as const;
export const municipalSupportList = z.object({
  organisationId: z.uuid(),
  declaredHoursPerWeek: z.number().describe("the guidance hours a week the organisation itself offers"),
  supportHoursPerWeek: z.number().describe("the municipality's bought hours in force today"),
  items: z.array(municipalSupportOutput),
  abilities: abilitiesOf(MUNICIPAL_SUPPORT_ACTIONS),
});

/** `GET /organisation-outcomes`: per organisation, the clients' ratings next to the endings by attribution. */
export const organisationOutcome = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  placementsStarted: z.number().int(),
  endings: z.object({
    client: z.number().int(),
    organisation: z.number().int(),
    health: z.number().int(),
    caregiving: z.number().int(),
    none: z.number().int(),
    undetermined: z.number().int(),
  }),
  feedbackCount: z.number().int(),
  averageRating: z.number().nullable(),
  lowRatings: z.number().int().describe("ratings of 1 or 2"),
  leavingSignal: z.boolean().describe("endings attributed to the organisation are many: see organisationLeavingSignal"),
});
export const organisationOutcomes = z.object({ items: z.array(organisationOutcome) });
export type OrganisationOutcome = z.infer<typeof organisationOutcome>;
