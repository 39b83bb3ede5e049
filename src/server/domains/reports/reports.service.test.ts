import type { Actor } from "@server/auth/actor.js";
import { TestClock } from "@server/clock.js";
import { AppError } from "@server/http/errors.js";
import { buildStatisticsEffects, buildStatisticsOverview } from "@server/testing/statistics-fixtures.js";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { type AnnualReportSources, makeAnnualReportPdf, REPORT_BOOTSTRAP } from "./reports.service.js";

const teamLead: Actor = {
  id: "u1",
  email: "teamleider@demo.local",
  displayName: "Teamleider",
  role: "teamLead",
  districts: ["Overschie", "Charlois"],
  organisationId: null,
  clientId: null,
  scopeDate: "2026-06-15",
};

/** Sources that answer with the fixtures and keep what they were asked. */
function recordingSources() {
  const asked: { overview: unknown[]; effects: unknown[] } = { overview: [], effects: [] };
  const sources: AnnualReportSources = {
    overview: async (actor, query) => {
      asked.overview.push({ actor: actor.id, ...query });
      return buildStatisticsOverview(query.groupBy === "year" ? "year" : "quarter");
    },
    effects: async (actor, query) => {
      asked.effects.push({ actor: actor.id, ...query });
      return buildStatisticsEffects();
    },
  };
  return { sources, asked };
}

describe("making the annual report", () => {
  it("asks for the year so far per quarter in the caller's scope, and lays out the PDF on a worker thread", async () => {
    const { sources, asked } = recordingSources();
    const ctx = { actor: teamLead, requestId: "r1", clock: new TestClock("2026-06-15") };
    const pdf = await makeAnnualReportPdf(ctx, 2026, sources);
    expect(asked.overview).toEqual([
      { actor: "u1", from: "2026-01-01", to: "2026-06-15", groupBy: "quarter" },
      { actor: "u1", from: "2026-01-01", to: "2026-06-15", groupBy: "year" },
    ]);
    expect(asked.effects).toEqual([{ actor: "u1", to: "2026-06-15", ...REPORT_BOOTSTRAP }]);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = (await new PDFParse({ data: pdf }).getText()).text.replace(/\s+/g, " ");
    expect(text).toContain("Jaarverslag tegenprestatie 2026");
    expect(text).toContain("Ze gaan over de wijken Charlois en Overschie.");
    expect(text).toContain("Gemaakt op 15 juni 2026");
  }, 60_000);

  it("refuses a year that has not begun without asking for any figures", async () => {
    const { sources, asked } = recordingSources();
    const ctx = { actor: teamLead, requestId: "r2", clock: new TestClock("2026-06-15") };
    await expect(makeAnnualReportPdf(ctx, 2027, sources)).rejects.toBeInstanceOf(AppError);
    expect(asked.overview).toHaveLength(0);
    expect(asked.effects).toHaveLength(0);
  });
});
