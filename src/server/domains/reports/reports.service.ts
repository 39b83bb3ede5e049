import type { Actor, RequestContext } from "@server/auth/actor.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { runInWorker } from "@server/worker-thread.js";
import type { StatisticsEffects, StatisticsOverview, statisticsEffectsQuery, statisticsOverviewQuery } from "@shared/schemas/statistics.js";
import type { z } from "zod";
import type { AnnualReportInput } from "./annual-report.pdf.js";
import { annualPeriod, assertYearHasBegun } from "./reports.rules.js";

/** Where the report's figures come from: the statistics overview and the effect estimates, each scoped to the caller. */
export interface AnnualReportSources {
  overview: (actor: Actor, query: z.infer<typeof statisticsOverviewQuery>) => Promise<StatisticsOverview>;
  effects: (actor: Actor, query: z.infer<typeof statisticsEffectsQuery>) => Promise<StatisticsEffects>;
}

/** The bootstrap of the report's effect estimates: a fixed seed, so the same year's report prints the same margins. */
export const REPORT_BOOTSTRAP = { seed: 1, resamples: 500 } as const;

/**
 * Everything the annual report prints, as the caller may see it: the year's figures per quarter and for the year as
 * a whole, for the whole city (a team lead's own districts; researchers with small counts hidden), and the effect
 * estimates on the history up to the year's end.
 */
export async function gatherAnnualReport(ctx: RequestContext, year: number, sources: AnnualReportSources): Promise<AnnualReportInput> {
  const today = ctx.clock.today();
  assertYearHasBegun(year, today);
  const period = annualPeriod(year, today);
  const [overview, yearTotals, effects] = await Promise.all([
    sources.overview(ctx.actor, { ...period, groupBy: "quarter" }),
    sources.overview(ctx.actor, { ...period, groupBy: "year" }),
    sources.effects(ctx.actor, { to: period.to, ...REPORT_BOOTSTRAP }),
  ]);
  return {
    year,
    municipality: { name: municipality.name, department: municipality.department },
    districts: ctx.actor.role === "teamLead" ? [...ctx.actor.districts].sort() : null,
    overview,
    yearTotals,
    effects,
    generatedOn: today,
  };
}

/** The annual report to the council as PDF bytes, laid out on a worker thread so the server keeps answering. */
export async function makeAnnualReportPdf(ctx: RequestContext, year: number, sources: AnnualReportSources): Promise<Buffer> {
  const input = await gatherAnnualReport(ctx, year, sources);
  const bytes = await runInWorker<AnnualReportInput, Uint8Array>(import.meta.url, "annual-report", input);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
