import type { EducationLevel } from "./enums.js";

/**
 * What work can ask of a body and a mind, in plain categories. A client's functional limit says they cannot bear it
 * (from the intake or a physician's advice, never a diagnosis); a role's demand says the work asks it. One list for
 * both sides, so a limit and a demand meet by name.
 */
export const FUNCTIONAL_LIMITS = ["heavyLifting", "standingLong", "nightWork", "heightsOrMachines", "breaks", "concentration"] as const;
export type FunctionalLimit = (typeof FUNCTIONAL_LIMITS)[number];

/** The guidance a client needs at a host organisation, and a role offers (set at the intake). */
export const GUIDANCE_LEVELS = ["light", "regular", "intensive"] as const;
export type GuidanceLevel = (typeof GUIDANCE_LEVELS)[number];

/** The education a role fits: none asked, basic, secondary (vmbo, havo, vwo), vocational (mbo), higher (hbo, wo). */
export const ROLE_EDUCATION_LEVELS = ["none", "basic", "secondary", "vocational", "higher"] as const;
export type RoleEducationLevel = (typeof ROLE_EDUCATION_LEVELS)[number];

/** A client's highest completed education on the roles' scale; null when it is not known. */
export function roleEducationOf(level: EducationLevel): RoleEducationLevel | null {
  switch (level) {
    case "none":
      return "none";
    case "primary":
      return "basic";
    case "secondaryVocational":
    case "secondaryGeneral":
      return "secondary";
    case "vocational":
      return "vocational";
    case "higherProfessional":
    case "university":
      return "higher";
    default:
      return null;
  }
}

/** The place of a level on the roles' scale, 0 (none) to 4 (higher). */
export function educationRank(level: RoleEducationLevel): number {
  return ROLE_EDUCATION_LEVELS.indexOf(level);
}

/** What a client can bear at work; null where nothing limits it. */
export interface WorkLimits {
  hoursPerDay: number | null;
  daysPerWeek: number | null;
  functionalLimits: FunctionalLimit[];
}

/** What work asks: its longest day, its days a week and its demands. */
export interface WorkDemands {
  longestDayHours: number;
  daysPerWeek: number;
  demands: readonly FunctionalLimit[];
}

const lower = (a: number | null, b: number | null | undefined): number | null =>
  a === null ? (b ?? null) : b === null || b === undefined ? a : Math.min(a, b);

/** The strictest of several sources (the intake, a physician's advice): the lowest hours and days, every limit of each. */
export function strictestLimits(sources: readonly Partial<WorkLimits>[]): WorkLimits {
  let hoursPerDay: number | null = null;
  let daysPerWeek: number | null = null;
  const limits = new Set<FunctionalLimit>();
  for (const source of sources) {
    hoursPerDay = lower(hoursPerDay, source.hoursPerDay);
    daysPerWeek = lower(daysPerWeek, source.daysPerWeek);
    for (const limit of source.functionalLimits ?? []) limits.add(limit);
  }
  return { hoursPerDay, daysPerWeek, functionalLimits: FUNCTIONAL_LIMITS.filter((l) => limits.has(l)) };
}

/** What of a piece of work a client's limits refuse: above the day, above the days, and the demands they cannot bear. */
export interface BrokenLimits {
  aboveDailyLimit: boolean;
  aboveDaysLimit: boolean;
  functionalLimits: FunctionalLimit[];
}

/** Which of the client's limits the work breaks; nothing when it fits. */
export function limitsBrokenBy(limits: WorkLimits, work: WorkDemands): BrokenLimits {
  return {
    aboveDailyLimit: limits.hoursPerDay !== null && work.longestDayHours > limits.hoursPerDay + 1e-9,
    aboveDaysLimit: limits.daysPerWeek !== null && work.daysPerWeek > limits.daysPerWeek,
    functionalLimits: limits.functionalLimits.filter((l) => work.demands.includes(l)),
  };
}

/** Whether the work breaks any of the client's limits. */
export function breaksAnyLimit(broken: BrokenLimits): boolean {
  return broken.aboveDailyLimit || broken.aboveDaysLimit || broken.functionalLimits.length > 0;
}

/** A role's demands with night work added when the role is done at night, so the two never disagree. */
export function demandsOfRole(demands: readonly FunctionalLimit[], atNight: boolean): FunctionalLimit[] {
  const set = new Set(demands);
  if (atNight) set.add("nightWork");
  return FUNCTIONAL_LIMITS.filter((d) => set.has(d));
}
