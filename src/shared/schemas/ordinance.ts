import { z } from "zod";
import { calendarDate, measure, timestamp } from "./common.js";

const sanctionLevel = z.object({
  level: z.number().int().min(1).max(10),
  percentage: measure(100).describe("share of the benefit standard withheld"),
  months: z.number().int().min(1).max(3).describe("how long; the Participatiewet allows at most three months"),
});

const hours = (max: number) => measure(max);

/** Grounds for a sanction proposal (Participatiewet art. 18 lid 2 and the local ordinance). */
export const SANCTION_GROUNDS = [
  "refusedContribution",
  "missedAppointments",
  "stoppedPlacementWithoutReason",
  "insufficientEffort",
] as const;
const startLevel = z.number().int().min(1).max(10);

/** The rules of one ordinance version; what `POST /ordinance/versions` takes besides its date and note. */
const ordinanceSettings = z.object({
  weeklyNormHours: hours(40).describe("the norm asked of a client, before capacity"),
  accountabilityIntervalMonths: z.number().int().min(1).max(24).describe("how often a formalised contribution is accounted for"),
  accountabilityReminderDays: z.number().int().min(1).max(90).describe("days after a request without an answer before a reminder"),
  accountabilityOverdueDays: z
    .number()
    .int()
    .min(1)
    .max(180)
    .describe("days after a request without an answer before it reaches the work queue"),
  exemptionCoSignMonths: z.number().int().min(1).max(60).describe("a full exemption longer than this needs a team lead's co-signature"),
  exemptionNoticeDays: z
    .number()
    .int()
    .min(1)
    .max(180)
    .describe("days before an exemption's end or review date that it reaches the work queue"),
  guidanceHoursPerLevel: z
    .object({ light: hours(40), regular: hours(40), intensive: hours(40) })
    .describe("guidance hours a week a placement asks of its host, by the client's guidance need"),
  sanctionGroundLevels: z
    .object({
      refusedContribution: startLevel,
      missedAppointments: startLevel,
      stoppedPlacementWithoutReason: startLevel,
      insufficientEffort: startLevel,
    })
    .describe("the level of the scale each ground starts at; each recurrence within a year is one level higher"),
  hearingResponseDays: z.number().int().min(7).max(42).describe("days a client has to respond to a hearing invitation"),
  maxFactsAgeDays: z
    .number()
    .int()
    .min(14)
    .max(365)
    .default(90)
    .describe("a sanction rests on conduct at most this many days ago; older facts are no ground"),
  selfDeclaredMaxHours: hours(40)
    .default(8)
    .describe("a role asking more hours a week than this is not approved on the host's own answers alone: a reviewer decides"),
  maxDurationMonths: z
    .number()
    .int()
    .min(1)
    .max(60)
    .default(12)
    .describe("the longest a plan step or placement agreement may run (Participatiewet art. 9: limited in duration)"),
  sanctionLevels: z
    .array(sanctionLevel)
    .min(1)
    .max(10)
    .refine((levels) => levels.every((l, i) => l.level === i + 1), {
      message: "Number the levels 1, 2, 3, … in order",
      params: { code: "levelsOutOfOrder" },
    }),
});
export type OrdinanceSettings = z.infer<typeof ordinanceSettings>;

const months = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * How long the daily job keeps each kind of record before it removes or anonymises it (AVG art. 5 lid 1 sub e).
 * Letters and decisions are not among them: archive law keeps them with the client's file.
 */
export const retentionSettings = z.object({
  auditMonths: months(12, 240).describe("audit events are removed this many months after they occurred"),
  checkInNoteMonths: months(3, 120).describe("a check-in's free text is erased this many months after it was held; its scores stay"),
  evidenceMonths: months(1, 120).describe(
    "evidence is removed this many months after its subject closed and every objection term of its decisions passed, with no objection open",
  ),
  matchProposalMonths: months(1, 60).describe("proposals of a match plan that nobody followed are removed this many months after the plan"),
});
export type RetentionSettings = z.infer<typeof retentionSettings>;

/** Body of `POST /ordinance/versions`: a new version from a date on; earlier versions stay as they were. */
export const ordinanceVersionInput = ordinanceSettings.extend({
  retention: retentionSettings
    .partial()
    .optional()
    .describe("retention periods; a period left out keeps the value of the version in force on effectiveFrom"),
  effectiveFrom: calendarDate.describe("today or later: a rule change never rewrites the past"),
  note: z.string().trim().min(1).max(2000).describe("what changed and on what authority, e.g. the council's decision"),
});
export type OrdinanceVersionInput = z.infer<typeof ordinanceVersionInput>;

export const ordinanceVersionOutput = ordinanceSettings.extend({
  retention: retentionSettings,
  version: z.number().int(),
  effectiveFrom: calendarDate,
  note: z.string(),
  createdBy: z.string().nullable().describe("display name of the admin who added it; null for the first version"),
  createdAt: timestamp,
});
export type Ordinance = z.infer<typeof ordinanceVersionOutput>;

export const ordinanceOverview = z.object({
  current: ordinanceVersionOutput.describe("the version in force today"),
  versions: z.array(ordinanceVersionOutput).describe("every version, newest first"),
});

export const ordinanceOnQuery = z.object({
  date: calendarDate.optional().describe("the version in force on this date; today when left out"),
});
