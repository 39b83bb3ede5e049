import { z } from "zod";

/** Paging query shared by every list endpoint. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).describe("1-based page number"),
  pageSize: z.coerce.number().int().min(1).max(200).default(25).describe("rows per page, at most 200"),
});

/** Wraps an item schema in the paged list envelope every list endpoint returns. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().describe("rows matching the filters, over all pages"),
  });
}

export const idParam = z.object({ id: z.uuid() });

/** An ISO date-time with offset, as every timestamp in the API is written. */
export const timestamp = z.iso.datetime({ offset: true });

/** A calendar date `YYYY-MM-DD`. */
export const calendarDate = z.iso.date();

/**
 * Hours and percentages from zero up, recorded to the hundredth: no value is then too small for the database's
 * `real` column (PostgreSQL refused 5e-324 and the request answered 500).
 */
export const measure = (max: number) =>
  z
    .number()
    .min(0)
    .max(max)
    .refine((value) => Math.round(value * 100) / 100 === value, {
      message: "At most two digits after the decimal point",
      params: { code: "tooPrecise" },
    });
