import { z } from "zod";
import { PROBLEM_CODES } from "../problem-codes.js";
import { calendarDate, pageOf, pageQuery, timestamp } from "./common.js";
import { SANCTION_GROUNDS } from "./ordinance.js";

export { SANCTION_GROUNDS };
export const CULPABILITY = ["none", "reduced", "full"] as const;
export const HEARING_CHANNELS = ["inPerson", "phone", "writing", "portal"] as const;
export const SANCTION_OUTCOMES = ["imposed", "imposedLower", "refrained"] as const;
/** The steps of a sanction that send the client a letter, and so can be undone while that letter is still inside. */
export const SANCTION_LETTER_STEPS = ["hearingInvitation", "decision", "reconsideration"] as const;
export type SanctionLetterStep = (typeof SANCTION_LETTER_STEPS)[number];
/** The rules that refuse a proposal, each its own 409 `code`. */
export const SANCTION_BLOCKS = [
  "activeExemption",
  "attributionPending",
  "dropoutNotAttributable",
  "letterNotDelivered",
  "letterRequired",
  "secondInvitationFirst",
  "noObligation",
  "duplicateFact",
  "factsTooOld",
  "notCulpable",
  "buddyPairingNoGround",
] as const;

const text = (max = 4000) => z.string().trim().min(1).max(max);

/** Body of `POST /clients/{id}/sanctions`: a consultant proposes, on a ground, with the facts and the weighing. */
export const sanctionProposalInput = z.object({
  ground: z.enum(SANCTION_GROUNDS),
  factsDate: calendarDate.describe("when the conduct took place"),
  facts: text().describe("what happened, in the consultant's words"),
  appointmentId: z
    .uuid()
    .nullish()
    .describe(
      "missedAppointments: the appointment missed without a reason, invited to by a delivered letter that stated the duty to attend; " +
        "a first missed intake is no ground (409 secondInvitationFirst)",
    ),
  placementId: z
    .uuid()
    .nullish()
    .describe(
      "stoppedPlacementWithoutReason: the placement whose ending the consultant attributed to the client (409 attributionPending while " +
        "undetermined, dropoutNotAttributable otherwise); insufficientEffort: the placement concerned",
    ),
  letterId: z
    .uuid()
    .nullish()
    .describe("the delivered letter the proposal relies on; refusedContribution: the letter that asked the contribution (or planId)"),
  planId: z
    .uuid()
    .nullish()
    .describe("refusedContribution: the client's confirmed plan that asked the contribution; without it or letterId 409 letterRequired"),
  planStepId: z
    .uuid()
    .nullish()
    .describe("insufficientEffort: the step of a confirmed plan of the client that was not done (or placementId; else 409 noObligation)"),
  notDone: z
    .string()
    .trim()
    .max(4000)
    .nullish()
    .describe("insufficientEffort: what was asked of the client and not done; without it 409 noObligation"),
  culpability: z.enum(CULPABILITY).describe("none is refused: no sanction without culpability"),
  circumstances: text().describe("the client's circumstances as weighed"),
  childrenInterests: z.string().trim().max(4000).nullish().describe("the interests of minor children, when there are any"),
  urgentReasons: z.boolean().describe("whether urgent reasons exist to refrain"),
  urgentReasonsNote: z.string().trim().max(4000).nullish(),
});
export type SanctionProposalInput = z.infer<typeof sanctionProposalInput>;

/** Body of `POST /sanctions/{id}/hearing`: the client's response, however given. */
export const hearingInput = z.object({
  heldOn: calendarDate,
  channel: z.enum(HEARING_CHANNELS),
  record: text(8000).describe("what the client said, as part of the file"),
  correctionOf: z
    .number()
    .int()
    .min(1)
    .nullish()
    .describe("the version this one corrects (the latest); a correction is a new version and every version is kept"),
});

/** Body of `POST /sanctions/{id}/decision`: a team lead who did not propose decides, with reasons. */
export const sanctionDecisionInput = z.object({
  outcome: z.enum(SANCTION_OUTCOMES),
  reasons: text().describe("the weighing, for the decision letter"),
  percentage: z.number().min(0).max(100).nullish().describe("imposedLower: the lower percentage"),
  months: z.number().int().min(1).max(3).nullish().describe("imposedLower: the shorter duration"),
  urgentReasonsLapsed: z
    .object({ reasons: text().describe("why the urgent reasons recorded with the proposal no longer apply") })
    .nullish()
    .describe(
      "a new weighing: the urgent reasons recorded with the proposal no longer apply, with reasons (named in the decision letter); " +
        "imposing a sanction with urgent reasons without it is 409 urgentReasons, refraining is always possible",
    ),
});
export type SanctionDecisionInput = z.infer<typeof sanctionDecisionInput>;

/** Body of `POST /sanctions/{id}/reconsideration`. */
export const reconsiderationInput = z.object({ outcome: z.enum(["maintained", "ended"]), note: text() });

/** What the caller may do with one sanction, computed by the assertions the server enforces. */
export const sanctionAbilities = z
  .object({
    invite: z.boolean().describe("invite the client to a hearing by registered letter"),
    hear: z.boolean().describe("record the hearing (the client: respond through the portal)"),
    correctHearing: z.boolean().describe("correct the hearing record: a new version, the earlier ones kept"),
    decide: z.boolean().describe("decide the proposal: a second person, after the hearing or its term (refraining at least)"),
    impose: z
      .boolean()
      .describe(
        "decide to impose (imposed or imposedLower) as things stand: false while urgent reasons are recorded, which only a recorded " +
          "urgentReasonsLapsed weighing overcomes",
      ),
    reconsider: z.boolean().describe("record the reconsideration of an imposed sanction"),
    undo: z
      .boolean()
      .describe(
        "undo the latest step that sent a letter (`undoStep`) while that letter has not left the building: the author or a team lead",
      ),
  })
  .describe("the caller's abilities: show an action only when it is true");
export type SanctionAbilities = z.infer<typeof sanctionAbilities>;

export const sanctionOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  ground: z.enum(SANCTION_GROUNDS),
  factsDate: calendarDate,
  facts: z.string(),
  appointmentId: z.uuid().nullable(),
  placementId: z.uuid().nullable(),
  letterId: z.uuid().nullable(),
  planId: z.uuid().nullable().describe("the confirmed plan that asked the refused contribution"),
  planStepId: z.uuid().nullable().describe("the confirmed plan step that was not done"),
  notDone: z.string().nullable().describe("what was asked and not done"),
  culpability: z.enum(CULPABILITY),
  circumstances: z.string(),
  childrenInterests: z.string().nullable(),
  urgentReasons: z.boolean(),
  urgentReasonsNote: z.string().nullable(),
  urgentReasonsLapsed: z
    .object({ reasons: z.string(), by: z.string().nullable(), at: timestamp })
    .nullable()
    .describe("the decider's weighing that the urgent reasons no longer apply: reasons, who, when"),
  recurrence: z.number().int().describe("1 for a first time; each imposed sanction on the same ground within a year adds one"),
  proposedBy: z.string(),
  proposedById: z.uuid().describe("the proposer, who may not decide"),
  proposedAt: timestamp,
  status: z.enum(["proposed", "decided"]),
  hearing: z.object({
    letterId: z.uuid().nullable(),
    letterDelivery: z.string().nullable(),
    respondBy: calendarDate.nullable(),
    heldOn: calendarDate.nullable(),
    channel: z.enum(HEARING_CHANNELS).nullable(),
    record: z.string().nullable().describe("the latest version of the record"),
    versions: z
      .array(
        z.object({
          version: z.number().int(),
          heldOn: calendarDate,
          channel: z.enum(HEARING_CHANNELS),
          record: z.string(),
          recordedBy: z.string().nullable(),
          correctionOf: z.number().int().nullable(),
          recordedAt: timestamp,
        }),
      )
      .describe("every version of the hearing record, oldest first: a correction is a new version, shown to the decider"),
  }),
  proposedLevel: z
    .object({ level: z.number().int(), percentage: z.number(), months: z.number().int(), ordinanceVersion: z.number().int() })
    .describe("what the ordinance in force gives for this ground, recurrence and culpability"),
  outcome: z.enum(SANCTION_OUTCOMES).nullable(),
  decisionReasons: z.string().nullable(),
  level: z.number().int().nullable(),
  percentage: z.number().nullable(),
  months: z.number().int().nullable(),
  ordinanceVersion: z.number().int().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  decisionLetterId: z.uuid().nullable(),
  decisionId: z.uuid().nullable().describe("the decision (besluit) record: its objection is handled under /decisions/{id}"),
  reconsiderBy: calendarDate.nullable().describe("at most three months after the decision (art. 18 lid 3)"),
  reconsideredOn: calendarDate.nullable(),
  reconsiderationOutcome: z.enum(["maintained", "ended"]).nullable(),
  reconsiderationNote: z.string().nullable(),
  reconsiderationDecisionId: z.uuid().nullable().describe("the decision issued on reconsideration, with its letter"),
  endedOn: calendarDate.nullable().describe("the day an imposed sanction stopped on reconsideration"),
  revoked: z.boolean().describe("revoked on objection: the deduction is repaid"),
  undoStep: z
    .enum(SANCTION_LETTER_STEPS)
    .nullable()
    .describe(
      "the latest step that sent a letter, which DELETE /sanctions/{id}/hearing-invitation, /decision or /reconsideration takes back " +
        "while `abilities.undo`",
    ),
  abilities: sanctionAbilities,
  decideRefusal: z
    .enum(PROBLEM_CODES)
    .nullable()
    .describe("when the caller's role decides sanctions but a rule refuses this one now: that rule's code (e.g. sameDecisionMaker)"),
});
export type SanctionOutput = z.infer<typeof sanctionOutput>;
export const sanctionList = z.object({
  items: z.array(sanctionOutput),
  abilities: z
    .object({ propose: z.boolean().describe("propose a sanction for this client") })
    .describe("what the caller may do with this client's sanctions as a whole"),
});
export const sanctionListQuery = pageQuery.extend({ status: z.enum(["proposed", "decided"]).optional() });
export const sanctionPage = pageOf(sanctionOutput);
