import { SANCTION_BLOCKS } from "@shared/schemas/sanctions.js";
import { type StatisticsTable, statisticsEffects, statisticsOverview } from "@shared/schemas/statistics.js";

/**
 * Statistics in the shared shapes (`src/shared/schemas/statistics.ts`) for tests of what prints or shows them: a
 * year per quarter for the whole city, with hidden cells as a researcher gets them, and effect estimates.
 */
const QUARTERS = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
type Unit = StatisticsTable["measures"][number]["unit"];

/** A table of the overview's shape; `rows` as [keys, values]; hidden cells counted from the nulls. */
export function statisticsTable(
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

type Rows = [string[], (number | null)[]][];

const FUNNEL: [string, (number | null)[]][] = [
  ["cohort", [6012, 6020, 6031, 6044]],
  ["invited", [1517, 1489, 1502, 1495]],
  ["lettersDelivered", [1402, 1377, 1391, 1380]],
  ["lettersReturned", [115, 112, 111, 115]],
  ["intakesHeld", [903, 877, 910, 895]],
  ["plansConfirmed", [700, 690, 702, 688]],
  ["placementsStarted", [311, 298, 305, 301]],
];

const SANCTIONS: [string, (number | null)[]][] = [
  ["proposed", [23, 19, 21, 17]],
  ...SANCTION_BLOCKS.map((code, i): [string, (number | null)[]] => [`refusedBy.${code}`, i === 0 ? [7, 6, 8, 5] : [0, 0, 0, 0]]),
  ["imposed", [12, 9, 10, 8]],
  ["refrained", [null, null, null, null]],
  ["objected", [6, 5, 5, 5]],
  ["revokedOnObjection", [null, null, null, null]],
];

/**
 * A year of city figures in the overview's shape (the dimensions and measures `statisticsOverview` gives), with
 * hidden cells, parsed by the shared schema: per quarter, or per year (one period, `2026`).
 */
export function buildStatisticsOverview(groupBy: "quarter" | "year" = "quarter") {
  const periods = groupBy === "quarter" ? QUARTERS : ["2026"];
  const last = periods.at(-1) as string;
  // Per quarter the quarter's value; for the year, the last quarter's values stand for the year.
  const pick = (values: (number | null)[], i: number) => values[groupBy === "quarter" ? i : values.length - 1] ?? null;
  const perPeriod = (measures: [string, (number | null)[]][]): Rows =>
    periods.map((period, i) => [[period], measures.map(([, values]) => pick(values, i))]);
  return statisticsOverview.parse({
    from: "2026-01-01",
    to: "2026-12-31",
    district: null,
    groupBy,
    suppressedBelow: 5,
    coarser: null,
    tables: [
      statisticsTable(
        "funnel",
        "bar",
        ["period"],
        FUNNEL.map(([key]) => [key, "clients"]),
        perPeriod(FUNNEL),
        [6044, 6003, 5550, 453, 3585, 2780, 1215],
      ),
      statisticsTable(
        "activeSteps",
        "stackedBar",
        ["period", "stepType"],
        [
          ["clientsActive", "clients"],
          ["stepsStarted", "events"],
        ],
        [
          [
            [last, "languageCourse"],
            [412, 133],
          ],
          [
            [last, "debtHelp"],
            [207, 58],
          ],
        ],
        [619, 191],
      ),
      statisticsTable(
        "contributions",
        "stackedBar",
        ["period", "kind"],
        [["formalised", "events"]],
        [
          [[last, "existingVolunteerWork"], [88]],
          [[last, "course"], [null]],
        ],
        [91],
      ),
      statisticsTable(
        "endings",
        "stackedBar",
        ["period", "reason", "attribution"],
        [["ended", "events"]],
        [
          [[last, "health", "health"], [41]],
          [[last, "poorFit", "none"], [17]],
          [[last, "clientStopped", "client"], [null]],
        ],
        [61],
      ),
      statisticsTable(
        "timeToFirstActivity",
        "line",
        ["period"],
        [
          ["clients", "clients"],
          ["medianDays", "days"],
        ],
        perPeriod([
          ["clients", [120, 131, 118, 127]],
          ["medianDays", [34, 31, 29, 27]],
        ]),
        [496, null],
      ),
      statisticsTable(
        "ladderDistribution",
        "stackedBar",
        ["period", "rung"],
        [["clients", "clients"]],
        [
          [[last, "1"], [1210]],
          [[last, "2"], [950]],
        ],
        [2160],
      ),
      statisticsTable(
        "ladderTransitions",
        "matrix",
        ["fromRung", "toRung"],
        [["clients", "clients"]],
        [
          [["1", "1"], [802]],
          [["1", "2"], [133]],
          [["2", "3"], [null]],
        ],
        [938],
      ),
      statisticsTable(
        "wellbeing",
        "line",
        ["period", "moment"],
        [
          ["checkIns", "events"],
          ["meanScore", "score"],
        ],
        periods.flatMap(
          (period, i): Rows => [
            [
              [period, "baseline"],
              [210, pick([48.2, 48.9, 47.5, 48.1], i)],
            ],
            [
              [period, "followUp"],
              [380, pick([50.1, 51.7, 52, 52.3], i)],
            ],
          ],
        ),
        [2360, 50.4],
      ),
      statisticsTable(
        "exemptions",
        "stackedBar",
        ["period", "ground", "length"],
        [["granted", "events"]],
        [
          [[last, "medical", "upToTwelveMonths"], [377]],
          [[last, "crisis", "upToThreeMonths"], [null]],
        ],
        [381],
      ),
      statisticsTable(
        "caregiving",
        "stackedBar",
        ["period"],
        [
          ["accepted", "events"],
          ["customaryCare", "events"],
        ],
        perPeriod([
          ["accepted", [12, 9, 14, 11]],
          ["customaryCare", [6, null, 5, 7]],
        ]),
        [46, 22],
      ),
      statisticsTable(
        "accountability",
        "stackedBar",
        ["period"],
        [
          ["answeredOnTime", "events"],
          ["answeredLate", "events"],
          ["unanswered", "events"],
        ],
        perPeriod([
          ["answeredOnTime", [183, 176, 190, 181]],
          ["answeredLate", [12, 15, 9, 11]],
          ["unanswered", [null, 5, null, 6]],
        ]),
        [730, 47, 19],
      ),
      statisticsTable(
        "sanctions",
        "bar",
        ["period"],
        SANCTIONS.map(([key]) => [key, "events"]),
        perPeriod(SANCTIONS),
        [80, 26, 0, 0, 0, 0, 0, 0, 0, 0, 0, 39, 15, 21, null],
      ),
      statisticsTable(
        "objections",
        "stackedBar",
        ["period", "decisionType", "outcome"],
        [["received", "events"]],
        [
          [[last, "sanctionImposed", "wellFounded"], [9]],
          [[last, "sanctionImposed", "unfounded"], [27]],
          [[last, "exemptionRefused", "pending"], [null]],
        ],
        [38],
      ),
      statisticsTable(
        "displacement",
        "bar",
        ["period"],
        [
          ["rolesReviewed", "events"],
          ["rolesRejected", "events"],
          ["complaintsFiled", "events"],
          ["complaintsUpheld", "events"],
        ],
        perPeriod([
          ["rolesReviewed", [64, 58, 61, 66]],
          ["rolesRejected", [7, 6, 9, 8]],
          ["complaintsFiled", [5, null, 6, null]],
          ["complaintsUpheld", [null, null, null, null]],
        ]),
        [249, 30, 17, 3],
      ),
      statisticsTable(
        "guidance",
        "bar",
        ["district"],
        [
          ["placements", "clients"],
          ["demandHours", "hours"],
          ["supplyHours", "hours"],
        ],
        [
          [["Charlois"], [165, 412.5, 380]],
          [["Overschie"], [48, 120, 150]],
          [["Feijenoord"], [120, 300, 287.5]],
        ],
        [333, 832.5, 817.5],
      ),
      statisticsTable(
        "outflow",
        "stackedBar",
        ["period", "route"],
        [["clients", "clients"]],
        periods.flatMap(
          (period, i): Rows => [
            [[period, "placementEnded"], [pick([21, 25, 19, 26], i)]],
            [[period, "ladderPaidWork"], [pick([17, 16, 16, 18], i)]],
          ],
        ),
        [158],
      ),
    ],
  });
}

/** Effect estimates in the shared shape, as a researcher sees them: one clear, one uncertain, one with too few clients (its counts hidden). */
export const buildStatisticsEffects = () =>
  statisticsEffects.parse({
    method: "staggeredDifferenceInDifferences",
    observational: true,
    confidenceLevel: 0.95,
    seed: 17,
    resamples: 500,
    from: "2025-01-01",
    to: "2026-12-31",
    district: null,
    suppressedBelow: 5,
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
        tooFewClients: false,
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
        tooFewClients: false,
      },
      {
        treatment: "debtHelp",
        outcome: "who5",
        horizonMonths: 12,
        estimate: null,
        ciLow: null,
        ciHigh: null,
        treatedClients: null,
        comparisonClients: 2980,
        cohorts: null,
        tooFewClients: true,
      },
    ],
  });
