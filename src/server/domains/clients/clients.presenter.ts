import type { Actor } from "@server/auth/actor.js";
import { jsonStringList, parseJsonColumn } from "@server/db/json.js";
import type { ClientRow } from "@server/db/schema.js";
import type { WorkLimits } from "@shared/capacity.js";
import { wholeYearsBetween } from "@shared/dates.js";
import { type EDUCATION_LEVELS, type HOUSEHOLD_SITUATIONS, LONG_TERM_COHORT_YEARS } from "@shared/enums.js";
import type { ClientOutput, ClientSummaryOutput } from "@shared/schemas/clients.js";
import type { HostClientProfile } from "@shared/schemas/placements.js";
import { functionalLimitsOf } from "../plans/capacity.js";
import { clientAbilities } from "./clients.policy.js";
import { hasBenefitEnded, hasReachedStatePensionAge, type StatePensionAge, statePensionDate } from "./clients.rules.js";

type Household = (typeof HOUSEHOLD_SITUATIONS)[number];
type Education = (typeof EDUCATION_LEVELS)[number];

/** The facts of the registry a client's record shows beside its row: the state pension age table and the partners in scope. */
export interface RegistryFacts {
  pensionAges: readonly StatePensionAge[];
  partners: readonly Pick<ClientRow, "id" | "given_name" | "family_name">[];
  /** Whether the caller can undo the recorded end of the benefit now (`mayUndoBenefitEnd`). */
  benefitEndUndoable: boolean;
}

/** Years on benefit, and whether that puts the client in the invitation cohort today (the rule of the cohort query). */
function benefitYears(row: ClientRow, today: string, pensionAges: readonly StatePensionAge[]) {
  const yearsOnBenefit = wholeYearsBetween(row.benefit_start_date, today);
  const longTermCohort =
    yearsOnBenefit >= LONG_TERM_COHORT_YEARS &&
    !hasBenefitEnded(row.benefit_end_date, today) &&
    !hasReachedStatePensionAge(row.birth_date, today, pensionAges);
  return { yearsOnBenefit, longTermCohort };
}

/** A caseload row: names, address and benefit duration; no BSN, nothing sensitive. */
export function presentClientSummary(row: ClientRow, today: string, pensionAges: readonly StatePensionAge[]): ClientSummaryOutput {
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    birthDate: row.birth_date,
    postcode: row.postcode,
    houseNumber: row.house_number,
    houseNumberAddition: row.house_number_addition,
    district: row.district,
    benefitStartDate: row.benefit_start_date,
    ...benefitYears(row, today, pensionAges),
    consultantId: row.consultant_id,
    benefitEndDate: row.benefit_end_date,
  };
}

/**
 * The full registry record, for the roles that may see it (consultant, team lead, admin, the client).
 * Every field is listed here: a new column stays private until it is added.
 */
export function presentClient(actor: Actor, row: ClientRow, today: string, registry: RegistryFacts): ClientOutput {
  return {
    ...presentClientSummary(row, today, registry.pensionAges),
    bsn: row.bsn,
    street: row.street,
    city: row.city,
    warnings: row.district === null ? ["districtUnknown"] : [],
    capacityHoursPerWeek: row.capacity_hours_per_week,
    capacityHoursPerDay: row.capacity_hours_per_day,
    capacityDaysPerWeek: row.capacity_days_per_week,
    functionalLimits: functionalLimitsOf(row.functional_limits),
    guidanceNeed: row.guidance_need,
    phone: row.phone,
    email: row.email,
    languages: parseJsonColumn(jsonStringList, row.languages),
    householdSituation: row.household_situation as Household,
    educationLevel: row.education_level as Education,
    benefitEndReason: row.benefit_end_reason,
    statePensionDate: statePensionDate(row.birth_date, registry.pensionAges),
    householdId: row.household_id,
    householdPartners: registry.partners.map((p) => ({ id: p.id, givenName: p.given_name, familyName: p.family_name })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    abilities: clientAbilities(actor, row, registry.benefitEndUndoable),
  };
}

/**
 * The need-to-know profile a host organisation sees of a referred or placed client: first name, availability,
 * hours, skills, languages, guidance need and the work-relevant limits (hours a day, days, functional limits). Never
 * BSN, birth date, address, health, debts, benefit, exemptions, sanctions, or where a limit comes from or why: those
 * fields are simply not listed here.
 */
export function presentHostClientProfile(
  row: ClientRow,
  context: { hoursPerWeek: number | null; availability: string[]; skills: string[]; workLimits: WorkLimits },
): HostClientProfile {
  return {
    id: row.id,
    givenName: row.given_name,
    availability: context.availability,
    hoursPerWeek: context.hoursPerWeek,
    skills: context.skills,
    languages: parseJsonColumn(jsonStringList, row.languages),
    guidanceNeed: row.guidance_need,
    workLimits: {
      hoursPerDay: context.workLimits.hoursPerDay,
      daysPerWeek: context.workLimits.daysPerWeek,
      functionalLimits: context.workLimits.functionalLimits,
    },
  };
}
