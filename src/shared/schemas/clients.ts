import { z } from "zod";
import { FUNCTIONAL_LIMITS, GUIDANCE_LEVELS } from "../capacity.js";
import { BENEFIT_END_REASONS, EDUCATION_LEVELS, HOUSEHOLD_SITUATIONS } from "../enums.js";
import { isValidBsn, mayHoldBsn } from "../validation/bsn.js";
import { normalisePostcode } from "../validation/postcode.js";
import { abilitiesOf } from "./abilities.js";
import { capacityLimitFields } from "./capacity.js";
import { calendarDate, measure, pageOf, pageQuery, timestamp } from "./common.js";
import { householdPartner } from "./registry.js";

const name = z.string().trim().min(1).max(100);

const pastDate = calendarDate.refine((value) => value <= new Date().toISOString().slice(0, 10), {
  message: "Date lies in the future",
  params: { code: "dateInFuture" },
});

/** A BSN: nine digits passing the eleven-test. */
export const bsnSchema = z
  .string()
  .trim()
  .refine(isValidBsn, { message: "Not a valid BSN (nine digits passing the eleven-test)", params: { code: "invalidBsn" } });

/** A Dutch postcode, normalised to `1234 AB`. */
export const postcodeSchema = z
  .string()
  .refine((value) => normalisePostcode(value) !== null, {
    message: "Not a Dutch postcode (1234 AB)",
    params: { code: "invalidPostcode" },
  })
  // The refinement has already turned malformed postcodes away, so the fallback is never used.
  .transform((value) => normalisePostcode(value) ?? value);

const clientFields = {
  bsn: bsnSchema,
  givenName: name,
  familyName: name,
  birthDate: pastDate,
  postcode: postcodeSchema,
  houseNumber: z.number().int().min(1).max(99999),
  houseNumberAddition: z.string().trim().max(10).nullish(),
  street: z.string().trim().min(1).max(120).nullish(),
  city: z.string().trim().min(1).max(80).nullish(),
  benefitStartDate: pastDate,
  capacityHoursPerWeek: measure(40).nullish().describe("consultant's assessment; null until assessed"),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{8,20}$/, { message: "Not a phone number" })
    .nullish(),
  email: z.email().nullish(),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/, { message: "Use ISO 639 language codes" }))
    .max(12)
    .default([]),
  householdSituation: z.enum(HOUSEHOLD_SITUATIONS),
  educationLevel: z.enum(EDUCATION_LEVELS).default("unknown"),
  householdId: z.string().trim().min(1).max(40).nullish().describe("the benefits administration's household number; partners share it"),
};

/** Body of `POST /clients`. */
export const clientCreateInput = z.object(clientFields);
export type ClientCreateInput = z.infer<typeof clientCreateInput>;

/**
 * What the consultant may change of a client's capacity on the record (the intake sets it too): hours a day, days a
 * week, functional limits, and the guidance the client needs.
 */
const capacityUpdateFields = {
  capacityHoursPerDay: capacityLimitFields.capacityHoursPerDay,
  capacityDaysPerWeek: capacityLimitFields.capacityDaysPerWeek,
  functionalLimits: capacityLimitFields.functionalLimits.unwrap(),
  guidanceNeed: z.enum(GUIDANCE_LEVELS).describe("the guidance the client needs at a host organisation"),
};

/** Body of `PATCH /clients/{id}`: any subset of the fields. */
export const clientUpdateInput = z
  .object({
    ...clientFields,
    languages: clientFields.languages.unwrap(),
    educationLevel: clientFields.educationLevel.unwrap(),
    ...capacityUpdateFields,
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: "Nothing to change", params: { code: "emptyUpdate" } });
export type ClientUpdateInput = z.infer<typeof clientUpdateInput>;

/** A client as consultants, team leads, admins and the client themselves see it. */
/**
 * What the caller may do with a client's record: change or reassign it, read its audit trail, and open and act
 * in each part of it (appointments, letters, intake, plan, placements, suggestions, check-ins, ladder,
 * exemptions, sanctions, decisions, contributions).
 */
export const CLIENT_ACTIONS = [
  "edit",
  "reassign",
  "viewAuditTrail",
  "viewAppointments",
  "recordAppointment",
  "viewLetters",
  "recordLetterDelivery",
  "viewIntake",
  "recordIntake",
  "viewPlan",
  "addPlanStep",
  "viewPlacements",
  "proposePlacement",
  "viewSuggestions",
  "viewCheckIns",
  "recordCheckIn",
  "viewLadder",
  "viewExemptions",
  "proposeExemption",
  "requestExemption",
  "viewSanctions",
  "proposeSanction",
  "viewDecisions",
  "viewContributions",
  "formaliseContribution",
  "viewAccessLog",
  "viewStatusSummary",
  "exportData",
  "endBenefit",
  "undoBenefitEnd",
] as const;

export const clientOutput = z.object({
  id: z.uuid(),
  bsn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: calendarDate,
  postcode: z.string(),
  houseNumber: z.number().int(),
  houseNumberAddition: z.string().nullable(),
  street: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable().describe("derived from the postcode; null when outside the district table"),
  warnings: z.array(z.string()).describe("e.g. districtUnknown"),
  benefitStartDate: calendarDate,
  yearsOnBenefit: z.number().int(),
  longTermCohort: z
    .boolean()
    .describe("in the invitation cohort: on benefit for five years or more, the benefit not ended and below the state pension age"),
  capacityHoursPerWeek: z.number().nullable(),
  capacityHoursPerDay: z.number().nullable().describe("as assessed; a physician's advice may be stricter (see suggestions' limits)"),
  capacityDaysPerWeek: z.number().int().nullable(),
  functionalLimits: z.array(z.enum(FUNCTIONAL_LIMITS)),
  guidanceNeed: z.enum(GUIDANCE_LEVELS),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  languages: z.array(z.string()),
  householdSituation: z.enum(HOUSEHOLD_SITUATIONS),
  educationLevel: z.enum(EDUCATION_LEVELS),
  consultantId: z.uuid().nullable(),
  benefitEndDate: calendarDate.nullable().describe("the last day of the benefit, once the benefits administration ended it"),
  benefitEndReason: z.enum(BENEFIT_END_REASONS).nullable(),
  statePensionDate: calendarDate
    .nullable()
    .describe("the day the client reaches the state pension age (AOW), from the municipality's table"),
  householdId: z.string().nullable().describe("the benefits administration's household number; partners share it"),
  householdPartners: z.array(householdPartner).describe("the partners in the household whom the caller may see"),
  createdAt: timestamp,
  updatedAt: timestamp,
  abilities: abilitiesOf(CLIENT_ACTIONS),
});
export type ClientOutput = z.infer<typeof clientOutput>;

/** A caseload row: enough to find and open a client, no BSN. */
export const clientSummaryOutput = clientOutput.pick({
  id: true,
  givenName: true,
  familyName: true,
  birthDate: true,
  postcode: true,
  houseNumber: true,
  houseNumberAddition: true,
  district: true,
  benefitStartDate: true,
  yearsOnBenefit: true,
  longTermCohort: true,
  consultantId: true,
  benefitEndDate: true,
});
export type ClientSummaryOutput = z.infer<typeof clientSummaryOutput>;

export const CLIENT_SORTS = ["familyName", "-familyName", "benefitStartDate", "-benefitStartDate", "postcode", "-postcode"] as const;

const searchText = z.string().trim().max(100);
const district = z.string().max(60);
const flag = z.enum(["true", "false"]).transform((value) => value === "true");

/** Query of `GET /clients`: browsing the caseload. A BSN never goes in a URL, so `q` refuses one. */
export const clientListQuery = pageQuery.extend({
  q: searchText
    .refine((value) => !mayHoldBsn(value), {
      message: "Search by BSN with POST /api/v1/clients/_search: a URL ends up in logs",
      params: { code: "bsnInUrl" },
    })
    .optional()
    .describe("name or postcode; search by BSN with POST /clients/_search"),
  district: district.optional(),
  longTermCohort: flag.optional().describe("true: the invitation cohort, five years or more on benefit and not fully exempt today"),
  assignedToMe: flag.optional(),
  minYearsOnBenefit: z.coerce.number().int().min(0).max(60).optional(),
  invited: flag.optional().describe("whether the client ever got an intake invitation"),
  sort: z.enum(CLIENT_SORTS).default("familyName"),
});

/** Body of `POST /clients/_search`: the caseload filters of `GET /clients`, and a search text that may be a BSN. */
export const clientSearchInput = z.object({
  q: searchText.optional().describe("name, BSN or postcode"),
  district: district.optional(),
  longTermCohort: z.boolean().optional().describe("true: the invitation cohort, five years or more on benefit and not fully exempt today"),
  assignedToMe: z.boolean().optional(),
  minYearsOnBenefit: z.number().int().min(0).max(60).optional(),
  invited: z.boolean().optional().describe("whether the client ever got an intake invitation"),
  sort: z.enum(CLIENT_SORTS).default("familyName"),
  page: z.number().int().min(1).default(1).describe("1-based page number"),
  pageSize: z.number().int().min(1).max(200).default(25).describe("rows per page, at most 200"),
});
/** A caseload search as the service reads it, from either route. */
export type ClientSearch = z.infer<typeof clientSearchInput>;

export const clientPage = pageOf(clientSummaryOutput);

/**
 * Why an administrator opens a client's record: administrators see records only when their task needs it, and say
 * which task in every read (recorded in the audit log). Consultants, team leads, hosts and the client give none.
 */
export const ADMIN_ACCESS_REASONS = [
  "dataRequest",
  "complaintOrObjection",
  "correction",
  "incident",
  "supportRequest",
  "legalObligation",
] as const;
export type AdminAccessReason = (typeof ADMIN_ACCESS_REASONS)[number];

/** The query parameter every read of a client's record (`GET /clients/{id}` and what lies below it) accepts. */
export const accessReasonParam = {
  accessReason: z
    .enum(ADMIN_ACCESS_REASONS)
    .optional()
    .describe("administrators only, and required for them: the task that needs this client's record (recorded in the audit log)"),
};
