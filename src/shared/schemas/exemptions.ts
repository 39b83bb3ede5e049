import { z } from "zod";
import { FUNCTIONAL_LIMITS } from "../capacity.js";
import { addDays, addMonths } from "../dates.js";
import { capacityLimitFields } from "./capacity.js";
import { calendarDate, measure, pageOf, pageQuery, timestamp } from "./common.js";
import { DECISION_TYPES } from "./decisions.js";

/** Grounds for exemption (Participatiewet art. 9 lid 2: individual and temporary, for urgent reasons). */
export const EXEMPTION_TYPES = ["medical", "caregiving", "singleParentYoungChildren", "crisis", "education", "otherUrgentReasons"] as const;
export type ExemptionType = (typeof EXEMPTION_TYPES)[number];
/**
 * The single parent's ground (art. 9a): full care of a child under five gives, on request, an exemption from the
 * work obligations as a right, without weighing urgent reasons. It ends when the child turns five.
 */
export const SINGLE_PARENT_GROUND = "singleParentYoungChildren" as const satisfies (typeof EXEMPTION_TYPES)[number];
export const EXEMPTION_SCOPES = ["full", "partial"] as const;
/** What an exemption releases from: the tegenprestatie (art. 9 lid 1 sub c), the work obligations (sub a and b). */
export const EXEMPTION_OBLIGATIONS = ["tegenprestatie", "workObligations"] as const;
export type ExemptionObligation = (typeof EXEMPTION_OBLIGATIONS)[number];
/** Why a single parent's request is refused: only a condition of art. 9a that is not met, never a weighing. */
export const UNMET_CONDITIONS = ["notSingleParent", "noFullCare", "childNotUnderFive"] as const;
/** Who gives medical advice on an exemption. */
export const MEDICAL_ADVISORS = ["occupationalPhysician", "independentDoctor"] as const;
/** The most characters of a medical advice's conclusion: what the client can and cannot do, never a diagnosis. */
export const MEDICAL_CONCLUSION_MAX = 1000;

/** The last day a child is under five: the day before the fifth birthday (a single parent's exemption ends then). */
export function lastDayUnderFive(childBirthDate: string): string {
  return addDays(addMonths(childBirthDate, 60), -1);
}

/** The obligations an exemption of a ground covers when nobody chose: art. 9a the work obligations, others the tegenprestatie. */
export function defaultObligations(type: string): ExemptionObligation[] {
  return type === SINGLE_PARENT_GROUND ? ["workObligations"] : ["tegenprestatie"];
}

const obligations = z
  .array(z.enum(EXEMPTION_OBLIGATIONS))
  .min(1)
  .max(2)
  .refine((list) => new Set(list).size === list.length, { message: "Each obligation once", params: { code: "notAllowed" } })
  .describe("tegenprestatie (art. 9 lid 1 sub c) and/or workObligations (sub a and b); by default the ground's");
export type ExemptionScope = (typeof EXEMPTION_SCOPES)[number];
export const EXEMPTION_STATUSES = ["requested", "awaitingCoSign", "active", "refused", "ended"] as const;
export type ExemptionStatus = (typeof EXEMPTION_STATUSES)[number];

const reason = z.string().trim().min(1).max(4000);

/** The terms of an exemption: full or at most some hours a week, from a date, until an end or review date. */
const exemptionTerms = z.object({
  scope: z.enum(EXEMPTION_SCOPES),
  maxHoursPerWeek: measure(40).nullish().describe("partial exemptions: the most hours a week that may be asked"),
  startDate: calendarDate,
  endDate: calendarDate.nullish().describe("when the exemption ends by itself"),
  reviewDate: calendarDate.nullish().describe("when it is looked at again; an end or a review date is required"),
});

type Terms = z.infer<typeof exemptionTerms>;

/**
 * Exemptions are temporary: an end or a review date, after the start; a partial one says how many hours. A single
 * parent's exemption ends when the child turns five, so it needs neither date.
 */
function checkTerms(terms: Terms, ctx: z.RefinementCtx, endFollowsFromChild = false): void {
  if (!terms.endDate && !terms.reviewDate && !endFollowsFromChild) {
    for (const path of ["endDate", "reviewDate"]) {
      ctx.addIssue({
        code: "custom",
        path: [path],
        message: "An exemption is temporary: give an end date or a review date",
        params: { code: "temporaryRequired" },
      });
    }
  }
  for (const field of ["endDate", "reviewDate"] as const) {
    const date = terms[field];
    if (date && date < terms.startDate)
      ctx.addIssue({ code: "custom", path: [field], message: "Must not be before the start date", params: { code: "beforeStart" } });
  }
  if (terms.scope === "partial" && (terms.maxHoursPerWeek === null || terms.maxHoursPerWeek === undefined)) {
    ctx.addIssue({
      code: "custom",
      path: ["maxHoursPerWeek"],
      message: "A partial exemption says how many hours a week may still be asked",
      params: { code: "required" },
    });
  }
  if (terms.scope === "full" && terms.maxHoursPerWeek !== null && terms.maxHoursPerWeek !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["maxHoursPerWeek"],
      message: "A full exemption asks no hours at all",
      params: { code: "notAllowed" },
    });
  }
}

const childBirthDate = calendarDate
  .nullish()
  .describe("the single parent's ground (art. 9a) only, and required there: the birth date of the child under five");

/** The child's birth date belongs to the single parent's ground, and that ground needs it. */
function checkChild(input: { type: string; childBirthDate?: string | null | undefined }, ctx: z.RefinementCtx): void {
  const single = input.type === SINGLE_PARENT_GROUND;
  if (single && !input.childBirthDate)
    ctx.addIssue({ code: "custom", path: ["childBirthDate"], message: "Give the child's birth date", params: { code: "required" } });
  if (!single && input.childBirthDate)
    ctx.addIssue({
      code: "custom",
      path: ["childBirthDate"],
      message: "Only for a single parent with a child under five",
      params: { code: "notAllowed" },
    });
}

/** Body of `POST /clients/{id}/exemptions`: a consultant records an exemption they decided. */
export const exemptionInput = exemptionTerms
  .extend({
    type: z.enum(EXEMPTION_TYPES),
    reason: reason.describe("why, in the consultant's words; health details belong in the evidence"),
    obligations: obligations.optional(),
    childBirthDate,
  })
  .superRefine((input, ctx) => {
    checkTerms(input, ctx, input.type === SINGLE_PARENT_GROUND);
    checkChild(input, ctx);
  });
export type ExemptionInput = z.infer<typeof exemptionInput>;

/** Body of `POST /clients/{id}/exemption-requests`: the client (or a consultant for them) asks for an exemption. */
export const exemptionRequestInput = z
  .object({
    type: z.enum(EXEMPTION_TYPES),
    reason: reason.describe("in the client's own words"),
    scope: z.enum(EXEMPTION_SCOPES).default("full"),
    obligations: obligations.optional(),
    childBirthDate,
  })
  .superRefine(checkChild);
export type ExemptionRequestInput = z.infer<typeof exemptionRequestInput>;

/** Body of `POST /exemptions/{id}/decisions`: a consultant grants a request (with terms) or refuses it. */
export const exemptionDecisionInput = z.discriminatedUnion("outcome", [
  exemptionTerms
    .extend({
      outcome: z.literal("granted"),
      note: z.string().trim().max(4000).nullish(),
      obligations: obligations.optional().describe("by default those the request asked for"),
    })
    .superRefine((terms, ctx) => checkTerms(terms, ctx)),
  z.object({
    outcome: z.literal("refused"),
    note: reason.describe("why not, for the decision letter"),
    unmetCondition: z
      .enum(UNMET_CONDITIONS)
      .nullish()
      .describe("a single parent's request (art. 9a) is a right: it is refused only when a condition is not met, named here"),
  }),
]);
export type ExemptionDecisionInput = z.infer<typeof exemptionDecisionInput>;

/**
 * Body of `POST /exemptions/{id}/extension-refusal`: the exemption is not extended (the client asked, or the
 * consultant decides at its review); it runs to its last day and then ends.
 */
export const exemptionExtensionRefusalInput = z.object({
  reason: reason.describe("why not, for the decision letter"),
  askedByClient: z.boolean().default(false).describe("whether the client asked for the extension"),
});

/** Body of `POST /exemptions/{id}/end`: an exemption ends before its end date (e.g. the client has recovered). */
export const exemptionEndInput = z.object({ endedOn: calendarDate, reason });

/** Body of `POST /exemptions/{id}/medical-advice`: the advice a medical request is decided on. */
export const medicalAdviceInput = z.object({
  advisorKind: z.enum(MEDICAL_ADVISORS),
  advisorName: z.string().trim().min(1).max(200),
  advisedOn: calendarDate,
  conclusion: z
    .string()
    .trim()
    .min(1)
    .max(MEDICAL_CONCLUSION_MAX)
    .describe("in functional terms: what the client can and cannot do, and for how long; never a diagnosis"),
  hoursPerWeek: measure(40).nullish().describe("the most hours a week the advice allows; binds when below the assessment"),
  hoursPerDay: capacityLimitFields.capacityHoursPerDay.describe("the most hours on one day the advice allows"),
  daysPerWeek: capacityLimitFields.capacityDaysPerWeek.describe("the most days a week the advice allows"),
  functionalLimits: capacityLimitFields.functionalLimits.describe("what work must not ask, in plain categories"),
});
export type MedicalAdviceInput = z.infer<typeof medicalAdviceInput>;

export const medicalAdviceOutput = z.object({
  id: z.uuid(),
  advisorKind: z.enum(MEDICAL_ADVISORS),
  advisorName: z.string(),
  advisedOn: calendarDate,
  conclusion: z.string(),
  hoursPerWeek: z.number().nullable(),
  hoursPerDay: z.number().nullable(),
  daysPerWeek: z.number().int().nullable(),
  functionalLimits: z.array(z.enum(FUNCTIONAL_LIMITS)),
  recordedBy: z.string().nullable(),
  createdAt: timestamp,
});
export type MedicalAdviceOutput = z.infer<typeof medicalAdviceOutput>;

/** What the caller may do with one exemption, computed by the rules the server enforces. */
export const exemptionAbilities = z
  .object({
    decide: z.boolean().describe("grant or refuse a request"),
    coSign: z.boolean().describe("put the second signature under a long full exemption"),
    end: z.boolean().describe("end it before its end date"),
    addEvidence: z.boolean().describe("upload a document as evidence"),
    addMedicalAdvice: z.boolean().describe("record the medical advice a medical request is decided on"),
    refuseExtension: z.boolean().describe("decide that it is not extended: it ends on its last day"),
    undo: z
      .boolean()
      .describe("undo its last decision, co-signature, early end or refused extension: while that letter has not left the building"),
  })
  .describe("the caller's abilities: show an action only when it is true");
export type ExemptionAbilities = z.infer<typeof exemptionAbilities>;

export const exemptionOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  type: z.enum(EXEMPTION_TYPES),
  scope: z.enum(EXEMPTION_SCOPES),
  obligations: z.array(z.enum(EXEMPTION_OBLIGATIONS)).describe("what it releases from"),
  childBirthDate: calendarDate.nullable().describe("the single parent's ground (art. 9a): the child's birth date"),
  unmetCondition: z.enum(UNMET_CONDITIONS).nullable().describe("a refused single parent's request: the condition of art. 9a not met"),
  maxHoursPerWeek: z.number().nullable(),
  startDate: calendarDate,
  endDate: calendarDate.nullable(),
  reviewDate: calendarDate.nullable(),
  reason: z.string(),
  status: z.enum(EXEMPTION_STATUSES),
  inForce: z.boolean().describe("active and within its dates today: it binds invitations, plans, placements and sanctions"),
  needsCoSign: z.boolean().describe("a full exemption longer than the ordinance's threshold waits for a team lead"),
  requestedBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  decisionNote: z.string().nullable(),
  coSignedBy: z.string().nullable(),
  coSignedAt: timestamp.nullable(),
  endedOn: calendarDate.nullable(),
  endReason: z.string().nullable(),
  ordinanceVersion: z.number().int().describe("the ordinance version the decision applied"),
  documents: z.array(
    z.object({ id: z.uuid(), filename: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), uploadedAt: timestamp }),
  ),
  medicalAdvice: z.array(medicalAdviceOutput).describe("the medical advice a medical request is decided on, oldest first"),
  decisions: z
    .array(z.object({ id: z.uuid(), type: z.enum(DECISION_TYPES) }))
    .describe("the decisions (besluiten) about it, oldest first, each with its letter in the client's decisions"),
  createdAt: timestamp,
  abilities: exemptionAbilities,
});
export type ExemptionOutput = z.infer<typeof exemptionOutput>;
export const exemptionList = z.object({
  items: z.array(exemptionOutput),
  abilities: z
    .object({
      record: z.boolean().describe("record an exemption the caller decided"),
      request: z.boolean().describe("ask for an exemption"),
    })
    .describe("what the caller may do with this client's exemptions as a whole"),
});

export const exemptionListQuery = pageQuery.extend({ status: z.enum(EXEMPTION_STATUSES).optional() });
export const exemptionPage = pageOf(exemptionOutput.extend({ clientName: z.string() }));

export const documentOutput = z.object({
  id: z.uuid(),
  filename: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: timestamp,
});

/** What evidence may be: PDF, PNG or JPEG, at most 10 MB. */
export const EVIDENCE_MEDIA_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
/** What a document is evidence for. */
export const DOCUMENT_SUBJECTS = ["exemption", "accountability", "activityProposal"] as const;
export type DocumentSubject = (typeof DOCUMENT_SUBJECTS)[number];
