import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { statisticsOverview as overviewOutput, statisticsOverviewRequest } from "@shared/schemas/statistics.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { statisticsPolicy } from "./statistics.policy.js";
import { overviewCsvFilename, presentOverviewCsv } from "./statistics.presenter.js";
import { assertValidOverviewQuery } from "./statistics.rules.js";
import { statisticsOverview } from "./statistics.service.js";

/** The figures of the tegenprestatie: one overview of tables, as JSON for the dashboard or as one CSV file. */
export function statisticsRoutes({ db }: Services): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/statistics/overview",
      {
        config: { policy: statisticsPolicy.overview },
        schema: {
          tags: ["statistics"],
          summary: "The figures of a period, for the whole city or one district",
          description:
            "Every figure is a table of the same shape (dimensions, measures, rows, totals). Researchers get counts below 5 " +
            "hidden, with secondary suppression so no hidden cell follows from its column's total, and a coarser choice " +
            "when cells are hidden. Consultants and team leads see their own districts: 403 districtOutOfScope for another. " +
            "`format=csv` gives every table in one CSV file (one line per cell and per total), with the same cells hidden.",
          querystring: statisticsOverviewRequest,
          produces: ["application/json", "text/csv"],
          response: { 200: overviewOutput.or(z.string().describe("the CSV file, with format=csv")) },
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        assertValidOverviewQuery(query);
        const overview = await statisticsOverview(db.kysely, contextOf(request).actor, query);
        if (format === "json") return overview;
        return reply
          .type("text/csv; charset=utf-8")
          .header("Content-Disposition", `attachment; filename="${overviewCsvFilename(overview)}"`)
          .send(presentOverviewCsv(overview));
      },
    );
  };
}
