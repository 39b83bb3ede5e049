import { type IntakeInput, LIFE_DOMAINS, type LifeDomain, WEEKDAY_PARTS } from "@shared/schemas/intakes.js";
import { toList, toNumber, toOptionalText } from "@web/components/formValues.js";
import { CAPACITY_LIMIT_FIELDS, type CapacityLimitValues, toCapacityLimits } from "../capacity/CapacityLimitFields.js";

/** The intake form's controls, in order; score controls are named `scores.<domain>` like the server's errors. */
export const INTAKE_FIELDS = [
  "heldOn",
  "appointmentId",
  ...LIFE_DOMAINS.map((domain) => `scores.${domain}`),
  "caringDuties",
  "educationHistory",
  "workHistory",
  "interests",
  "skills",
  "wishes",
  "availability",
  "travelRadiusKm",
  "capacityHoursPerWeek",
  ...CAPACITY_LIMIT_FIELDS,
  "ladderRung",
  "growthRung",
  "healthNotes",
  "notes",
] as const;

export const SCORES = ["1", "2", "3", "4", "5"] as const;
export const RUNGS = ["1", "2", "3", "4", "5", "6"] as const;
export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const DAY_PARTS = ["am", "pm", "eve"] as const;

/** What the intake form holds. */
export interface IntakeValues extends CapacityLimitValues {
  wishes: string;
  heldOn: string;
  appointmentId: string;
  scores: Partial<Record<LifeDomain, string>>;
  caringDuties: string;
  educationHistory: string;
  workHistory: string;
  interests: string;
  skills: string;
  availability: string[];
  travelRadiusKm: string;
  capacityHoursPerWeek: string;
  ladderRung: string;
  growthRung: string;
  healthNotes: string;
  notes: string;
}

/** A blank intake held today, in the current capacity when one was assessed before. */
export function emptyIntakeValues(today: string, capacity: string): IntakeValues {
  return {
    heldOn: today,
    appointmentId: "",
    scores: {},
    caringDuties: "",
    educationHistory: "",
    workHistory: "",
    interests: "",
    skills: "",
    availability: [],
    travelRadiusKm: "",
    capacityHoursPerWeek: capacity,
    capacityHoursPerDay: "",
    capacityDaysPerWeek: "",
    functionalLimits: [],
    guidanceNeed: "regular",
    wishes: "",
    ladderRung: "",
    growthRung: "",
    healthNotes: "",
    notes: "",
  };
}

const numberOrText = (text: string) => (text.trim() === "" ? undefined : toNumber(text));

/** The body of `POST /clients/{id}/intakes`. Missing answers are left out, so the server names each one. */
export function toIntakeInput(values: IntakeValues): IntakeInput {
  const scores = Object.fromEntries(Object.entries(values.scores).map(([domain, score]) => [domain, Number(score)]));
  return {
    heldOn: values.heldOn,
    appointmentId: values.appointmentId || null,
    scores,
    caringDuties: toOptionalText(values.caringDuties),
    educationHistory: toOptionalText(values.educationHistory),
    workHistory: toOptionalText(values.workHistory),
    interests: toList(values.interests),
    skills: toList(values.skills),
    // In the week's order, not the order of clicking.
    availability: WEEKDAY_PARTS.filter((part) => values.availability.includes(part)),
    travelRadiusKm: numberOrText(values.travelRadiusKm),
    capacityHoursPerWeek: numberOrText(values.capacityHoursPerWeek),
    ...toCapacityLimits(values),
    wishes: toList(values.wishes),
    ladderRung: values.ladderRung ? Number(values.ladderRung) : undefined,
    growthRung: values.growthRung ? Number(values.growthRung) : undefined,
    healthNotes: toOptionalText(values.healthNotes),
    notes: toOptionalText(values.notes),
  } as unknown as IntakeInput;
}
