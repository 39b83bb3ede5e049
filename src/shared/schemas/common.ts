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
