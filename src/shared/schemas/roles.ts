import { z } from "zod";
import { FUNCTIONAL_LIMITS, GUIDANCE_LEVELS, type GuidanceLevel, ROLE_EDUCATION_LEVELS } from "../capacity.js";
import { abilitiesOf } from "./abilities.js";
import { daysPerWeek, functionalLimitList, hoursPerDay } from "./capacity.js";
import { postcodeSchema } from "./clients.js";
import { calendarDate, measure, pageOf, pageQuery, timestamp } from "./common.js";
import { WEEKDAY_PARTS } from "./intakes.js";

export { GUIDANCE_LEVELS, type GuidanceLevel };
export const DUTCH_LEVELS = ["none", "A1", "A2", "B1", "B2"] as const;
export type DutchLevel = (typeof DUTCH_LEVELS)[number];
export const PHYSICAL_DEMANDS = ["light", "moderate", "heavy"] as const;
export type PhysicalDemand = (typeof PHYSICAL_DEMANDS)[number];
/**
 * The kind of work a role is. Care and cleaning are where volunteer work most often replaces paid work, so the
 * displacement check sends such a role to a reviewer.
 */
export const ROLE_SECTORS = [
  "care",
  "cleaning",
  "hospitality",
  "greenery",
  "administration",
  "retail",
  "logistics",
  "culture",
  "sport",
  "socialSupport",
  "other",
] as const;
export type RoleSector = (typeof ROLE_SECTORS)[number];
export const ROLE_STATUSES = ["approved", "needsReview", "rejected"] as const;
export type RoleStatus = (typeof ROLE_STATUSES)[number];
/** How a role's displacement was judged: the questionnaire at creation, a reviewer's decision, an upheld complaint. */
export const DISPLACEMENT_CHECK_KINDS = ["questionnaire", "review", "complaint"] as const;
export type DisplacementCheckKind = (typeof DISPLACEMENT_CHECK_KINDS)[number];

/** The displacement questionnaire: is this work additional, or does it replace paid work? */
export const displacementCheckInput = z.object({
  paidInLastThreeYears: z.boolean().describe("was this work paid in the last three years"),
  doneByPaidStaffElsewhere: z.boolean().describe("is it done by paid staff elsewhere in the organisation"),
  wouldOtherwiseBePaid: z.boolean().describe("would it be paid work if no volunteer did it"),
  partOfPaidService: z.boolean().describe("is it part of a service the organisation is paid to deliver"),
  recentStaffCuts: z.boolean().describe("were staff cut back recently"),
});
export type DisplacementCheckInput = z.infer<typeof displacementCheckInput>;

/** Body of `POST /roles`. */
export const roleCreateInput = z
  .object({
    organisationId: z.uuid(),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().min(1).max(4000).describe("the tasks"),
    minHoursPerWeek: measure(40).optional(),
    hoursPerWeek: z.number().min(0.5).max(40).describe("the most hours a week the role asks"),
    weekdayParts: z.array(z.enum(WEEKDAY_PARTS)).max(21).default([]),
    postcode: postcodeSchema.optional().describe("where the work is; default the organisation's address"),
    skills: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
    dutchLevel: z.enum(DUTCH_LEVELS).default("A2"),
    physicalDemands: z.enum(PHYSICAL_DEMANDS).default("light"),
    guidanceLevel: z.enum(GUIDANCE_LEVELS),
    places: z.number().int().min(1).max(500),
    sector: z.enum(ROLE_SECTORS).default("other").describe("the kind of work; care and cleaning wait for a reviewer"),
    atNight: z.boolean().default(false).describe("whether the work is done at night (between 22:00 and 06:00); waits for a reviewer"),
    longestDayHours: hoursPerDay
      .refine((h) => h > 0, { message: "A day asks some hours", params: { code: "tooSmall" } })
      .optional()
      .describe("the most hours the role asks on one day; left out, the week's hours up to 8"),
    daysPerWeek: daysPerWeek.default(1).describe("the days a week the role asks at least"),
    demands: functionalLimitList
      .default([])
      .describe("what the work asks of body and mind, in the categories of a client's functional limits; nightWork follows atNight"),
    educationLevel: z.enum(ROLE_EDUCATION_LEVELS).default("none").describe("the education the role fits"),
    startDate: calendarDate.optional(),
    endDate: calendarDate.nullish(),
    displacementCheck: displacementCheckInput,
  })
  .refine((r) => r.minHoursPerWeek === undefined || r.minHoursPerWeek <= r.hoursPerWeek, {
    message: "The minimum cannot exceed the maximum",
    path: ["minHoursPerWeek"],
    params: { code: "minAboveMax" },
  })
  .refine((r) => r.longestDayHours === undefined || r.longestDayHours <= r.hoursPerWeek, {
    message: "A day cannot ask more than the week",
    path: ["longestDayHours"],
    params: { code: "dayAboveWeek" },
  });
export type RoleCreateInput = z.infer<typeof roleCreateInput>;

/**
 * What the caller may do with a role: review its displacement check (approve or reject a role that needs review),
 * reject it (also an approved role, on a later review), decide its open complaints, read them, refer a client to it,
 * and file a complaint (anyone may); and undo a review's rejection while none of its letters has left the building
 * (`DELETE /roles/{id}/displacement-reviews/latest`).
 */
export const ROLE_ACTIONS = ["review", "reject", "decideComplaints", "viewComplaints", "refer", "fileComplaint", "undoReview"] as const;
/** What the caller may do with the roles: describe a new one. */
export const ROLE_LIST_ACTIONS = ["create"] as const;
/** What the caller may do with a displacement complaint. */
export const COMPLAINT_ACTIONS = ["decide", "undo"] as const;

export const roleOutput = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  title: z.string(),
  description: z.string(),
  minHoursPerWeek: z.number(),
  hoursPerWeek: z.number(),
  weekdayParts: z.array(z.string()),
  postcode: z.string(),
  skills: z.array(z.string()),
  dutchLevel: z.enum(DUTCH_LEVELS),
  physicalDemands: z.enum(PHYSICAL_DEMANDS),
  guidanceLevel: z.enum(GUIDANCE_LEVELS),
  places: z.number().int(),
  sector: z.enum(ROLE_SECTORS),
  atNight: z.boolean(),
  longestDayHours: z.number(),
  daysPerWeek: z.number().int(),
  demands: z.array(z.enum(FUNCTIONAL_LIMITS)),
  educationLevel: z.enum(ROLE_EDUCATION_LEVELS),
  placesTaken: z.number().int().describe("proposed, accepted and active placements"),
  startDate: calendarDate,
  endDate: calendarDate.nullable(),
  status: z.enum(ROLE_STATUSES),
  statusReason: z.string().describe("English summary, or the reviewer's own words"),
  statusReasonCodes: z
    .array(z.string())
    .describe("the displacement check's findings (e.g. paidInLastThreeYears, complaintUpheld); empty after a reviewer's decision"),
  suspended: z.boolean().describe("an open displacement complaint suspends new placements"),
  placementsEndedByRejection: z
    .number()
    .int()
    .describe("placements and referrals that ended because the role was rejected (an upheld complaint or a later review)"),
  mayTakePlacements: z.boolean().describe("approved, no open complaint and a free place: the rules a referral passes"),
  createdAt: timestamp,
  abilities: abilitiesOf(ROLE_ACTIONS),
});
export type RoleOutput = z.infer<typeof roleOutput>;

export const roleListQuery = pageQuery.extend({
  organisationId: z.uuid().optional(),
  status: z.enum(ROLE_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
});
export const rolePage = pageOf(roleOutput).extend({ abilities: abilitiesOf(ROLE_LIST_ACTIONS) });

/** Query of `GET /clients/{id}/role-options`: the roles a client can be proposed for, by words and distance. */
export const roleOptionsQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional().describe("words that each appear in the role's title or the organisation's name"),
  maxDistanceKm: z.coerce.number().min(1).max(100).optional().describe("at most this far from the client's home (postcode areas)"),
});
/** One role a client can be proposed for, with how far it lies from the client's home. */
export const roleOption = roleOutput.extend({
  distanceKm: z.number().nullable().describe("from the client's postcode area to the role's, one decimal; null when unknown"),
});
export type RoleOption = z.infer<typeof roleOption>;
export const roleOptionPage = pageOf(roleOption);

/**
 * Body of `POST /roles/{id}/displacement-reviews`: a municipal reviewer decides a role that needs review, or rejects
 * an approved role on a later review. A rejection ends the role's open placements and referrals.
 */
export const displacementReviewInput = z.object({
  outcome: z.enum(["approved", "rejected"]),
  reason: z.string().trim().min(1).max(2000),
});

export const COMPLAINANT_KINDS = ["client", "union", "employee", "resident", "other"] as const;
export type ComplainantKind = (typeof COMPLAINANT_KINDS)[number];
export const COMPLAINT_STATUSES = ["open", "upheld", "dismissed"] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Body of `POST /roles/{id}/displacement-complaints`: anyone may say a role replaces paid work. */
export const displacementComplaintInput = z.object({
  filerKind: z.enum(COMPLAINANT_KINDS),
  filerName: z.string().trim().max(200).nullish(),
  filerEmail: z.email().nullish(),
  description: z.string().trim().min(10).max(4000),
});

export const displacementComplaintOutput = z.object({
  id: z.uuid(),
  roleId: z.uuid(),
  filerKind: z.enum(COMPLAINANT_KINDS),
  description: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  decisionReason: z.string().nullable(),
  createdAt: timestamp,
  abilities: abilitiesOf(COMPLAINT_ACTIONS),
});

export const complaintList = z.object({ items: z.array(displacementComplaintOutput) });

/** Body of `POST /displacement-complaints/{id}/decision`. */
export const complaintDecisionInput = z.object({
  outcome: z.enum(["upheld", "dismissed"]),
  reason: z.string().trim().min(1).max(2000),
});
