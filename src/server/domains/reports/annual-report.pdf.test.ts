import { buildStatisticsEffects, buildStatisticsOverview } from "@server/testing/statistics-fixtures.js";
import { STATISTICS_TABLES, type StatisticsTable } from "@shared/schemas/statistics.js";
import { tableTitle } from "@shared/statistics-labels.js";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { type AnnualReportInput, estimateSentence, renderAnnualReportPdf, reportTable } from "./annual-report.pdf.js";
import { SECTIONS } from "./annual-report.text.js";
import { tableLayouts } from "./statistics-figures.js";

const overview = buildStatisticsOverview("quarter");
const yearTotals = buildStatisticsOverview("year");
const effects = buildStatisticsEffects();

const input: AnnualReportInput = {
  year: 2026,
  municipality: { name: "Gemeente Rotterdam", department: "Werk en Inkomen – Activering" },
  districts: null,
  overview,
  yearTotals,
  effects,
  generatedOn: "2027-01-15",
};

async function textOf(pdf: Buffer): Promise<string> {
  return (await new PDFParse({ data: pdf }).getText()).text.replace(/\s+/g, " ");
}

describe("annual report to the council", () => {
  let text: string;
  beforeAll(async () => {
    text = await textOf(await renderAnnualReportPdf(input));
  });

  it("prints the title, the municipality, the period and what the tegenprestatie is", async () => {
    expect(text).toContain("Jaarverslag tegenprestatie 2026");
    expect(text).toContain("Gemeente Rotterdam");
    expect(text).toContain("Gemaakt op 15 januari 2027");
    expect(text).toContain("1 januari 2026 tot en met 31 december 2026. Hoe iets door het jaar heen veranderde, staat per kwartaal.");
    expect(text).toContain("Ze gaan over de hele stad.");
    expect(text).toContain("Dat heet de tegenprestatie");
  });

  it("prints every table's figures with Dutch labels, its totals and hidden cells as 'minder dan 5'", async () => {
    for (const id of STATISTICS_TABLES) expect(text).toContain(tableTitle("nl", id));
    // The funnel per quarter: Dutch thousands, every quarter, the totals.
    expect(text).toContain("Uitgenodigd");
    expect(text).toContain("1.517");
    expect(text).toContain("6.003");
    expect(text).toContain("1e kwartaal 2026");
    // Sanctions, with the rule that refused a proposal, and objections by decision and outcome.
    expect(text).toContain("Tegengehouden: heeft een ontheffing");
    expect(text).toContain("Herroepen na bezwaar");
    expect(text).toContain("Maatregel opgelegd");
    expect(text).toContain("Gegrond");
    expect(text).toContain("Nog niet beslist");
    // A breakdown by category is the year's: no quarter in its rows.
    expect(text).toContain("Maatregel opgelegd Gegrond 9");
    expect(text).not.toMatch(/kwartaal 2026 Maatregel opgelegd/);
    // No total of a median: a dash, not a hidden count.
    expect(text).toMatch(/Totaal 496 – /);
    // Displacement.
    expect(text).toContain("Vrijwilligersplekken afgewezen");
    expect(text).toContain("249");
    // Endings, exemptions, ladder, wellbeing and outflow: codes by their Dutch labels.
    expect(text).toContain("Paste niet");
    expect(text).toContain("Tot 3 maanden");
    expect(text).toContain("Trede 2");
    expect(text).toContain("Latere meting");
    expect(text).toContain("52,3");
    expect(text).toContain("Na een plaatsing");
    expect(text).toContain("Schuldhulp");
    expect(text).toContain("minder dan 5");
    // Hidden cells in the printed tables: transitions 1, caregiving 1, accountability 2, sanctions 8, displacement 6
    // (per quarter), contributions, endings, exemptions and objections 1 each (the year's).
    expect(text).toContain("In dit verslag zijn 22 getallen verborgen.");
  });

  it("names the districts short of guidance and by how much", async () => {
    expect(text).toContain("Te weinig begeleiding in: Charlois (32,5 uur), Feijenoord (12,5 uur). Samen ontbrak 45 uur");
    expect(text).not.toContain("Overschie (");
  });

  it("prints the effect estimates with their intervals, the counts, the data they use and that it is not a trial", async () => {
    expect(text).toContain("De schattingen gebruiken de gegevens van 1 januari 2025 tot en met 31 december 2026.");
    expect(text).toContain("dit is geen experiment");
    expect(text).toContain("+0,31");
    expect(text).toContain("+0,12 tot +0,5");
    expect(text).toContain("1.204");
    expect(text).toContain("95%-betrouwbaarheidsinterval");
    expect(text).toContain("500 keer");
    expect(text).toContain("startgetal 17");
    expect(text).toContain("Kanttekeningen");
  });

  it("prints a researcher's hidden counts behind an estimate as 'minder dan 5', and says why", async () => {
    expect(text).toContain("Dan noemen we het aantal niet, zodat niemand te herkennen is.");
    // Schuldhulp: too few for an estimate, its 3 clients and 2 start months hidden, its comparison shown.
    expect(text).toMatch(/Schuldhulp 12 – – minder dan 5 2\.980 minder dan 5/);
  });

  it("says which districts a team lead's report covers, and prints no 'minder dan 5' when nothing is hidden", async () => {
    const unsuppressed = { ...overview, suppressedBelow: null };
    const allCounts = {
      ...effects,
      suppressedBelow: null,
      estimates: effects.estimates.map((e) => (e.treatedClients === null ? { ...e, treatedClients: 3, cohorts: 2 } : e)),
    };
    const text = await textOf(
      await renderAnnualReportPdf({ ...input, overview: unsuppressed, effects: allCounts, districts: ["Charlois", "Overschie"] }),
    );
    expect(text).toContain("Ze gaan over de wijken Charlois en Overschie.");
    expect(text).not.toContain("minder dan 5");
  });

  it("depends only on its input", async () => {
    const [a, b] = await Promise.all([renderAnnualReportPdf(input), renderAnnualReportPdf(input)]);
    expect(a.equals(b)).toBe(true);
  });
});

describe("annual report: parts", () => {
  it("puts every table of the overview in exactly one chapter", () => {
    const placed = SECTIONS.flatMap((s) => s.tables);
    expect([...placed].sort()).toEqual([...STATISTICS_TABLES].sort());
  });

  it("says an estimate in words, and when its margin crosses zero that the effect is uncertain", () => {
    const [placement, language, debt] = effects.estimates;
    expect(placement && estimateSentence(placement)).toBe(
      "Begin van vrijwilligerswerk (plaatsing), na 6 maanden: gemiddeld 0,31 treden hoger dan bij mensen die nog niet begonnen (marge +0,12 tot +0,5).",
    );
    expect(language && estimateSentence(language)).toContain("We weten dus niet zeker of er een effect is.");
    expect(debt && estimateSentence(debt)).toBe("Schuldhulp, na 12 maanden: te weinig deelnemers voor een schatting.");
  });

  it("takes trends per quarter and breakdowns by category for the year, without repeating the year in each row", () => {
    expect(reportTable(input, "funnel")?.dimensions).toEqual(["period"]);
    expect(reportTable(input, "funnel")?.rows).toHaveLength(4);
    expect(reportTable(input, "objections")?.dimensions).toEqual(["decisionType", "outcome"]);
    expect(reportTable(input, "endings")?.rows.map((r) => r.keys)).toEqual([
      ["health", "health"],
      ["poorFit", "none"],
      ["clientStopped", "client"],
    ]);
  });

  it("turns a wide, short table so measures are rows, and splits a wide, long one", () => {
    const funnel = reportTable(input, "funnel") as StatisticsTable;
    const [turned, ...more] = tableLayouts(funnel, { cell: "minder dan 5" });
    expect(more).toHaveLength(0);
    expect(turned?.header).toEqual(["", "1e kwartaal 2026", "2e kwartaal 2026", "3e kwartaal 2026", "4e kwartaal 2026", "Totaal"]);
    expect(turned?.rows).toHaveLength(funnel.measures.length);
    const long = { ...funnel, rows: [...funnel.rows, ...funnel.rows] };
    const split = tableLayouts(long, { cell: "minder dan 5" });
    expect(split.map((l) => l.header.length)).toEqual([1 + 5, 1 + 2]);
    expect(split[0]?.footer?.[0]).toBe("Totaal");
  });
});
