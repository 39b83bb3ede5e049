import { z } from "zod";
import { abilitiesOf } from "./abilities.js";
import { calendarDate, timestamp } from "./common.js";

/**
 * Volunteer work the client found themselves, an initiative of their own (e.g. a neighbourhood clean-up), or a course
 * they proposed and the consultant accepted.
 */
export const CONTRIBUTION_KINDS = ["existingVolunteerWork", "ownInitiative", "course", "peerBuddy"] as const;
/** The kinds a consultant formalises through `POST /clients/{id}/contributions`; a buddy's comes with the buddy agreement. */
export const FORMALISED_CONTRIBUTION_KINDS = [
  "existingVolunteerWork",
  "ownInitiative",
  "course",
] as const satisfies readonly (typeof CONTRIBUTION_KINDS)[number][];
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];
export const CONTRIBUTION_STATUSES = ["active", "ended"] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

/** Body of `POST /clients/{id}/contributions`: formalises volunteer work or an own initiative the client already does. */
export const contributionInput = z
  .object({
    kind: z.enum(FORMALISED_CONTRIBUTION_KINDS),
    organisationId: z.uuid().optional().describe("when the organisation is a registered host"),
    organisationName: z.string().trim().min(1).max(200).optional().describe("any organisation, registered or not"),
    description: z.string().trim().min(1).max(2000),
    hoursPerWeek: z.number().min(0.5).max(40),
    since: calendarDate,
  })
  .refine((c) => c.kind === "ownInitiative" || c.organisationId || c.organisationName, {
    message: "Name the organisation of the volunteer work",
    path: ["organisationName"],
    params: { code: "required" },
  });
export type ContributionInput = z.infer<typeof contributionInput>;

/** What the caller may do with one contribution: undo formalising it while its agreement letter is still inside. */
export const CONTRIBUTION_ACTIONS = ["undo"] as const;

export const contributionOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  kind: z.enum(CONTRIBUTION_KINDS),
  organisationId: z.uuid().nullable(),
  organisationName: z.string(),
  description: z.string(),
  hoursPerWeek: z.number(),
  since: calendarDate,
  status: z.enum(CONTRIBUTION_STATUSES),
  endedOn: calendarDate.nullable().describe("the day it ended: its hours count up to then and no longer"),
  letterId: z.uuid(),
  createdAt: timestamp,
  abilities: abilitiesOf(CONTRIBUTION_ACTIONS),
});
export const contributionList = z.object({
  items: z.array(contributionOutput),
  contributing: z
    .boolean()
    .describe(
      "an active formalised contribution or caregiving beyond customary care: the client is left in peace apart from periodic accountability",
    ),
  contributingThrough: z.array(z.enum([...CONTRIBUTION_KINDS, "caregiving"])).describe("what the contribution consists of"),
});
