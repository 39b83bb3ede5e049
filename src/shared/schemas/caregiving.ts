import { z } from "zod";
import { calendarDate, timestamp } from "./common.js";

/** Who is cared for, by relation only: the person cared for is not a client and is not identified. */
export const CARE_RELATIONS = [
  "child",
  "partner",
  "parent",
  "parentInLaw",
  "sibling",
  "grandparent",
  "otherFamily",
  "friendOrNeighbour",
] as const;
export type CareRelation = (typeof CARE_RELATIONS)[number];
export const CAREGIVING_STATUSES = ["active", "ended"] as const;
export type CaregivingStatus = (typeof CAREGIVING_STATUSES)[number];

/** Body of `POST /clients/{id}/caregiving`. */
export const caregivingInput = z.object({
  relation: z.enum(CARE_RELATIONS),
  description: z.string().trim().max(2000).nullish().describe("what the care involves, without naming the person"),
  hoursPerWeek: z.number().min(0.5).max(168),
  since: calendarDate,
  beyondCustomaryCare: z.boolean().describe("the consultant's judgement: more than housemates customarily do for each other (mantelzorg)"),
  judgementReason: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .describe("why, e.g. 'intensive care for a child with autism, 80 h/week on professional advice'"),
});
export type CaregivingInput = z.infer<typeof caregivingInput>;

/** Body of `POST /caregiving/{id}/end`. */
export const caregivingEndInput = z.object({ endedOn: calendarDate });

/** What the caller may do with one record of caregiving, computed by the rules the server enforces. */
export const caregivingAbilities = z
  .object({
    end: z.boolean().describe("record that the care has ended"),
    undo: z.boolean().describe("undo recording it while the letter of its judgement (customary care) is still inside"),
  })
  .describe("the caller's abilities: show an action only when it is true");
export type CaregivingAbilities = z.infer<typeof caregivingAbilities>;

export const caregivingOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  relation: z.enum(CARE_RELATIONS),
  description: z.string().nullable(),
  hoursPerWeek: z.number(),
  since: calendarDate,
  beyondCustomaryCare: z.boolean(),
  countsAsContribution: z
    .boolean()
    .describe("active caregiving beyond customary care is the client's contribution; its hours count towards capacity"),
  judgementReason: z.string(),
  judgedBy: z.string().nullable(),
  decisionId: z.uuid().nullable().describe("care judged customary care: the decision (with its letter) the client can object to"),
  status: z.enum(CAREGIVING_STATUSES),
  endedOn: calendarDate.nullable(),
  createdAt: timestamp,
  abilities: caregivingAbilities,
});
export type CaregivingOutput = z.infer<typeof caregivingOutput>;
export const caregivingList = z.object({
  items: z.array(caregivingOutput),
  abilities: z
    .object({ record: z.boolean().describe("record caregiving with a judgement") })
    .describe("what the caller may do with this client's caregiving as a whole"),
});
