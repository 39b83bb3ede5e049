import type { Services } from "@server/app.js";
import { contextOf } from "@server/http/context.js";
import { annualReportQuery } from "@shared/schemas/reports.js";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { statisticsEffects } from "../statistics/effects.service.js";
import { statisticsOverview } from "../statistics/statistics.service.js";
import { reportPolicy } from "./reports.policy.js";
import { type AnnualReportSources, makeAnnualReportPdf } from "./reports.service.js";

/** Reports for the council: the yearly report on the tegenprestatie that the ordinance asks for. */
export function reportRoutes({ db }: Services): FastifyPluginAsyncZod {
  const sources: AnnualReportSources = {
    overview: (actor, query) => statisticsOverview(db.kysely, actor, query),
    effects: (actor, query) => statisticsEffects(db.kysely, actor, query),
  };
  return async (app) => {
    app.get(
      "/reports/annual",
      {
        config: { policy: reportPolicy.annual },
        schema: {
          tags: ["reports"],
          summary: "The annual report to the council (PDF)",
          description:
            "The year's figures per quarter with a chart and a table each, the effect estimates with their intervals, the " +
            "sanctions, objections, displacement and guidance shortfall, in plain Dutch. Scoped as the statistics are: team " +
            "leads get their districts, researchers small counts hidden. A year still going is reported up to today; a year " +
            "not yet begun is refused (400, `year`).",
          querystring: annualReportQuery,
          produces: ["application/pdf"],
          response: { 200: z.any().describe("the PDF") },
        },
      },
      async (request, reply) => {
        const { year } = request.query;
        const pdf = await makeAnnualReportPdf(contextOf(request), year, sources);
        return reply
          .type("application/pdf")
          .header("Content-Disposition", `attachment; filename="jaarverslag-tegenprestatie-${year}.pdf"`)
          .send(pdf);
      },
    );
  };
}
