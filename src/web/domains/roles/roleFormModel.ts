import type { RoleCreateInput } from "@shared/schemas/roles.js";
import { toList, toNumber } from "@web/components/formValues.js";
import { EMPTY_ROLE_DEMANDS, ROLE_DEMAND_FIELDS, type RoleDemandValues, toRoleDemands } from "../capacity/RoleDemandFields.js";

/** The five displacement questions, in the order the form asks them. */
export const DISPLACEMENT_QUESTIONS = [
  "paidInLastThreeYears",
  "doneByPaidStaffElsewhere",
  "wouldOtherwiseBePaid",
  "partOfPaidService",
  "recentStaffCuts",
] as const;
type Question = (typeof DISPLACEMENT_QUESTIONS)[number];

/** The role form as typed: text for every box, "yes"/"no"/"" for each question. */
export interface RoleValues extends RoleDemandValues {
  organisationId: string;
  organisationLabel: string | null;
  title: string;
  description: string;
  minHoursPerWeek: string;
  hoursPerWeek: string;
  weekdayParts: string[];
  skills: string;
  dutchLevel: string;
  physicalDemands: string;
  guidanceLevel: string;
  places: string;
  sector: string;
  /** "yes" or "no". */
  atNight: string;
  startDate: string;
  endDate: string;
  answers: Record<Question, string>;
}

/** Form controls the server's field errors can point at. */
export const ROLE_FIELDS = [
  "organisationId",
  "title",
  "description",
  "minHoursPerWeek",
  "hoursPerWeek",
  "weekdayParts",
  "skills",
  "dutchLevel",
  "physicalDemands",
  "guidanceLevel",
  "places",
  "sector",
  "atNight",
  ...ROLE_DEMAND_FIELDS,
  "startDate",
  "endDate",
  ...DISPLACEMENT_QUESTIONS.map((q) => `displacementCheck.${q}`),
] as const;

/** An empty form; a host's organisation is fixed. */
export function emptyRoleValues(organisationId: string | undefined): RoleValues {
  return {
    organisationId: organisationId ?? "",
    organisationLabel: null,
    title: "",
    description: "",
    minHoursPerWeek: "",
    hoursPerWeek: "",
    weekdayParts: [],
    skills: "",
    dutchLevel: "A2",
    physicalDemands: "light",
    guidanceLevel: "",
    places: "1",
    sector: "other",
    atNight: "no",
    ...EMPTY_ROLE_DEMANDS,
    startDate: "",
    endDate: "",
    answers: {
      paidInLastThreeYears: "",
      doneByPaidStaffElsewhere: "",
      wouldOtherwiseBePaid: "",
      partOfPaidService: "",
      recentStaffCuts: "",
    },
  };
}

function answer(value: string): boolean | undefined {
  if (value === "yes") return true;
  return value === "no" ? false : undefined;
}

/** The body for `POST /roles`; unanswered questions are left out so the server names them. */
export function toRoleInput(values: RoleValues): RoleCreateInput {
  const check = Object.fromEntries(DISPLACEMENT_QUESTIONS.map((q) => [q, answer(values.answers[q])]));
  return {
    organisationId: values.organisationId,
    title: values.title,
    description: values.description,
    minHoursPerWeek: values.minHoursPerWeek.trim() === "" ? undefined : toNumber(values.minHoursPerWeek),
    hoursPerWeek: toNumber(values.hoursPerWeek),
    weekdayParts: values.weekdayParts,
    skills: toList(values.skills),
    dutchLevel: values.dutchLevel,
    physicalDemands: values.physicalDemands,
    guidanceLevel: values.guidanceLevel || undefined,
    places: toNumber(values.places),
    sector: values.sector,
    atNight: answer(values.atNight),
    ...toRoleDemands(values),
    startDate: values.startDate || undefined,
    endDate: values.endDate || undefined,
    displacementCheck: check,
  } as unknown as RoleCreateInput;
}
