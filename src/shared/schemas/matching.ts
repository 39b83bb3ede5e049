import { z } from "zod";
import { FUNCTIONAL_LIMITS, ROLE_EDUCATION_LEVELS } from "../capacity.js";
import { abilitiesOf } from "./abilities.js";
import { workLimitsOutput } from "./capacity.js";
import { pageOf, pageQuery, timestamp } from "./common.js";
import { GUIDANCE_LEVELS } from "./roles.js";

/**
 * Hard constraints a role can fail for a client; each also names a reason a client could not be placed. The last three
 * are the client's limits beyond hours a week: the role's longest day, its days a week and its demands.
 */
export const MATCH_CONSTRAINTS = [
  "distance",
  "hours",
  "guidance",
  "weekdays",
  "language",
  "history",
  "dailyHours",
  "days",
  "functionalLimit",
] as const;
export type MatchConstraint = (typeof MATCH_CONSTRAINTS)[number];

/**
 * What keeps an unplaced client from a role in a city-wide plan: the shortfall policy makers need to see. The client's
 * limits beyond hours a week count by name, as the refusals call them: the role's longest day, its days, its demands.
 */
export const SHORTFALL_CAUSES = [
  "places",
  "guidance",
  "distance",
  "hours",
  "aboveDailyLimit",
  "aboveDaysLimit",
  "functionalLimit",
  "other",
] as const;
export type ShortfallCause = (typeof SHORTFALL_CAUSES)[number];

/** A plain-language reason for a suggestion, as a code with its numbers; the UI words it. */
export const matchReason = z.discriminatedUnion("code", [
  z.object({ code: z.literal("distance"), km: z.number() }),
  z.object({ code: z.literal("fitsHours"), hours: z.number(), capacityLeft: z.number() }),
  z.object({ code: z.literal("dutchLevel"), level: z.string() }),
  z.object({ code: z.literal("limitedDutchWelcome") }),
  z.object({ code: z.literal("interest"), interest: z.string() }),
  z.object({ code: z.literal("guidance"), level: z.enum(GUIDANCE_LEVELS) }),
  z.object({ code: z.literal("weekdays"), parts: z.array(z.string()) }),
  z.object({ code: z.literal("skill"), skill: z.string() }).describe("the role uses the client's experience"),
  z.object({ code: z.literal("wish"), wish: z.string() }).describe("the role is what the client would like to do"),
  z.object({ code: z.literal("education"), level: z.enum(ROLE_EDUCATION_LEVELS) }).describe("the role fits the client's education"),
  z
    .object({ code: z.literal("belowEducation"), level: z.enum(ROLE_EDUCATION_LEVELS), clientLevel: z.enum(ROLE_EDUCATION_LEVELS) })
    .describe("said every time: the role asks less education than the client has"),
  z
    .object({ code: z.literal("aboveEducation"), level: z.enum(ROLE_EDUCATION_LEVELS), clientLevel: z.enum(ROLE_EDUCATION_LEVELS) })
    .describe("the role asks more education than the client has"),
]);
export type MatchReason = z.infer<typeof matchReason>;

export const suggestionOutput = z.object({
  roleId: z.uuid(),
  title: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  postcode: z.string(),
  hoursPerWeek: z.number().describe("the hours to propose: the role's hours, or fewer when the client's capacity left is less"),
  freePlaces: z.number().int(),
  score: z.number().int().min(0).max(100).describe("100 is the best possible fit; from the same cost the city-wide plan minimises"),
  cost: z.number().int(),
  reasons: z.array(matchReason),
});
export type SuggestionOutput = z.infer<typeof suggestionOutput>;

/** A role within reach that the client's limits rule out: the work it asks, never why the client is limited. */
export const notOfferedOutput = z.object({
  roleId: z.uuid(),
  title: z.string(),
  organisationName: z.string(),
  aboveDailyLimit: z.object({ roleHours: z.number(), limit: z.number() }).nullable(),
  aboveDaysLimit: z.object({ roleDays: z.number().int(), limit: z.number().int() }).nullable(),
  functionalLimits: z.array(z.enum(FUNCTIONAL_LIMITS)),
});
export type NotOfferedOutput = z.infer<typeof notOfferedOutput>;

export const suggestionsQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

export const suggestionsOutput = z.object({
  items: z.array(suggestionOutput),
  /** Why there are no suggestions at all, when that is the case before any role is looked at. */
  blockedBy: z.enum(["noIntake", "noCapacityLeft", "capacityNotAssessed", "postcodeUnknown"]).nullable(),
  capacityLeft: z.number().nullable(),
  limits: workLimitsOutput
    .nullable()
    .describe("the client's limits in force beyond hours a week: the strictest of the intake and a physician's advice"),
  travelRadiusKm: z.number().nullable(),
  /** Open roles considered, and how many each hard constraint ruled out (a role counts under its first failure). */
  considered: z.number().int(),
  excluded: z.record(z.enum(MATCH_CONSTRAINTS), z.number().int()),
  notOffered: z
    .array(notOfferedOutput)
    .describe("roles within reach that the client's limits rule out, and which limits; the role is not offered"),
});
export type SuggestionsOutput = z.infer<typeof suggestionsOutput>;

export const MATCH_PLAN_STATUSES = ["queued", "running", "done", "failed"] as const;
export type MatchPlanStatus = (typeof MATCH_PLAN_STATUSES)[number];

export const matchPlanInput = z.object({
  district: z.string().trim().min(1).max(60).nullish().describe("one district, or left out for the whole city"),
});

const districtShortfall = z.object({
  district: z.string(),
  eligible: z.number().int(),
  placed: z.number().int(),
  unplaced: z.number().int(),
  causes: z.record(z.enum(SHORTFALL_CAUSES), z.number().int()),
  bindsMost: z.enum(SHORTFALL_CAUSES).nullable(),
});

export const matchPlanOutput = z.object({
  id: z.uuid(),
  district: z.string().nullable(),
  status: z.enum(MATCH_PLAN_STATUSES),
  progress: z.number().min(0).max(1),
  requestedBy: z.string().nullable(),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
  error: z.string().nullable(),
  summary: z
    .object({
      eligible: z.number().int(),
      withoutIntake: z.number().int(),
      pairs: z.number().int(),
      placed: z.number().int(),
      unplaced: z.number().int(),
      totalCost: z.number().int(),
      seconds: z.number(),
      shortfall: z.array(districtShortfall),
    })
    .nullable(),
  proposals: z.record(z.enum(["pending", "accepted", "rejected"]), z.number().int()),
});
export type MatchPlanOutput = z.infer<typeof matchPlanOutput>;
/** What the caller may do with the plans: `start` a new one now, and plan for the whole city rather than one district. */
export const MATCH_PLAN_LIST_ACTIONS = ["start", "startCityWide"] as const;
export const matchPlanList = z.object({ items: z.array(matchPlanOutput), abilities: abilitiesOf(MATCH_PLAN_LIST_ACTIONS) });

export const PROPOSAL_STATUSES = ["pending", "accepted", "rejected"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
/** What the caller may do with a proposal: follow it (refer the client) or not. */
export const PROPOSAL_ACTIONS = ["follow", "reject"] as const;
/**
 * Why a consultant does not follow a proposal: the consultant's judgement about the fit, never the client's refusal
 * (a proposal is not shown to the client before it is followed). `other` needs the reason in words.
 */
export const PROPOSAL_REJECT_REASONS = [
  "poorFit",
  "travel",
  "schedule",
  "otherStepFirst",
  "circumstances",
  "organisationConcern",
  "alreadyArranged",
  "other",
] as const;
export type ProposalRejectReason = (typeof PROPOSAL_REJECT_REASONS)[number];
export const proposalQuery = pageQuery.extend({
  status: z.enum(PROPOSAL_STATUSES).optional(),
  district: z.string().optional(),
  consultantId: z.uuid().optional().describe("only the proposals for clients of this consultant"),
});

export const proposalOutput = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  district: z.string().nullable(),
  roleId: z.uuid(),
  roleTitle: z.string(),
  organisationName: z.string(),
  hoursPerWeek: z.number(),
  score: z.number().int(),
  reasons: z.array(matchReason),
  status: z.enum(PROPOSAL_STATUSES),
  consultantId: z.uuid().nullable().describe("the client's consultant"),
  consultantName: z.string().nullable(),
  rejectReasonCode: z.enum(PROPOSAL_REJECT_REASONS).nullable().describe("not followed: why, from the list"),
  rejectReason: z.string().nullable().describe("not followed: the reason in words, if given"),
  placementId: z.uuid().nullable(),
  decidedAt: timestamp.nullable(),
  abilities: abilitiesOf(PROPOSAL_ACTIONS),
});
export type ProposalOutput = z.infer<typeof proposalOutput>;
/** What the caller may do with a plan's proposals as a whole: decide them (each proposal says whether it still can be). */
export const PROPOSAL_LIST_ACTIONS = ["decide"] as const;
/** The proposals in the caller's scope per consultant (the filters but the consultant applied), for grouping. */
export const proposalGroup = z.object({
  consultantId: z.uuid().nullable(),
  consultantName: z.string().nullable(),
  pending: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
});
export const proposalPage = pageOf(proposalOutput).extend({
  abilities: abilitiesOf(PROPOSAL_LIST_ACTIONS),
  groups: z.array(proposalGroup).describe("per consultant of the clients, by name: how many proposals have each status"),
});

export const proposalRejectInput = z
  .object({
    reasonCode: z.enum(PROPOSAL_REJECT_REASONS).describe("why the consultant does not follow this proposal, from the list"),
    reason: z.string().trim().min(3).max(1000).optional().describe("the reason in words; required when the reason is `other`"),
  })
  .refine((input) => input.reasonCode !== "other" || input.reason, {
    message: "Say why in words",
    path: ["reason"],
    params: { code: "required" },
  });
export type ProposalRejectInput = z.infer<typeof proposalRejectInput>;
export const proposalAcceptInput = z.object({ guidanceOverrideReason: z.string().trim().min(3).max(1000).optional() });
