import { STATISTICS_TABLES, type StatisticsTable, statisticsEffects, statisticsOverview } from "@shared/schemas/statistics.js";
import { tableTitle } from "@shared/statistics-labels.js";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { type AnnualReportInput, estimateSentence, renderAnnualReportPdf } from "./annual-report.pdf.js";
import { SECTIONS } from "./annual-report.text.js";
import { tableLayouts } from "./statistics-figures.js";

const QUARTERS = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
type Unit = StatisticsTable["measures"][number]["unit"];

/** A table of the overview's shape; `rows` as [keys, values]. */
function table(
  id: StatisticsTable["id"],
  chart: StatisticsTable["chart"],
  dimensions: string[],
  measures: [string, Unit][],
  rows: [string[], (number | null)[]][],
  totals: (number | null)[] | null,
): StatisticsTable {
  return {
    id,
    chart,
    dimensions,
    measures: measures.map(([key, unit]) => ({ key, unit })),
    rows: rows.map(([keys, values]) => ({ keys, values })),
    totals,
    hiddenCells: rows.flatMap(([, values]) => values).filter((v) => v === null).length,
  };
}

const perQuarter = (values: (number | null)[][]) => QUARTERS.map((q, i) => [[q], values[i] ?? []] as [string[], (number | null)[]]);

const FUNNEL_MEASURES: [string, Unit][] = [
  ["cohort", "clients"],
  ["invited", "clients"],
  ["lettersDelivered", "clients"],
  ["lettersReturned", "clients"],
  ["intakesHeld", "clients"],
  ["plansConfirmed", "clients"],
  ["placementsStarted", "clients"],
];

const overview = statisticsOverview.parse({
  from: "2026-01-01",
  to: "2026-12-31",
  district: null,
  groupBy: "quarter",
  suppressedBelow: 5,
  coarser: null,
  tables: [
    table(
      "funnel",
      "bar",
      ["period"],
      FUNNEL_MEASURES,
      perQuarter([
        [6012, 1517, 1402, 115, 903, 700, 311],
        [6020, 1489, 1377, 112, 877, 690, 298],
        [6031, 1502, 1391, 111, 910, 702, 305],
        [6044, 1495, 1380, 115, 895, 688, 301],
      ]),
      [6044, 6003, 5550, 453, 3585, 2780, 1215],
    ),
    table(
      "activeSteps",
      "stackedBar",
      ["stepType"],
      [["clients", "clients"]],
      [
        [["languageCourse"], [412]],
        [["debtHelp"], [207]],
      ],
      [619],
    ),
    table(
      "contributions",
      "bar",
      ["kind"],
      [["clients", "clients"]],
      [
        [["existingVolunteerWork"], [88]],
        [["course"], [null]],
      ],
      null,
    ),
    table(
      "endings",
      "stackedBar",
      ["reason", "attribution"],
      [["clients", "clients"]],
      [
        [["health", "health"], [41]],
        [["poorFit", "none"], [17]],
      ],
      [58],
    ),
    table("timeToFirstActivity", "bar", ["period"], [["medianDays", "days"]], perQuarter([[34], [31], [29], [27]]), null),
    table(
      "ladderDistribution",
      "stackedBar",
      ["period", "rung"],
      [["clients", "clients"]],
      [
        [["2026-Q4", "1"], [1210]],
        [["2026-Q4", "2"], [950]],
      ],
      [2160],
    ),
    table(
      "ladderTransitions",
      "matrix",
      ["fromRung", "toRung"],
      [["clients", "clients"]],
      [
        [["1", "1"], [802]],
        [["1", "2"], [133]],
        [["2", "3"], [null]],
      ],
      [935],
    ),
    table("wellbeing", "line", ["period"], [["meanScore", "score"]], perQuarter([[48.2], [50.1], [51.7], [52.3]]), null),
    table(
      "exemptions",
      "bar",
      ["ground"],
      [["granted", "clients"]],
      [
        [["medical"], [377]],
        [["crisis"], [null]],
      ],
      [381],
    ),
    table("caregiving", "bar", ["period"], [["accepted", "clients"]], perQuarter([[12], [9], [14], [11]]), [46]),
    table("accountability", "bar", ["period"], [["onTimeShare", "percent"]], perQuarter([[91.5], [88], [93.25], [90]]), null),
    table(
      "sanctions",
      "bar",
      ["period"],
      [
        ["proposed", "events"],
        ["refused", "events"],
        ["imposed", "events"],
        ["refrained", "events"],
        ["objected", "events"],
        ["revokedOnObjection", "events"],
      ],
      perQuarter([
        [23, 7, 12, null, 6, null],
        [19, 6, 9, null, 5, null],
        [21, 8, 10, null, 5, null],
        [17, 5, 8, null, 5, null],
      ]),
      [80, 26, 39, 15, 21, null],
    ),
    table(
      "objections",
      "stackedBar",
      ["outcome"],
      [["objections", "events"]],
      [
        [["wellFounded"], [9]],
        [["unfounded"], [27]],
      ],
      [36],
    ),
    table(
      "displacement",
      "bar",
      ["period"],
      [
        ["rolesReviewed", "events"],
        ["rolesRejected", "events"],
        ["complaintsFiled", "events"],
        ["complaintsUpheld", "events"],
      ],
      perQuarter([
        [64, 7, 5, null],
        [58, 6, null, null],
        [61, 9, 6, null],
        [66, 8, null, null],
      ]),
      [249, 30, 17, 3],
    ),
    table(
      "guidance",
      "bar",
      ["district"],
      [
        ["demandHours", "hours"],
        ["supplyHours", "hours"],
      ],
      [
        [["Charlois"], [412.5, 380]],
        [["Overschie"], [120, 150]],
        [["Feijenoord"], [300, 287.5]],
      ],
      [832.5, 817.5],
    ),
    table("outflow", "line", ["period"], [["paidWork", "clients"]], perQuarter([[38], [41], [35], [44]]), [158]),
  ],
});

const effects = statisticsEffects.parse({
  method: "staggeredDifferenceInDifferences",
  observational: true,
  confidenceLevel: 0.95,
  seed: 17,
  resamples: 500,
  from: "2025-01-01",
  to: "2026-12-31",
  district: null,
  estimates: [
    {
      treatment: "placementStarted",
      outcome: "ladderRung",
      horizonMonths: 6,
      estimate: 0.31,
      ciLow: 0.12,
      ciHigh: 0.5,
      treatedClients: 1204,
      comparisonClients: 3310,
      cohorts: 18,
    },
    {
      treatment: "languageCourse",
      outcome: "who5",
      horizonMonths: 6,
      estimate: 1.4,
      ciLow: -0.8,
      ciHigh: 3.6,
      treatedClients: 412,
      comparisonClients: 2980,
      cohorts: 15,
    },
    {
      treatment: "debtHelp",
      outcome: "who5",
      horizonMonths: 12,
      estimate: null,
      ciLow: null,
      ciHigh: null,
      treatedClients: 3,
      comparisonClients: 2980,
      cohorts: 2,
    },
  ],
});

const input: AnnualReportInput = {
  year: 2026,
  municipality: { name: "Gemeente Rotterdam", department: "Werk en Inkomen – Activering" },
  districts: null,
  overview,
  effects,
  generatedOn: "2027-01-15",
};

async function textOf(pdf: Buffer): Promise<string> {
  return (await new PDFParse({ data: pdf }).getText()).text.replace(/\s+/g, " ");
}

describe("annual report to the council", () => {
  it("prints the title, the municipality, the period and what the tegenprestatie is", async () => {
    const text = await textOf(await renderAnnualReportPdf(input));
    expect(text).toContain("Jaarverslag tegenprestatie 2026");
    expect(text).toContain("Gemeente Rotterdam");
    expect(text).toContain("Gemaakt op 15 januari 2027");
    expect(text).toContain("1 januari 2026 tot en met 31 december 2026, per kwartaal");
    expect(text).toContain("Ze gaan over de hele stad.");
    expect(text).toContain("Dat heet de tegenprestatie");
  });

  it("prints every table's figures with Dutch labels, its totals and hidden cells as 'minder dan 5'", async () => {
    const text = await textOf(await renderAnnualReportPdf(input));
    for (const id of STATISTICS_TABLES) expect(text).toContain(tableTitle("nl", id));
    // The funnel: Dutch thousands, every quarter, the totals.
    expect(text).toContain("Uitgenodigd");
    expect(text).toContain("1.517");
    expect(text).toContain("6.003");
    expect(text).toContain("1e kwartaal 2026");
    // Sanctions and objections.
    expect(text).toContain("Opgelegd");
    expect(text).toContain("Herroepen na bezwaar");
    expect(text).toContain("Gegrond");
    expect(text).toContain("27");
    // Displacement.
    expect(text).toContain("Vacatures afgewezen");
    expect(text).toContain("249");
    // Ladder transitions, wellbeing, percentages, codes by their labels.
    expect(text).toContain("Trede 2");
    expect(text).toContain("52,3");
    expect(text).toContain("93,3%");
    expect(text).toContain("Schuldhulp");
    expect(text).toContain("minder dan 5");
    expect(text).toContain(`In dit verslag zijn ${overview.tables.reduce((n, t) => n + t.hiddenCells, 0)} getallen verborgen.`);
  });

  it("names the districts short of guidance and by how much", async () => {
    const text = await textOf(await renderAnnualReportPdf(input));
    expect(text).toContain("Te weinig begeleiding in: Charlois (32,5 uur), Feijenoord (12,5 uur). Samen ontbrak 45 uur");
    expect(text).not.toContain("Overschie (");
  });

  it("prints the effect estimates with their intervals, the counts and that it is not a trial", async () => {
    const text = await textOf(await renderAnnualReportPdf(input));
    expect(text).toContain("dit is geen experiment");
    expect(text).toContain("+0,31");
    expect(text).toContain("+0,12 tot +0,5");
    expect(text).toContain("1.204");
    expect(text).toContain("95%-betrouwbaarheidsinterval");
    expect(text).toContain("500 keer");
    expect(text).toContain("startgetal 17");
    expect(text).toContain("Kanttekeningen");
  });

  it("says which districts a team lead's report covers, and prints no 'minder dan 5' when nothing is hidden", async () => {
    const unsuppressed = { ...overview, suppressedBelow: null };
    const text = await textOf(await renderAnnualReportPdf({ ...input, overview: unsuppressed, districts: ["Charlois", "Overschie"] }));
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

  it("turns a wide, short table so measures are rows, and splits a wide, long one", () => {
    const funnel = overview.tables.find((t) => t.id === "funnel") as StatisticsTable;
    const [turned, ...more] = tableLayouts(funnel, { cell: "minder dan 5" });
    expect(more).toHaveLength(0);
    expect(turned?.header).toEqual(["", "1e kwartaal 2026", "2e kwartaal 2026", "3e kwartaal 2026", "4e kwartaal 2026", "Totaal"]);
    expect(turned?.rows).toHaveLength(FUNNEL_MEASURES.length);
    const long = { ...funnel, rows: [...funnel.rows, ...funnel.rows] };
    const split = tableLayouts(long, { cell: "minder dan 5" });
    expect(split.map((l) => l.header.length)).toEqual([1 + 5, 1 + 2]);
    expect(split[0]?.footer?.[0]).toBe("Totaal");
  });
});
