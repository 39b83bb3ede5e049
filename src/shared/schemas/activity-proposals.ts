import { z } from "zod";
import { CARE_RELATIONS } from "./caregiving.js";
import { calendarDate, measure, timestamp } from "./common.js";
import { documentOutput } from "./exemptions.js";

/**
 * What a client may propose as their own contribution: caring for someone (mantelzorg), a course, volunteer work they
 * found themselves, or another initiative of their own.
 */
export const ACTIVITY_PROPOSAL_KINDS = ["caregiving", "course", "volunteerWork", "ownInitiative"] as const;
export type ActivityProposalKind = (typeof ACTIVITY_PROPOSAL_KINDS)[number];

/** A proposal waits for the consultant, who accepts it (perhaps for fewer hours) or declines it, with reasons. */
export const ACTIVITY_PROPOSAL_STATUSES = ["pending", "accepted", "declined"] as const;
export type ActivityProposalStatus = (typeof ACTIVITY_PROPOSAL_STATUSES)[number];
export const ACTIVITY_PROPOSAL_OUTCOMES = ["accepted", "declined"] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const hours = measure(168).min(0.5);

/** Body of `POST /clients/{id}/activity-proposals`: by the client for themselves, or by staff on their behalf. */
export const activityProposalInput = z
  .object({
    kind: z.enum(ACTIVITY_PROPOSAL_KINDS),
    relation: z.enum(CARE_RELATIONS).nullish().describe("caregiving: whom the client cares for, by relation only"),
    description: text(2000).describe("what the client does or wants to do"),
    place: text(200).describe("where: an organisation, a school, at someone's home"),
    hoursPerWeek: hours.describe("about how many hours a week"),
    since: calendarDate.describe("since when the client does it, or from when they want to"),
    contact: z.string().trim().max(200).nullish().describe("a contact person who can confirm it, if any"),
  })
  .refine((p) => p.kind !== "caregiving" || p.relation, {
    message: "Say whom you care for",
    path: ["relation"],
    params: { code: "required" },
  });
export type ActivityProposalInput = z.infer<typeof activityProposalInput>;

/** Body of `POST /activity-proposals/{id}/decision`: always with reasons, for the decision's letter. */
export const activityProposalDecisionInput = z.object({
  outcome: z.enum(ACTIVITY_PROPOSAL_OUTCOMES),
  hoursPerWeek: hours
    .nullish()
    .describe("accepted: the hours a week that count, at most those proposed (the proposal's hours when left out)"),
  reasons: text(4000).describe("why, in plain words: the letter quotes them"),
});
export type ActivityProposalDecisionInput = z.infer<typeof activityProposalDecisionInput>;

/** What the caller may do with one proposal, computed by the rules the server enforces. */
export const activityProposalAbilities = z
  .object({
    decide: z.boolean().describe("accept (perhaps for fewer hours) or decline"),
    acceptAsProposed: z.boolean().describe("accept with all the hours proposed: they fit the client's capacity"),
    addEvidence: z.boolean().describe("upload a document that shows the activity"),
    undo: z.boolean().describe("undo the decision while its letter is still inside: the proposal waits for a decision again"),
  })
  .describe("the caller's abilities: show an action only when it is true");

export const activityProposalOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  kind: z.enum(ACTIVITY_PROPOSAL_KINDS),
  relation: z.enum(CARE_RELATIONS).nullable(),
  description: z.string(),
  place: z.string(),
  hoursPerWeek: z.number(),
  since: calendarDate,
  contact: z.string().nullable(),
  proposedByClient: z.boolean().describe("the client proposed it in the portal (otherwise staff on their behalf)"),
  proposedAt: timestamp,
  status: z.enum(ACTIVITY_PROPOSAL_STATUSES),
  acceptedHoursPerWeek: z.number().nullable().describe("accepted: the hours a week that count as the contribution"),
  reasons: z.string().nullable().describe("the consultant's reasons, as the letter gives them"),
  decidedBy: z.string().nullable(),
  decidedOn: calendarDate.nullable(),
  decisionId: z.uuid().nullable().describe("the decision (besluit), open to objection"),
  letterId: z.uuid().nullable(),
  contributionId: z.uuid().nullable().describe("accepted (not caregiving): the formalised contribution it became"),
  caregivingId: z.uuid().nullable().describe("accepted caregiving: the caregiving beyond customary care it became"),
  documents: z.array(documentOutput.omit({ sha256: true })),
  abilities: activityProposalAbilities,
  acceptRefusal: z
    .enum(["capacityExceeded", "capacityNotAssessed"])
    .nullable()
    .describe("why the proposal cannot be accepted with all its hours (the consultant may accept fewer)"),
});
export type ActivityProposalOutput = z.infer<typeof activityProposalOutput>;

export const activityProposalList = z.object({
  items: z.array(activityProposalOutput),
  hoursAvailablePerWeek: z
    .number()
    .nullable()
    .describe("capacity not yet taken by plan steps, placements and contributions; null until capacity is assessed"),
  abilities: z.object({ propose: z.boolean().describe("propose an activity") }).describe("what the caller may do with the list"),
});
