import { z } from "zod";
import { calendarDate, measure, timestamp } from "./common.js";

/**
 * Every decision about a client is a besluit (Awb 1:3): one record, one letter with the legal remedy, one
 * objection procedure. A decision is never changed; a correction or the decision on objection is a new decision
 * that names the one it replaces.
 */
export const DECISION_TYPES = [
  "assignment", // the tegenprestatie assignment: a confirmed plan that asks hours (Pw art. 9 lid 1 sub c)
  "placementAgreement", // a placement agreement the municipality signs
  "placementAttribution", // a placement's ending attributed to the client, after hearing them
  "exemptionGranted",
  "exemptionRefused",
  "exemptionEnded", // ended before its end date
  "exemptionNotExtended",
  "customaryCare", // care judged customary (gebruikelijke zorg), so it does not count as the contribution
  "activityProposalAccepted", // the client's own proposal counts as the contribution (perhaps for fewer hours)
  "activityProposalDeclined", // the client's own proposal does not count as the contribution
  "buddyAgreement", // being a buddy to another client counts as the contribution (peer activation)
  "sanctionImposed",
  "sanctionImposedLower",
  "sanctionRefrained",
  "reconsideration", // the review of an imposed sanction within three months (Pw art. 18 lid 3)
  "objectionDecision", // the decision on objection (beslissing op bezwaar, Awb 7:11)
] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

/** What a decision on objection can find (Awb 7:11): the primary decision stands, goes, or gives way to a milder one. */
export const OBJECTION_OUTCOMES = ["inadmissible", "unfounded", "wellFounded", "partlyWellFounded"] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

/** Why the client was not heard on the objection (Awb 7:3): the reason is recorded. */
export const HEARING_SKIP_REASONS = ["manifestlyInadmissible", "manifestlyUnfounded", "waived", "fullyUpheld"] as const;
export type HearingSkipReason = (typeof HEARING_SKIP_REASONS)[number];

const text = (max = 4000) => z.string().trim().min(1).max(max);

/** Body of `POST /decisions/{id}/objections` (Awb 6:4, 6:5): by the client through the portal, or staff on their behalf. */
export const objectionInput = z.object({
  receivedOn: calendarDate.describe("the day the objection reached the municipality; through the portal it is today"),
  postedOn: calendarDate.nullish().describe("the postmark date, for an objection that came by post (Awb 6:9 lid 2)"),
  grounds: text().describe("why the client does not agree"),
  representative: z.string().trim().max(200).nullish().describe("the name of whoever acts for the client, if anyone"),
  advisoryCommittee: z
    .boolean()
    .nullish()
    .describe("staff: an advisory committee hears the objection, so the decision term is twelve weeks (Awb 7:10 lid 1)"),
});
export type ObjectionInput = z.infer<typeof objectionInput>;

/** Body of `POST /objections/{id}/lateness`: whether a late objection is excused (Awb 6:11). */
export const latenessInput = z.object({ excusable: z.boolean(), reasons: text() });

/** Body of `POST /objections/{id}/postponement`: the one postponement by six weeks, with a letter (Awb 7:10 lid 3). */
export const postponementInput = z.object({ reasons: text() });

/** Body of `POST /objections/{id}/consent-extension`: a further postponement, only with the client's consent (7:10 lid 4). */
export const consentExtensionInput = z.object({
  consentGivenOn: calendarDate,
  decideBy: calendarDate.describe("the new date agreed with the client"),
  note: text(),
});

/** Body of `POST /objections/{id}/hearings`: a (new version of the) hearing record (Awb 7:2); corrections add a version. */
export const objectionHearingInput = z.object({
  heldOn: calendarDate,
  record: text(8000),
  correctionOf: z.number().int().min(1).nullish().describe("the version this one corrects; every version is kept"),
});

/** Body of `POST /objections/{id}/hearing-waiver`: why there is no hearing (Awb 7:3), recorded. */
export const hearingWaiverInput = z.object({ reason: z.enum(HEARING_SKIP_REASONS), note: text() });

/** Body of `POST /objections/{id}/outcome`: the decision on objection, by someone not involved in the primary one (7:5). */
export const objectionOutcomeInput = z.object({
  outcome: z.enum(OBJECTION_OUTCOMES),
  reasons: text().describe("the weighing, for the letter"),
  percentage: measure(100).nullish().describe("partlyWellFounded on a sanction: the percentage that remains"),
  months: z.number().int().min(1).max(3).nullish().describe("partlyWellFounded on a sanction: the duration that remains"),
});
export type ObjectionOutcomeInput = z.infer<typeof objectionOutcomeInput>;

export const objectionHearingOutput = z.object({
  version: z.number().int(),
  heldOn: calendarDate,
  record: z.string(),
  conductedBy: z.string(),
  correctionOf: z.number().int().nullable(),
  recordedAt: timestamp,
});

export const objectionAbilities = z
  .object({
    excuseLateness: z.boolean().describe("record whether a late objection is excused"),
    postpone: z.boolean().describe("postpone the decision term once by six weeks"),
    extendWithConsent: z.boolean().describe("postpone further, with the client's consent"),
    inviteToHearing: z.boolean().describe("invite the client to be heard"),
    recordHearing: z.boolean().describe("record (or correct) the hearing"),
    waiveHearing: z.boolean().describe("record why there is no hearing"),
    decide: z.boolean().describe("decide on the objection"),
    undoPostponement: z.boolean().describe("undo the postponement while its letter has not left the building"),
    undoHearingInvitation: z.boolean().describe("undo the hearing invitation while its letter has not left the building"),
    undoOutcome: z.boolean().describe("undo the decision on objection while its letter has not left the building"),
  })
  .describe("the caller's abilities: show an action only when it is true");
export type ObjectionAbilities = z.infer<typeof objectionAbilities>;

export const objectionOutput = z.object({
  id: z.uuid(),
  decisionId: z.uuid(),
  receivedOn: calendarDate,
  postedOn: calendarDate.nullable(),
  grounds: z.string(),
  representative: z.string().nullable(),
  onTime: z.boolean().describe("received within the term, or posted within it and received within a week after (Awb 6:9)"),
  latenessExcusable: z.boolean().nullable().describe("for a late objection: whether the lateness is excused (Awb 6:11)"),
  objectionTermEndsOn: calendarDate,
  decideBy: calendarDate.describe("six weeks after the objection term (twelve with an advisory committee), as postponed"),
  postponed: z.boolean(),
  advisoryCommittee: z.boolean(),
  postponement: z
    .object({ letterId: z.uuid().nullable(), reasons: z.string().nullable() })
    .nullable()
    .describe("the one postponement by six weeks, with its letter (Awb 7:10 lid 3)"),
  consent: z
    .object({ givenOn: calendarDate, note: z.string().nullable() })
    .nullable()
    .describe("the client's consent to a further postponement (Awb 7:10 lid 4)"),
  latenessReasons: z.string().nullable(),
  hearing: z.object({
    invitationLetterId: z.uuid().nullable(),
    skipReason: z.enum(HEARING_SKIP_REASONS).nullable(),
    skipNote: z.string().nullable(),
    versions: z.array(objectionHearingOutput).describe("every version of the hearing record, oldest first"),
  }),
  outcome: z.enum(OBJECTION_OUTCOMES).nullable(),
  outcomeOn: calendarDate.nullable(),
  outcomeReasons: z.string().nullable(),
  outcomeDecisionId: z.uuid().nullable().describe("the decision on objection, once taken"),
  abilities: objectionAbilities,
});
export type ObjectionOutput = z.infer<typeof objectionOutput>;

export const decisionAbilities = z
  .object({ object: z.boolean().describe("register an objection against this decision") })
  .describe("the caller's abilities: show an action only when it is true");

export const decisionOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  type: z.enum(DECISION_TYPES),
  summary: z.string().describe("the decision in one plain Dutch sentence, as the letter's first sentence"),
  legalBasis: z.string().describe("the article(s) the decision rests on, with the ordinance version where one applies"),
  ordinanceVersion: z.number().int().nullable(),
  facts: z.string(),
  reasons: z.string(),
  decidedOn: calendarDate,
  decidedBy: z.string().describe("the decision-maker's name"),
  takesEffectOn: calendarDate,
  letterId: z.uuid().nullable(),
  letterDate: calendarDate.nullable(),
  objectionTermEndsOn: calendarDate.nullable().describe("null for a decision on objection: the remedy is appeal"),
  subject: z.object({ type: z.string(), id: z.uuid() }).describe("the record the decision is about (plan, placement, sanction…)"),
  replacesDecisionId: z.uuid().nullable(),
  replacedByDecisionId: z.uuid().nullable(),
  objection: objectionOutput.nullable(),
  abilities: decisionAbilities,
});
export type DecisionOutput = z.infer<typeof decisionOutput>;
export const decisionList = z.object({ items: z.array(decisionOutput) });
