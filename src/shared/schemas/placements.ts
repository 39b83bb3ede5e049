import { z } from "zod";
import { abilitiesOf } from "./abilities.js";
import { workLimitsOutput } from "./capacity.js";
import { calendarDate, pageOf, pageQuery, timestamp } from "./common.js";
import { hostStepsOutput } from "./host-partnership.js";
import { GUIDANCE_LEVELS } from "./roles.js";

export const PLACEMENT_STATUSES = ["proposed", "accepted", "declined", "active", "ended"] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];
export const END_REASONS = [
  "completed",
  "movedToPaidWork",
  "clientStopped",
  "organisationStopped",
  "poorFit",
  "health",
  "caregiving",
  "moved",
  "roleRejected", // the role failed the displacement check afterwards, or a complaint about it was upheld
  "other",
] as const;
export type EndReason = (typeof END_REASONS)[number];
export const ATTRIBUTIONS = ["client", "organisation", "health", "caregiving", "none"] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];
/**
 * An ending's attribution as stored: determined, or `undetermined` while it waits for the consultant to hear the
 * client and decide (a host gives its account but never decides it).
 */
export const ATTRIBUTION_STATES = [...ATTRIBUTIONS, "undetermined"] as const;
export type AttributionState = (typeof ATTRIBUTION_STATES)[number];
/** How the consultant heard the client's side of an ending. */
export const ACCOUNT_CHANNELS = ["inPerson", "phone", "writing", "portal"] as const;
export type AccountChannel = (typeof ACCOUNT_CHANNELS)[number];
/** The reasons a client may pick, in their own words, when giving their side of an ending. */
export const CLIENT_SIDE_REASONS = ["tooHeavy", "health", "caring", "treatment", "travel", "paidWork", "other"] as const;
export type ClientSideReason = (typeof CLIENT_SIDE_REASONS)[number];

/** Body of `POST /placements/{id}/client-side`: the client's own account of why the placement ended. */
export const clientSideInput = z.object({
  account: z.string().trim().min(1).max(4000).describe("what happened, in the client's words"),
  reason: z.enum(CLIENT_SIDE_REASONS).nullish().describe("optionally, the reason from a short list"),
});
export type ClientSideInput = z.infer<typeof clientSideInput>;

/** Body of `POST /placements/{id}/feedback`: the client's rating of the placement and its organisation. */
export const placementFeedbackInput = z.object({
  rating: z.number().int().min(1).max(5).describe("1 (bad) to 5 (very good)"),
  comment: z.string().trim().max(2000).nullish().describe("in the client's words; never shown to the host"),
});
export type PlacementFeedbackInput = z.infer<typeof placementFeedbackInput>;

/** The ending of a placement whose role turned out to replace paid work: attributable to the organisation, never a dropout. */
export const DISPLACEMENT_ENDING = "roleRejected" as const satisfies EndReason;
/** End reasons that are not a dropout. */
export const REGULAR_ENDINGS: readonly EndReason[] = ["completed", "movedToPaidWork"];

/** Body of `POST /placements`: a consultant proposes (refers) a client to a role. */
export const placementCreateInput = z.object({
  clientId: z.uuid(),
  roleId: z.uuid(),
  hoursPerWeek: z.number().min(0.5).max(40).optional().describe("default: the role's hours"),
  guidanceOverrideReason: z
    .string()
    .trim()
    .min(10)
    .max(2000)
    .optional()
    .describe("lets a consultant exceed the organisation's guidance hours, with the reason recorded"),
});

/** The terms of a placement agreement; all required before it is signed. */
export const agreementInput = z
  .object({
    startDate: calendarDate,
    endDate: calendarDate,
    hoursPerWeek: z.number().min(0.5).max(40),
    tasks: z.string().trim().min(1).max(4000),
    contactPerson: z.string().trim().min(1).max(200),
    guidanceArrangement: z.string().trim().min(1).max(2000),
  })
  .refine((a) => a.endDate >= a.startDate, { message: "End on or after the start", path: ["endDate"], params: { code: "endBeforeStart" } });

/** Body of `POST /placements/{id}/start` and `POST /placements/{id}/agreements`. */
export const signAgreementInput = z.object({ agreement: agreementInput });

export const placementDecisionInput = z.object({ reason: z.string().trim().min(1).max(2000) });

/**
 * Body of `POST /placements/{id}/end`: why, and what happened. A host's `attributableTo` is kept as its view only:
 * an early ending waits, `undetermined`, until the consultant has heard the client (`POST /placements/{id}/attribution`).
 */
export const placementEndInput = z.object({
  reason: z.enum(END_REASONS),
  attributableTo: z.enum(ATTRIBUTIONS).optional().describe("the view of whoever ends it; the consultant decides after hearing the client"),
  note: z.string().trim().max(2000).optional().describe("the account: what happened"),
  endedOn: calendarDate.optional(),
});

/**
 * Body of `POST /placements/{id}/attribution`: the consultant, having heard the client, determines to whom the ending is
 * attributable, with reasons. Attributed to the client it is a decision, with a letter and the right to object.
 */
export const placementAttributionInput = z.object({
  attributableTo: z.enum(ATTRIBUTIONS),
  reasons: z.string().trim().min(1).max(4000).describe("why, weighing the host's account and the client's"),
  clientAccount: z.string().trim().min(1).max(8000).describe("the client's side, in their words"),
  heardOn: calendarDate.optional().describe("when the client gave their side; today by default, never in the future"),
  channel: z.enum(ACCOUNT_CHANNELS).default("inPerson").describe("how the client gave their side"),
});
export type PlacementAttributionInput = z.infer<typeof placementAttributionInput>;

export const placementNoteInput = z.object({ note: z.string().trim().min(1).max(2000) });

/** The parties to a placement agreement, each of whom signs it separately. */
export const AGREEMENT_PARTIES = ["client", "host", "municipality"] as const;
export type AgreementParty = (typeof AGREEMENT_PARTIES)[number];

/**
 * Body of `POST /placements/{id}/agreement/signatures`: one party's signature under the current agreement version.
 * The host's member signs for the host, a consultant or team lead for the municipality (which makes the decision
 * with its letter), the client in the portal or a consultant recording the client's signature on paper.
 */
export const agreementSignatureInput = z.object({
  party: z.enum(AGREEMENT_PARTIES),
  signedOn: calendarDate.optional().describe("the day the party signed; today by default, never in the future"),
});

const signatureOutput = z
  .object({
    signedOn: calendarDate,
    signedBy: z.string().nullable().describe("who gave the signature or, for the client's on paper, recorded it"),
  })
  .nullable()
  .describe("null while this party has not signed");

/** What the caller may sign of an agreement version: only the current one, each party once. */
export const AGREEMENT_ACTIONS = ["signAsClient", "signAsHost", "signAsMunicipality"] as const;

export const agreementOutput = z.object({
  version: z.number().int(),
  startDate: calendarDate,
  endDate: calendarDate,
  hoursPerWeek: z.number(),
  tasks: z.string(),
  contactPerson: z.string(),
  guidanceArrangement: z.string(),
  letterId: z.uuid(),
  signedAt: timestamp.describe("when the agreement was recorded"),
  signatures: z.object({ client: signatureOutput, host: signatureOutput, municipality: signatureOutput }),
  decisionId: z.uuid().nullable().describe("the decision the municipality's signature made"),
  abilities: abilitiesOf(AGREEMENT_ACTIONS),
});

/**
 * What the caller may do with a placement: answer the referral, start it with a signed agreement, sign a new
 * agreement version, end it, add a note, and (hosts) read the client's need-to-know profile.
 */
export const PLACEMENT_ACTIONS = [
  "accept",
  "decline",
  "start",
  "signAgreement",
  "end",
  "attribute",
  "addNote",
  "viewClientProfile",
  "giveClientSide",
  "giveFeedback",
  "recordIntroduction",
  "recordHostCheckIn",
  "recordExpense",
  "downloadAgreement",
  "undo",
] as const;

export const placementOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  clientGivenName: z.string(),
  roleId: z.uuid(),
  roleTitle: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  status: z.enum(PLACEMENT_STATUSES),
  hoursPerWeek: z.number(),
  guidanceLevel: z.enum(GUIDANCE_LEVELS).describe("the client's guidance need, which the placement asks of the organisation"),
  guidanceOverrideReason: z.string().nullable(),
  decisionReason: z.string().nullable(),
  startedOn: calendarDate.nullable(),
  endedOn: calendarDate.nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  attributableTo: z.enum(ATTRIBUTION_STATES).nullable(),
  hostAccount: z.string().nullable().describe("what the one who ended it said happened"),
  attribution: z
    .object({
      reasons: z.string(),
      clientAccount: z.string(),
      heardOn: calendarDate,
      channel: z.enum(ACCOUNT_CHANNELS),
      determinedBy: z.string().nullable(),
      determinedOn: calendarDate,
      decisionId: z.uuid().nullable().describe("the decision, when the ending was attributed to the client"),
    })
    .nullable()
    .describe("the consultant's determination after hearing the client; hosts never see it"),
  clientSide: z
    .object({ account: z.string(), reason: z.enum(CLIENT_SIDE_REASONS).nullable(), givenOn: calendarDate })
    .nullable()
    .describe("the client's own account of the ending, given in the portal; hosts never see it"),
  clientFeedback: z
    .object({ rating: z.number().int(), comment: z.string().nullable(), givenOn: calendarDate })
    .nullable()
    .describe("the client's rating and words on this placement; hosts never see it"),
  hostSteps: hostStepsOutput.describe("the contact person at the host, the introduction meeting, the start and the check-in"),
  agreements: z.array(agreementOutput),
  notes: z.array(z.object({ note: z.string(), authorName: z.string().nullable(), createdAt: timestamp })),
  createdAt: timestamp,
  abilities: abilitiesOf(PLACEMENT_ACTIONS),
});
export type PlacementOutput = z.infer<typeof placementOutput>;

export const placementListQuery = pageQuery.extend({
  status: z.enum(PLACEMENT_STATUSES).optional(),
  clientId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
});
export const placementPage = pageOf(placementOutput.omit({ agreements: true, notes: true }));
/** A placement without its agreement versions and notes: what the client's own routes answer. */
/**
 * `POST /placements/{id}/undo`: a referral undone before it reached the host. It is gone (the guidance hours and the
 * role's place it held are free again); a placement proposal it came from is pending again.
 */
export const placementUndoOutput = z.object({
  id: z.uuid().describe("the referral that was undone; it no longer exists"),
  clientId: z.uuid(),
  roleId: z.uuid(),
  matchProposalId: z.uuid().nullable().describe("the placement proposal it came from, pending again; null when made by hand"),
  undoneAt: timestamp,
});
export type PlacementUndoOutput = z.infer<typeof placementUndoOutput>;

export const placementSummary = placementOutput.omit({ agreements: true, notes: true });
export type PlacementSummary = z.infer<typeof placementSummary>;
/** `GET /clients/{id}/placements`: a client's started placements (active and ended), newest first, each with its current agreement to read and sign. */
export const clientPlacementList = z.object({
  items: z.array(placementSummary.extend({ currentAgreement: agreementOutput.nullable().describe("the agreement version in force") })),
});

/** What a host organisation may know of a referred or placed client: nothing more. */
export const hostClientProfile = z.object({
  id: z.uuid(),
  givenName: z.string(),
  availability: z.array(z.string()).describe("weekday parts, e.g. tue-am"),
  hoursPerWeek: z.number().nullable().describe("hours of the referral or placement"),
  skills: z.array(z.string()),
  languages: z.array(z.string()),
  guidanceNeed: z.enum(GUIDANCE_LEVELS),
  workLimits: workLimitsOutput.describe("only what bears on the work: never where a limit comes from or why"),
});
export type HostClientProfile = z.infer<typeof hostClientProfile>;

export const guidanceOverview = z.object({
  organisationId: z.uuid(),
  supplyHoursPerWeek: z.number(),
  demandHoursPerWeek: z.number().describe("accepted and active placements, by guidance need"),
  proposedHoursPerWeek: z.number().describe("referrals still open"),
});
