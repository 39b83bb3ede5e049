import type { Actor } from "@server/auth/actor.js";
import { forbidden, invalidField } from "@server/http/errors.js";
import { addMonths } from "@shared/dates.js";
import { DISTRICTS } from "@shared/districts.js";
import {
  type EffectEstimate,
  SMALL_CELL_THRESHOLD,
  STATISTICS_GROUP_BY,
  type StatisticsGroupBy,
  type StatisticsOverview,
  type StatisticsTable,
} from "@shared/schemas/statistics.js";

/** Every code by which a rule of this file refuses. */
export const STATISTICS_REFUSALS = ["districtOutOfScope"] as const;

/** The longest period one overview covers: five years keeps every query (and a monthly table) of a readable size. */
export const MAX_PERIOD_YEARS = 5;

/** A period runs forwards, covers at most five years, and a district is one of the municipality's. */
export function assertValidOverviewQuery(query: { from: string; to: string; district?: string | undefined }): void {
  if (query.to < query.from) throw invalidField("to", "beforeStart", "The last day comes before the first.");
  if (query.to >= addMonths(query.from, 12 * MAX_PERIOD_YEARS)) {
    throw invalidField("to", "tooLong", `A period covers at most ${MAX_PERIOD_YEARS} years.`);
  }
  if (query.district !== undefined && !DISTRICTS.includes(query.district)) {
    throw invalidField("district", "unknownDistrict", "Not a district of the municipality.");
  }
}

/**
 * How a measure is protected for researchers: `count` is a number of people or events (hidden from 1 to 4, and its
 * column's total is a sum of its cells); `{ basis }` is a median or mean, hidden with the count of its row it is computed
 * over (the measure at index `basis`); `none` says nothing about a person (an organisation's declared hours).
 */
export type MeasureProtection = "count" | { basis: number } | "none";

/** A figure as the repo and service build it: every cell known, before suppression. */
export interface FigureTable {
  id: StatisticsTable["id"];
  chart: StatisticsTable["chart"];
  dimensions: string[];
  measures: { key: string; unit: StatisticsTable["measures"][number]["unit"]; protection: MeasureProtection }[];
  rows: { keys: string[]; values: (number | null)[] }[];
  /** One value per measure over all rows: a count's total is the sum of its column (or of `totalRows`). */
  totals: (number | null)[] | null;
  /** For a count whose total sums only some rows (clients at the end: the last period's rows), those rows. */
  totalRows?: Record<number, number[]>;
}

/** Whether the actor's figures are shown with small counts hidden: researchers see aggregates only. */
export function isSuppressedFor(actor: Pick<Actor, "role">): boolean {
  return actor.role === "researcher";
}

/**
 * The districts an actor's figures cover: null for the whole city (researchers and admins), otherwise the
 * consultant's or team lead's own. Asking for a district outside them is refused, not answered with empty figures.
 */
export function assertDistrictInScope(actor: Pick<Actor, "role" | "districts">, district: string | undefined): string[] | null {
  const own = actor.role === "consultant" || actor.role === "teamLead" ? actor.districts : null;
  if (district === undefined) return own;
  if (own !== null && !own.includes(district)) {
    throw forbidden("districtOutOfScope", "These figures cover the districts of your own team only.");
  }
  return [district];
}

const isSmall = (n: number | null): n is number => n !== null && n > 0 && n < SMALL_CELL_THRESHOLD;

/**
 * Hides the cells of one count column so that none of them can be read or recomputed. Primary: every count from 1 to
 * 4. Secondary: the column's total is the sum of its cells, so the hidden cells together are known to sum to the total
 * minus the visible ones; one hidden cell alone would be that difference, and hidden cells that sum to their number
 * would each be 1 (a hidden cell is never 0: zeros stay visible, they point at nobody). Until neither holds, the
 * smallest visible non-zero cell is hidden too; when none is left, the total itself is hidden. A total below 5 is hidden.
 */
function suppressColumn(
  values: (number | null)[],
  total: number | null,
  summed: readonly number[],
): { hidden: Set<number>; totalHidden: boolean } {
  const hidden = new Set<number>();
  values.forEach((v, i) => {
    if (isSmall(v)) hidden.add(i);
  });
  if (total === null) return { hidden, totalHidden: false };
  if (isSmall(total)) return { hidden, totalHidden: true };
  for (;;) {
    const inLine = summed.filter((i) => hidden.has(i));
    const hiddenSum = inLine.reduce((sum, i) => sum + (values[i] ?? 0), 0);
    if (inLine.length === 0 || (inLine.length >= 2 && hiddenSum > inLine.length)) return { hidden, totalHidden: false };
    let next = -1;
    for (const i of summed) {
      const v = values[i];
      if (v === null || v === undefined || v === 0 || hidden.has(i)) continue;
      if (next === -1 || v < (values[next] ?? 0)) next = i;
    }
    if (next === -1) return { hidden, totalHidden: true };
    hidden.add(next);
  }
}

/** The cells of a figure and how each measure is protected: what the small-cell rule looks at. */
export type ProtectedCells = Pick<FigureTable, "measures" | "rows" | "totals" | "totalRows">;

/**
 * The cells as a researcher may see them: counts below 5 hidden, and enough other cells (or the total) hidden that no
 * hidden cell can be recomputed from its column's visible cells and the total. A median or mean is hidden with the
 * count it is computed over. The one small-cell rule: the overview's tables and the effect estimates' counts both use it.
 */
export function hideSmallCounts(table: ProtectedCells): Pick<StatisticsTable, "rows" | "totals" | "hiddenCells"> {
  const rows = table.rows.map((row) => ({ keys: row.keys, values: [...row.values] }));
  const totals = table.totals ? [...table.totals] : null;
  const hiddenCounts = new Map<number, Set<number>>();
  let hiddenCells = 0;
  table.measures.forEach((measure, m) => {
    if (measure.protection !== "count") return;
    const column = table.rows.map((row) => row.values[m] ?? null);
    const summed = table.totalRows?.[m] ?? column.map((_, i) => i);
    const { hidden, totalHidden } = suppressColumn(column, totals?.[m] ?? null, summed);
    hiddenCounts.set(m, hidden);
    if (totals && totalHidden && totals[m] !== null) totals[m] = null;
  });
  table.measures.forEach((measure, m) => {
    const protection = measure.protection;
    if (protection === "none") return;
    const hidden = protection === "count" ? hiddenCounts.get(m) : hiddenCounts.get(protection.basis);
    rows.forEach((row, r) => {
      if (hidden?.has(r) && row.values[m] !== null) {
        row.values[m] = null;
        hiddenCells++;
      }
    });
    if (typeof protection === "object" && totals && totals[protection.basis] === null) totals[m] = null;
  });
  return { rows, totals, hiddenCells };
}

/** A table as a researcher may see it (`hideSmallCounts`). Everyone else sees every cell. */
export function suppressSmallCells(table: FigureTable): StatisticsTable {
  return {
    id: table.id,
    chart: table.chart,
    dimensions: table.dimensions,
    measures: table.measures.map(({ key, unit }) => ({ key, unit })),
    ...hideSmallCounts(table),
  };
}

/**
 * The counts behind each effect estimate as a researcher may see them, by the same rule as the overview's cells: the
 * treated and the comparison clients are counts of people (hidden from 1 to 4); the start months go with the treated
 * clients they count. The estimates overlap (a client can be behind several), so there is no total to protect.
 */
export function suppressEffectCounts<E extends Pick<EffectEstimate, "treatedClients" | "comparisonClients" | "cohorts">>(
  estimates: readonly E[],
): E[] {
  const { rows } = hideSmallCounts({
    measures: [
      { key: "treatedClients", unit: "clients", protection: "count" },
      { key: "comparisonClients", unit: "clients", protection: "count" },
      { key: "cohorts", unit: "events", protection: { basis: 0 } },
    ],
    rows: estimates.map((e) => ({ keys: [], values: [e.treatedClients, e.comparisonClients, e.cohorts] })),
    totals: null,
  });
  return estimates.map((e, i) => {
    const [treatedClients, comparisonClients, cohorts] = rows[i]?.values ?? [];
    return { ...e, treatedClients: treatedClients ?? null, comparisonClients: comparisonClients ?? null, cohorts: cohorts ?? null };
  });
}

/** Every cell shown: the figures of staff who may see the records behind them anyway. */
export function showAllCells(table: FigureTable): StatisticsTable {
  return {
    id: table.id,
    chart: table.chart,
    dimensions: table.dimensions,
    measures: table.measures.map(({ key, unit }) => ({ key, unit })),
    rows: table.rows,
    totals: table.totals,
    hiddenCells: 0,
  };
}

/**
 * When cells are hidden, the next coarser choice that groups more people per cell: months into quarters, quarters into
 * years, then a district's year into the whole city's. Null when nothing is hidden or nothing is coarser.
 */
export function coarserChoice(
  groupBy: StatisticsGroupBy,
  district: string | null,
  tables: readonly Pick<StatisticsTable, "hiddenCells">[],
): StatisticsOverview["coarser"] {
  if (!tables.some((t) => t.hiddenCells > 0)) return null;
  const next = STATISTICS_GROUP_BY[STATISTICS_GROUP_BY.indexOf(groupBy) + 1];
  if (next) return { groupBy: next };
  return district === null ? null : { groupBy, district: null };
}
