import { z } from "zod";

/** `GET /reports/annual`: the year the annual report to the council covers. */
export const annualReportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2999).describe("the calendar year; the current year gives the figures so far"),
});
export type AnnualReportQuery = z.infer<typeof annualReportQuery>;
