import type { Actor } from "@server/auth/actor.js";
import { conflict, forbidden, invalidField } from "@server/http/errors.js";
import {
  type BrokenLimits,
  educationRank,
  type FunctionalLimit,
  limitsBrokenBy,
  type RoleEducationLevel,
  type WorkLimits,
} from "@shared/capacity.js";
import { DISTRICTS } from "@shared/districts.js";
import { distanceKm, type LatLon } from "@shared/geo.js";
import type { MatchConstraint, MatchReason, ShortfallCause, SuggestionsOutput } from "@shared/schemas/matching.js";
import { DUTCH_LEVELS, GUIDANCE_LEVELS, type GuidanceLevel } from "@shared/schemas/roles.js";

/** What matching needs to know of a client: from the registry, the latest intake and the capacity rules. */
export interface ClientProfile {
  id: string;
  district: string | null;
  point: LatLon | null;
  guidanceNeed: GuidanceLevel;
  /** Hours a week still free within capacity and the ordinance's norm; null when capacity is not assessed. */
  capacityLeft: number | null;
  travelRadiusKm: number;
  availability: string[];
  interests: string[];
  /** What the client can do from experience (the intake's skills) and would like to do (their own wishes). */
  skills: string[];
  wishes: string[];
  /** Highest completed education on the roles' scale; null when unknown. */
  education: RoleEducationLevel | null;
  /** Hours a day, days a week and functional limits in force: the strictest of the intake and a physician's advice. */
  limits: WorkLimits;
  /** Index in DUTCH_LEVELS, from the intake's language score. */
  dutchLevel: number;
  /** Organisations where a placement ended in the past year through the organisation or a poor fit. */
  avoidOrganisations: Set<string>;
  /** Roles the client is already referred to or placed in. */
  openRoles: Set<string>;
}

/** An open role: approved, not suspended by a complaint, running today, with a free place. */
export interface RoleOffer {
  id: string;
  title: string;
  description: string;
  organisationId: string;
  organisationName: string;
  postcode: string;
  point: LatLon | null;
  minHoursPerWeek: number;
  hoursPerWeek: number;
  weekdayParts: string[];
  dutchLevel: number;
  guidanceLevel: GuidanceLevel;
  freePlaces: number;
  acceptsLimitedDutch: boolean;
  /** Guidance hours a week the organisation has left after its accepted and active placements. */
  guidanceHoursLeft: number;
  /** The most hours on one day, the days a week it asks at least, and what it asks of body and mind. */
  longestDayHours: number;
  daysPerWeek: number;
  demands: FunctionalLimit[];
  skills: string[];
  educationLevel: RoleEducationLevel;
}

export interface Evaluation {
  /** Every hard constraint the role fails for this client, in the order checked; empty when it fits. */
  failures: MatchConstraint[];
  distanceKm: number | null;
  /** Hours to propose: the role's, or the client's capacity left when that is less. */
  hours: number;
  /** Lower is better; integer, the quantity the city-wide plan minimises. */
  cost: number;
  reasons: MatchReason[];
  /** The client's limits the role breaks (its day, its days, its demands). */
  broken: BrokenLimits;
}

/** The hard constraints that are the client's limits beyond hours a week. */
export const LIMIT_CONSTRAINTS: readonly MatchConstraint[] = ["dailyHours", "days", "functionalLimit"];

/** Whether a role is within reach in every way but the client's limits: then it is shown as not offered, with why. */
export function ruledOutByLimitsAlone(failures: readonly MatchConstraint[]): boolean {
  return failures.length > 0 && failures.every((f) => LIMIT_CONSTRAINTS.includes(f));
}

/** The intake's language score (1 … 5) as the Dutch level a role can ask: 1 none, 2 A1, 3 A2, 4 B1, 5 B2. */
export function dutchLevelOfScore(score: number): number {
  return Math.max(0, Math.min(DUTCH_LEVELS.length - 1, score - 1));
}

/** Words in a role's title or description that show an interest; the interest itself always counts. */
const INTEREST_WORDS: Record<string, string[]> = {
  koken: ["keuken", "maaltijd", "kok"],
  techniek: ["repar", "klus", "techn"],
  ouderen: ["bewoner", "senior"],
  sport: ["training", "sport"],
};

function matchingInterest(client: ClientProfile, text: string): string | null {
  for (const interest of client.interests) {
    const words = [interest.toLowerCase(), ...(INTEREST_WORDS[interest.toLowerCase()] ?? [])];
    if (words.some((word) => text.includes(word))) return interest;
  }
  return null;
}

/** The first of the client's words (skills, wishes) that the role's text or skills name; null when none does. */
function firstNamed(words: readonly string[], text: string, roleSkills: readonly string[]): string | null {
  for (const word of words) {
    const lower = word.toLowerCase();
    if (text.includes(lower) || roleSkills.some((s) => s.toLowerCase().includes(lower) || lower.includes(s.toLowerCase()))) return word;
  }
  return null;
}

/**
 * Cost weights: 100 m of travel is 1; a spare hour 2; each guidance level above the need 15; no shared interest 25;
 * none of the client's skills used 10 and none of their wishes met 15 (only when they named any); each education level
 * the role asks below the client's 15, above it 20.
 */
const WEIGHT = {
  spareHour: 2,
  guidanceAboveNeed: 15,
  noInterest: 25,
  noSkill: 10,
  noWish: 15,
  levelBelow: 15,
  levelAbove: 20,
} as const;

/** How a role's education level compares with the client's, as a reason and its cost; nothing when unknown. */
function educationFit(client: ClientProfile, role: RoleOffer): { cost: number; reason: MatchReason | null } {
  if (client.education === null) return { cost: 0, reason: null };
  const gap = educationRank(role.educationLevel) - educationRank(client.education);
  if (gap === 0) return { cost: 0, reason: { code: "education", level: role.educationLevel } };
  if (gap < 0)
    return {
      cost: -gap * WEIGHT.levelBelow,
      reason: { code: "belowEducation", level: role.educationLevel, clientLevel: client.education },
    };
  return { cost: gap * WEIGHT.levelAbove, reason: { code: "aboveEducation", level: role.educationLevel, clientLevel: client.education } };
}

/**
 * Checks a role against a client's hard constraints and prices the fit. The hard constraints: the client has
 * not left this organisation through the organisation or a poor fit in the past year; the role lies within
 * the travel radius; its minimum hours fit the capacity left; it offers at least the guidance needed and the
 * organisation still has the guidance hours; its weekday parts meet the client's availability (either side
 * unrecorded counts as flexible); the client's Dutch is at the role's level (one below where the organisation
 * welcomes limited Dutch); and the role's longest day, days and demands fit the client's limits. The price adds the
 * soft terms: distance, spare hours, guidance above the need, interests, skills, wishes and education, each a reason.
 */
export function evaluate(client: ClientProfile, role: RoleOffer, guidanceHoursPerLevel: Record<GuidanceLevel, number>): Evaluation {
  const failures: MatchConstraint[] = [];
  if (client.avoidOrganisations.has(role.organisationId)) failures.push("history");
  const km = client.point && role.point ? distanceKm(client.point, role.point) : null;
  if (km === null || km > client.travelRadiusKm) failures.push("distance");
  const left = client.capacityLeft ?? 0;
  if (role.minHoursPerWeek > left + 1e-9) failures.push("hours");
  const need = GUIDANCE_LEVELS.indexOf(client.guidanceNeed);
  const offered = GUIDANCE_LEVELS.indexOf(role.guidanceLevel);
  if (offered < need || role.guidanceHoursLeft + 1e-9 < guidanceHoursPerLevel[client.guidanceNeed]) failures.push("guidance");
  const shared =
    client.availability.length && role.weekdayParts.length ? role.weekdayParts.filter((p) => client.availability.includes(p)) : null;
  if (shared && shared.length === 0) failures.push("weekdays");
  const languageOk = client.dutchLevel >= role.dutchLevel || (role.acceptsLimitedDutch && client.dutchLevel === role.dutchLevel - 1);
  if (!languageOk) failures.push("language");
  const broken = limitsBrokenBy(client.limits, role);
  if (broken.aboveDailyLimit) failures.push("dailyHours");
  if (broken.aboveDaysLimit) failures.push("days");
  if (broken.functionalLimits.length > 0) failures.push("functionalLimit");

  const hours = Math.max(role.minHoursPerWeek, Math.min(role.hoursPerWeek, left));
  const text = `${role.title} ${role.description}`.toLowerCase();
  const interest = matchingInterest(client, text);
  const skill = firstNamed(client.skills, text, role.skills);
  const wish = firstNamed(client.wishes, text, role.skills);
  const education = educationFit(client, role);
  const cost =
    Math.round((km ?? 0) * 10) +
    Math.round(Math.max(0, left - hours) * WEIGHT.spareHour) +
    Math.max(0, offered - need) * WEIGHT.guidanceAboveNeed +
    (interest ? 0 : WEIGHT.noInterest) +
    (skill || client.skills.length === 0 ? 0 : WEIGHT.noSkill) +
    (wish || client.wishes.length === 0 ? 0 : WEIGHT.noWish) +
    education.cost;
  const reasons: MatchReason[] = [];
  if (km !== null) reasons.push({ code: "distance", km: Math.round(km * 10) / 10 });
  reasons.push({ code: "fitsHours", hours, capacityLeft: left });
  if (wish) reasons.push({ code: "wish", wish });
  if (skill) reasons.push({ code: "skill", skill });
  if (education.reason) reasons.push(education.reason);
  if (interest) reasons.push({ code: "interest", interest });
  const level = DUTCH_LEVELS[role.dutchLevel];
  if (client.dutchLevel >= role.dutchLevel && level) reasons.push({ code: "dutchLevel", level });
  else reasons.push({ code: "limitedDutchWelcome" });
  reasons.push({ code: "guidance", level: role.guidanceLevel });
  if (shared?.length) reasons.push({ code: "weekdays", parts: shared });
  return { failures, distanceKm: km, hours, cost, reasons, broken };
}

/** A cost as a score out of 100 (100 the best possible fit), for people rather than solvers. */
export function scoreOf(cost: number): number {
  return Math.max(0, Math.min(100, 100 - Math.round(cost / 4)));
}

/** The shortfall cause each of the client's limits (LIMIT_CONSTRAINTS) is counted under: named as its refusal. */
const LIMIT_CAUSES: Partial<Record<MatchConstraint, ShortfallCause>> = {
  dailyHours: "aboveDailyLimit",
  days: "aboveDaysLimit",
  functionalLimit: "functionalLimit",
};

/**
 * The one constraint that keeps an otherwise fitting role from a client, or null when more than one does. A role
 * that only the client's limits rule out (a long day and heavy lifting, say) is kept away by the first of them: the
 * limits are the client's, and lifting one of them is what it would take to open the role.
 */
export function constraintKeepingRole(failures: readonly MatchConstraint[]): MatchConstraint | null {
  const [first] = failures;
  if (first === undefined) return null;
  return failures.length === 1 || ruledOutByLimitsAlone(failures) ? first : null;
}

/**
 * Why a client without any fitting role stays unplaced: the constraint that, lifted alone, would open the most
 * roles — of the open ones, or, for places, of the full ones that fit in every other way. The client's limits count
 * by name (aboveDailyLimit, aboveDaysLimit, functionalLimit), never as "other".
 */
export function causeWithoutRoles(onlyFailure: Map<MatchConstraint, number>, fullButFitting: number): ShortfallCause {
  const candidates: [ShortfallCause, number][] = [
    ["places", fullButFitting],
    ["distance", onlyFailure.get("distance") ?? 0],
    ["hours", onlyFailure.get("hours") ?? 0],
    ["guidance", onlyFailure.get("guidance") ?? 0],
  ];
  for (const [constraint, cause] of Object.entries(LIMIT_CAUSES) as [MatchConstraint, ShortfallCause][])
    candidates.push([cause, onlyFailure.get(constraint) ?? 0]);
  const [cause, count] = candidates.reduce((best, next) => (next[1] > best[1] ? next : best));
  return count > 0 ? cause : "other";
}

/** Why a client gets no suggestions at all, before any role is looked at; null when roles can be looked at. */
export function suggestionsBlockedBy(profile: ClientProfile | undefined): SuggestionsOutput["blockedBy"] {
  if (!profile) return "noIntake";
  if (profile.capacityLeft === null) return "capacityNotAssessed";
  if (profile.capacityLeft <= 0) return "noCapacityLeft";
  if (!profile.point) return "postcodeUnknown";
  return null;
}

/** A plan covers one of the municipality's districts, or (null) the whole city. */
export function assertPlanDistrictKnown(district: string | null): void {
  if (district !== null && !DISTRICTS.includes(district)) throw invalidField("district", "unknownDistrict", "No such district");
}

/** A team lead plans for the districts of their team only; the whole city is planned by an administrator. */
export function assertMayPlanFor(actor: Pick<Actor, "role" | "districts">, district: string | null): void {
  if (actor.role === "teamLead" && (district === null || !actor.districts.includes(district))) {
    throw forbidden(
      "districtOutOfScope",
      "A team lead plans for the districts of their team; the whole city is planned by an administrator.",
    );
  }
}

/** One plan at a time: the solver takes the whole city's open places, so a second plan waits for the first. */
export function assertNoPlanInProgress(inProgress: { id: string } | undefined): void {
  if (inProgress) throw conflict("planRunning", "A placement plan is being made; start the next one when it is done.");
}

/** A plan still queued or running this many minutes after it was created was cut off (e.g. by a restart). */
export const STALE_PLAN_MINUTES = 15;

/** The moment before which a plan still in progress counts as cut off. */
export function stalePlanCutoff(now: Date): string {
  return new Date(now.getTime() - STALE_PLAN_MINUTES * 60_000).toISOString();
}

/** A proposal is decided once: followed or not followed, never both and never twice. */
export function assertProposalPending(proposal: { status: string }): void {
  if (proposal.status !== "pending") throw conflict("proposalDecided", `This proposal is ${proposal.status} already.`);
}
