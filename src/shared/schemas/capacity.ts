import { z } from "zod";
import { FUNCTIONAL_LIMITS } from "../capacity.js";
import { measure } from "./common.js";

/** Functional limits, each once: what work must not ask of the client (never a diagnosis). */
export const functionalLimitList = z
  .array(z.enum(FUNCTIONAL_LIMITS))
  .max(FUNCTIONAL_LIMITS.length)
  .refine((list) => new Set(list).size === list.length, { message: "Each limit once", params: { code: "duplicate" } });

/** Hours a day a client can work, or a role or step asks on its longest day. */
export const hoursPerDay = measure(24);
/** Days a week. */
export const daysPerWeek = z.number().int().min(1).max(7);

/** A client's limits beyond hours a week, as an input: left out, nothing limits it. */
export const capacityLimitFields = {
  capacityHoursPerDay: hoursPerDay.nullish().describe("the most hours on one day; null: no limit beyond the week"),
  capacityDaysPerWeek: daysPerWeek.nullish().describe("the most days a week; null: no limit"),
  functionalLimits: functionalLimitList.default([]).describe("what work must not ask, in plain categories; never a diagnosis"),
};

/**
 * What a host organisation sees of a client's limits: only what bears on the work (the hours a day, the days, the
 * functional limits), never where they come from or why.
 */
export const workLimitsOutput = z.object({
  hoursPerDay: z.number().nullable(),
  daysPerWeek: z.number().int().nullable(),
  functionalLimits: z.array(z.enum(FUNCTIONAL_LIMITS)),
});
export type WorkLimitsOutput = z.infer<typeof workLimitsOutput>;
