import { z } from "zod";
import { FUNCTIONAL_LIMITS, GUIDANCE_LEVELS } from "../capacity.js";
import { capacityLimitFields } from "./capacity.js";
import { calendarDate, measure, timestamp } from "./common.js";

/** The eight life domains scored at intake, 1 (acute problem) to 5 (fully self-reliant). */
export const LIFE_DOMAINS = [
  "incomeDebts",
  "dailyActivities",
  "housing",
  "physicalHealth",
  "mentalHealth",
  "addiction",
  "socialNetwork",
  "language",
] as const;
export type LifeDomain = (typeof LIFE_DOMAINS)[number];

/** Domains that are sensitive: shown and audited as such, never sent to host organisations. */
export const SENSITIVE_DOMAINS: readonly LifeDomain[] = ["incomeDebts", "physicalHealth", "mentalHealth", "addiction"];

/** Weekday parts a client can be available in, e.g. `mon-am`. */
export const WEEKDAY_PARTS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].flatMap((d) => [`${d}-am`, `${d}-pm`, `${d}-eve`]) as [
  string,
  ...string[],
];

/** The participation ladder's rungs (Regioplan): 1 isolated … 6 paid work. */
export const LADDER_RUNGS = [1, 2, 3, 4, 5, 6] as const;

const score = z.number().int().min(1).max(5);
const rung = z.number().int().min(1).max(6);
const shortText = z.string().trim().max(2000).nullish();

/** Body of `POST /clients/{id}/intakes`. */
export const intakeInput = z
  .object({
    heldOn: calendarDate,
    appointmentId: z.uuid().nullish(),
    scores: z.object(Object.fromEntries(LIFE_DOMAINS.map((d) => [d, score])) as Record<LifeDomain, typeof score>),
    caringDuties: shortText.describe("who the client cares for and how much (relation, not identity)"),
    educationHistory: shortText,
    workHistory: shortText,
    interests: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
    skills: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
    availability: z.array(z.enum(WEEKDAY_PARTS)).max(21).default([]),
    travelRadiusKm: z.number().int().min(0).max(100),
    capacityHoursPerWeek: measure(40).describe("the consultant's assessment of what the client can do"),
    ...capacityLimitFields,
    guidanceNeed: z.enum(GUIDANCE_LEVELS).default("regular").describe("the guidance the client needs at a host organisation"),
    wishes: z
      .array(z.string().trim().min(1).max(60))
      .max(20)
      .default([])
      .describe("what the client would like to do, in their own words (e.g. koken, dieren)"),
    ladderRung: rung,
    growthRung: rung.describe("where the client could be in a year"),
    healthNotes: shortText.describe("sensitive"),
    notes: shortText,
  })
  .refine((v) => v.growthRung >= v.ladderRung, {
    message: "Growth potential cannot be below the current rung",
    path: ["growthRung"],
    params: { code: "growthBelowRung" },
  });
export type IntakeInput = z.infer<typeof intakeInput>;

export const intakeOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  consultantId: z.uuid(),
  heldOn: calendarDate,
  appointmentId: z.uuid().nullable(),
  scores: z.record(z.string(), z.number().int()),
  caringDuties: z.string().nullable(),
  educationHistory: z.string().nullable(),
  workHistory: z.string().nullable(),
  interests: z.array(z.string()),
  skills: z.array(z.string()),
  availability: z.array(z.string()),
  travelRadiusKm: z.number().int(),
  capacityHoursPerWeek: z.number(),
  capacityHoursPerDay: z.number().nullable(),
  capacityDaysPerWeek: z.number().int().nullable(),
  functionalLimits: z.array(z.enum(FUNCTIONAL_LIMITS)),
  guidanceNeed: z.enum(GUIDANCE_LEVELS),
  wishes: z.array(z.string()),
  ladderRung: z.number().int(),
  growthRung: z.number().int(),
  healthNotes: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: timestamp,
});
export const intakeList = z.object({ items: z.array(intakeOutput) });

/** Where a ladder assessment was recorded. */
export const LADDER_SOURCES = ["intake", "checkIn"] as const;
export type LadderSource = (typeof LADDER_SOURCES)[number];

export const ladderAssessmentOutput = z.object({
  id: z.uuid(),
  rung: z.number().int(),
  growthRung: z.number().int().nullable(),
  assessedOn: calendarDate,
  assessorId: z.uuid().nullable(),
  assessorName: z.string().nullable(),
  source: z.enum(LADDER_SOURCES),
});
export const ladderHistory = z.object({ items: z.array(ladderAssessmentOutput) });
