import { z } from "zod";
import { calendarDate } from "./common.js";
import { EXEMPTION_SCOPES, EXEMPTION_TYPES } from "./exemptions.js";
import { waitingItem } from "./overview.js";
import { PLACEMENT_STATUSES } from "./placements.js";
import { PLAN_STEP_STATUSES, PLAN_STEP_TYPES } from "./plans.js";

/**
 * `GET /clients/{id}/status-summary`: the head of a client's record for staff. Who the consultant is (by name), where
 * the client lives, the ladder rung, what runs now (plan steps, placements, exemptions) and what waits for the
 * client's answer by a date. Everything the server decided: the page only shows it.
 */
export const clientStatusSummary = z.object({
  clientId: z.uuid(),
  consultant: z.object({ id: z.uuid(), name: z.string(), isCaller: z.boolean() }).nullable().describe("null while unassigned"),
  addressLines: z.array(z.string()).describe('the postal address as it goes on an envelope: "Street 12 A", "3084 AB Rotterdam"'),
  ladder: z
    .object({ rung: z.number().int().min(1).max(6), growthRung: z.number().int().nullable(), assessedOn: calendarDate })
    .nullable()
    .describe("the latest assessment; null before the intake"),
  steps: z.array(
    z.object({
      id: z.uuid(),
      type: z.enum(PLAN_STEP_TYPES),
      title: z.string(),
      hoursPerWeek: z.number(),
      status: z.enum(PLAN_STEP_STATUSES),
    }),
  ),
  placements: z.array(
    z.object({
      id: z.uuid(),
      status: z.enum(PLACEMENT_STATUSES),
      roleTitle: z.string(),
      organisationName: z.string(),
      startDate: calendarDate.nullable(),
    }),
  ),
  exemptions: z.array(
    z.object({ id: z.uuid(), type: z.enum(EXEMPTION_TYPES), scope: z.enum(EXEMPTION_SCOPES), endDate: calendarDate.nullable() }),
  ),
  deadlines: z.array(waitingItem).describe("what waits for the client's answer, soonest first"),
});
export type ClientStatusSummary = z.infer<typeof clientStatusSummary>;
