import { z } from "zod";
import { calendarDate, pageOf, pageQuery, timestamp } from "./common.js";

export const ACCOUNTABILITY_STATUSES = ["open", "confirmed", "stopped"] as const;
export type AccountabilityStatus = (typeof ACCOUNTABILITY_STATUSES)[number];
/** What a request asks the client to account for. */
export const ACCOUNTABILITY_SUBJECT_TYPES = ["contribution", "caregiving"] as const;
export type AccountabilitySubjectType = (typeof ACCOUNTABILITY_SUBJECT_TYPES)[number];

/** Body of `POST /accountability-requests/{id}/responses`: the activity continues, or it has stopped. */
export const accountabilityResponseInput = z.object({
  continues: z.boolean(),
  statement: z.string().trim().max(4000).nullish().describe("e.g. what the organisation says; proof can be uploaded as a document"),
});

/** What the caller may do with one request, computed by the rules the server enforces. */
export const accountabilityAbilities = z
  .object({
    respond: z.boolean().describe("answer whether the activity continues"),
    addProof: z.boolean().describe("upload a document as proof"),
  })
  .describe("the caller's abilities: show an action only when it is true");
export type AccountabilityAbilities = z.infer<typeof accountabilityAbilities>;

export const accountabilityRequestOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  subjectType: z.enum(ACCOUNTABILITY_SUBJECT_TYPES),
  subjectId: z.uuid(),
  activity: z.string().describe("what is accounted for, in words"),
  requestedOn: calendarDate,
  remindedOn: calendarDate.nullable(),
  overdueOn: calendarDate.describe("after this date without an answer it reaches the consultant's work queue; never a sanction by itself"),
  overdue: z.boolean(),
  ordinanceVersion: z.number().int().describe("the ordinance version the request was made under"),
  letterId: z.uuid(),
  reminderLetterId: z.uuid().nullable(),
  status: z.enum(ACCOUNTABILITY_STATUSES),
  respondedOn: calendarDate.nullable(),
  response: z.string().nullable(),
  documents: z.array(
    z.object({ id: z.uuid(), filename: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), uploadedAt: timestamp }),
  ),
  createdAt: timestamp,
  abilities: accountabilityAbilities,
});
export type AccountabilityRequestOutput = z.infer<typeof accountabilityRequestOutput>;
export const accountabilityList = z.object({ items: z.array(accountabilityRequestOutput) });
export const accountabilityListQuery = pageQuery.extend({ status: z.enum(ACCOUNTABILITY_STATUSES).optional() });
export const accountabilityPage = pageOf(accountabilityRequestOutput);
