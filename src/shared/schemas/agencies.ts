import { z } from "zod";
import { DISTRICTS } from "../districts.js";
import { isValidKvkNumber } from "../validation/kvk.js";
import { abilitiesOf } from "./abilities.js";
import { calendarDate, pageOf, pageQuery, timestamp } from "./common.js";

/** The lasting placement that matters to the client: one that runs at least this many months. */
export const LASTING_PLACEMENT_MONTHS = 3;

/** Body of `POST /agencies` (admin). */
export const agencyCreateInput = z.object({
  name: z.string().trim().min(1).max(200),
  kvkNumber: z
    .string()
    .trim()
    .refine(isValidKvkNumber, { message: "A KvK number has eight digits", params: { code: "invalidKvk" } })
    .nullish(),
  district: z
    .string()
    .refine((value) => DISTRICTS.includes(value), { message: "Unknown district", params: { code: "unknownDistrict" } })
    .nullish()
    .describe("the district the agency mainly works in; it does not limit which clients it can be given"),
});
export type AgencyCreateInput = z.infer<typeof agencyCreateInput>;

/** Body of `PATCH /agencies/{id}` (admin): the fields of the registration, each optional, at least one. */
export const agencyUpdateInput = agencyCreateInput
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: "Nothing to change", params: { code: "emptyUpdate" } });
export type AgencyUpdateInput = z.infer<typeof agencyUpdateInput>;

export const AGENCY_ACTIONS = ["assignClients", "viewResults", "update"] as const;

export const agencyOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  kvkNumber: z.string().nullable(),
  district: z.string().nullable(),
  createdAt: timestamp,
  abilities: abilitiesOf(AGENCY_ACTIONS),
});
export type AgencyOutput = z.infer<typeof agencyOutput>;
export const agencyListQuery = pageQuery;
export const agencyPage = pageOf(agencyOutput);

/** The contract of one assignment: the production targets the agency works under for this client. */
export const assignmentContract = z.object({
  intakeWithinDays: z.number().int().min(1).max(365).describe("the intake is held within this many days of the start"),
  placementWithinDays: z.number().int().min(1).max(730).describe("a placement starts within this many days of the start"),
  placementMinWeeks: z.number().int().min(1).max(104).describe("the placement lasts at least this many weeks"),
});

/** Body of `POST /agencies/{id}/assignments` (team lead). */
export const assignmentCreateInput = z.object({
  clientId: z.uuid(),
  startDate: calendarDate,
  endDate: calendarDate.describe("the last day the agency works with the client"),
  contract: assignmentContract,
});
export type AssignmentCreateInput = z.infer<typeof assignmentCreateInput>;

/** Why a team lead ends an assignment before its planned end; `other` needs the reason in words. */
export const ASSIGNMENT_END_REASONS = [
  "workFound",
  "benefitEnded",
  "clientCircumstances",
  "backToConsultant",
  "agencyPerformance",
  "contractEnded",
  "other",
] as const;
export type AssignmentEndReason = (typeof ASSIGNMENT_END_REASONS)[number];

/** Body of `POST /agency-assignments/{id}/end` (team lead). */
export const assignmentEndInput = z
  .object({
    endedOn: calendarDate
      .optional()
      .describe(
        "from this day the agency no longer works with the client and its workers no longer see them; not before the start, not after the planned end; today when left out",
      ),
    reason: z.enum(ASSIGNMENT_END_REASONS).describe("why, from the list"),
    note: z.string().trim().min(3).max(1000).optional().describe("the reason in words; required when the reason is `other`"),
  })
  .refine((input) => input.reason !== "other" || input.note, {
    message: "Say why in words",
    path: ["note"],
    params: { code: "required" },
  });
export type AssignmentEndInput = z.infer<typeof assignmentEndInput>;

/**
 * Where an assignment stands today: not begun, running, run to its planned end, or ended early (from its end date
 * on; before that day it is still `current`).
 */
export const ASSIGNMENT_STATUSES = ["upcoming", "current", "completed", "endedEarly"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const ASSIGNMENT_ACTIONS = ["end"] as const;

export const assignmentOutput = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  clientId: z.uuid(),
  clientName: z.string(),
  startDate: calendarDate,
  endDate: calendarDate.describe("the last day the agency works with the client; the day before `endedOn` when ended early"),
  plannedEndDate: calendarDate.describe("the end the assignment was given"),
  contract: assignmentContract,
  current: z.boolean().describe("today lies within the period: the agency's workers see the client"),
  status: z.enum(ASSIGNMENT_STATUSES),
  assignedByName: z.string().nullable().describe("the team lead who made the assignment"),
  endedOn: calendarDate.nullable().describe("ended early: from this day the agency no longer works with the client"),
  endReason: z.enum(ASSIGNMENT_END_REASONS).nullable(),
  endNote: z.string().nullable().describe("ended early: the reason in words, for municipal staff only"),
  endedByName: z.string().nullable(),
  createdAt: timestamp,
  abilities: abilitiesOf(ASSIGNMENT_ACTIONS),
});
export type AssignmentOutput = z.infer<typeof assignmentOutput>;
export const assignmentListQuery = pageQuery;
export const assignmentPage = pageOf(assignmentOutput);

/** One agency's targets against its results, and against the outcomes that matter to the client. */
export const agencyResultFields = z.object({
  assignments: z.number().int(),
  currentAssignments: z.number().int(),
  intakesTargeted: z.number().int().describe("assignments whose intake term has passed or whose intake is held"),
  intakesOnTime: z.number().int().describe("of those, the intake held within the contract's term"),
  placementsTargeted: z.number().int().describe("assignments whose placement term has passed or whose placement started"),
  placementsOnTime: z.number().int().describe("of those, a placement started within the contract's term"),
  durationsTargeted: z.number().int().describe("placements started under an assignment that ended or reached the contract's weeks"),
  durationsMet: z.number().int().describe("of those, placements that lasted the contract's weeks"),
  placementsStarted: z.number().int().describe("placements started during an assignment"),
  lastingPlacements: z.number().int().describe(`of those, placements that lasted ${LASTING_PLACEMENT_MONTHS} months or more`),
  lastingPlacementsDecided: z.number().int().describe(`placements that ended or have run ${LASTING_PLACEMENT_MONTHS} months`),
  endingsAttributedToOrganisation: z.number().int().describe("placements that ended through the host organisation"),
  endings: z.number().int().describe("placements that ended"),
  who5Clients: z.number().int().describe("clients with a WHO-5 before or early in the period and a later one in it"),
  who5Change: z.number().nullable().describe("average change of the WHO-5 percentage score (0–100) over the period"),
});
export type AgencyResultFields = z.infer<typeof agencyResultFields>;

export const agencyResultsOutput = z.object({
  items: z.array(agencyResultFields.extend({ agencyId: z.uuid(), agencyName: z.string() })),
  totals: agencyResultFields,
});
export type AgencyResultsOutput = z.infer<typeof agencyResultsOutput>;
