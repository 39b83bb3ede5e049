import { z } from "zod";
import { calendarDate, timestamp } from "./common.js";

export const CHECK_IN_CHANNELS = ["inPerson", "phone", "video", "portal"] as const;
export type CheckInChannel = (typeof CHECK_IN_CHANNELS)[number];

/** Who entered a check-in: the client themselves in the portal, or a consultant. */
export const CHECK_IN_ENTERED_BY = ["client", "consultant"] as const;
export type CheckInEnteredBy = (typeof CHECK_IN_ENTERED_BY)[number];

const who5Item = z.number().int().min(0).max(5);

/** Body of `POST /clients/{id}/check-ins`. */
export const checkInInput = z
  .object({
    heldOn: calendarDate,
    channel: z.enum(CHECK_IN_CHANNELS),
    howItGoes: z.string().trim().max(4000).nullish(),
    who5: z.array(who5Item).length(5).describe("the five WHO-5 items, each 0 (never) to 5 (all the time)"),
    readyForNextStep: z.boolean(),
    ladderRung: z.number().int().min(1).max(6).nullish().describe("a re-assessment, when made"),
    growthRung: z.number().int().min(1).max(6).nullish(),
  })
  .refine((v) => !v.growthRung || (v.ladderRung && v.growthRung >= v.ladderRung), {
    message: "Growth potential needs a rung and cannot be below it",
    path: ["growthRung"],
    params: { code: "growthBelowRung" },
  });
export type CheckInInput = z.infer<typeof checkInInput>;

/** Body of `POST /clients/{id}/portal-check-ins`: the client's own short check-in, dated today. */
export const portalCheckInInput = z.object({
  howItGoes: z.string().trim().max(1000).nullish().describe("how it goes, in a few words"),
  who5: z.array(who5Item).length(5).describe("the five WHO-5 items, each 0 (never) to 5 (all the time)"),
  needsHelp: z.boolean().describe('"Ik heb hulp nodig": flagged as urgent on the consultant\'s work queue the same day'),
  helpNote: z.string().trim().max(1000).nullish().describe("what help, when the client wants to say"),
});
export type PortalCheckInInput = z.infer<typeof portalCheckInInput>;

export const checkInOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  planId: z.uuid().nullable(),
  heldOn: calendarDate,
  channel: z.enum(CHECK_IN_CHANNELS),
  howItGoes: z.string().nullable(),
  who5: z.array(z.number().int()),
  who5Raw: z.number().int().describe("0–25"),
  who5Percentage: z.number().int().describe("raw × 4, 0–100"),
  needsAttention: z.boolean().describe("low wellbeing: raw score below 13, or any item 0 or 1"),
  readyForNextStep: z.boolean(),
  enteredBy: z.enum(CHECK_IN_ENTERED_BY),
  needsHelp: z.boolean().describe("the client asked for help"),
  helpNote: z.string().nullable(),
  createdAt: timestamp,
});
export const checkInList = z.object({ items: z.array(checkInOutput) });
