import { z } from "zod";

/**
 * `GET /organisations/{id}/feedback`: what clients think of the organisation, as counts only. Staff see the number of
 * ratings, the average and how many gave each rating; the host sees the number and the average only once at least
 * `hostMinimum` clients rated, and never a name or a client's own words.
 */
export const organisationFeedbackOutput = z.object({
  organisationId: z.uuid(),
  shown: z.boolean().describe("false for the host while fewer than hostMinimum clients rated: then every figure is null"),
  count: z.number().int().nullable(),
  averageRating: z.number().nullable().describe("1–5, one decimal"),
  ratings: z
    .array(z.object({ rating: z.number().int(), count: z.number().int() }))
    .nullable()
    .describe("how many gave each rating; staff only"),
  hostMinimum: z.number().int().describe("the number of ratings before the host sees any figure"),
});
export type OrganisationFeedbackOutput = z.infer<typeof organisationFeedbackOutput>;
