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

/** A year of city figures in the overview's shape, with hidden cells, parsed by the shared schema. */
export const buildStatisticsOverview = () =>
  statisticsOverview.parse({
    from: "2026-01-01",
    to: "2026-12-31",
    district: null,
    groupBy: "quarter",
    suppressedBelow: 5,
    coarser: null,
    tables: [
      statisticsTable(
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
      statisticsTable(
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
      statisticsTable(
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
      statisticsTable(
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
      statisticsTable("timeToFirstActivity", "bar", ["period"], [["medianDays", "days"]], perQuarter([[34], [31], [29], [27]]), null),
      statisticsTable(
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
        [935],
      ),
      statisticsTable("wellbeing", "line", ["period"], [["meanScore", "score"]], perQuarter([[48.2], [50.1], [51.7], [52.3]]), null),
      statisticsTable(
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
      statisticsTable("caregiving", "bar", ["period"], [["accepted", "clients"]], perQuarter([[12], [9], [14], [11]]), [46]),
      statisticsTable("accountability", "bar", ["period"], [["onTimeShare", "percent"]], perQuarter([[91.5], [88], [93.25], [90]]), null),
      statisticsTable(
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
      statisticsTable(
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
        perQuarter([
          [64, 7, 5, null],
          [58, 6, null, null],
          [61, 9, 6, null],
          [66, 8, null, null],
        ]),
        [249, 30, 17, 3],
      ),
      statisticsTable(
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
      statisticsTable("outflow", "line", ["period"], [["paidWork", "clients"]], perQuarter([[38], [41], [35], [44]]), [158]),
    ],
  });

/** Effect estimates in the shared shape: one clear, one uncertain, one with too few clients. */
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
