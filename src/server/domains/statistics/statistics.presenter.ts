import type { StatisticsOverview } from "@shared/schemas/statistics.js";

/** The columns of the CSV that name a row's keys: every dimension any table has, in the order they first appear. */
function dimensionColumns(overview: StatisticsOverview): string[] {
  return [...new Set(overview.tables.flatMap((t) => t.dimensions))];
}

/** A CSV field: quoted when it holds a separator, a quote or a line break; never read as a formula by a spreadsheet. */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The overview as one CSV file: one line per cell (table, its keys, measure, unit, value) and one per total, so every
 * table fits the same columns. A hidden cell has an empty value and `hidden` 1; the same cells are hidden as in the
 * JSON, as both are presented from the one suppressed overview.
 */
export function presentOverviewCsv(overview: StatisticsOverview): string {
  const dimensions = dimensionColumns(overview);
  const lines = [["table", "line", ...dimensions, "measure", "unit", "value", "hidden"]];
  for (const table of overview.tables) {
    const keysOf = (keys: string[]) => dimensions.map((d) => keys[table.dimensions.indexOf(d)] ?? "");
    const cells = (line: string, keys: string[], values: (number | null)[] | null) =>
      table.measures.forEach((m, i) => {
        const value = values?.[i] ?? null;
        lines.push([table.id, line, ...keysOf(keys), m.key, m.unit, value === null ? "" : String(value), value === null ? "1" : "0"]);
      });
    for (const row of table.rows) cells("cell", row.keys, row.values);
    if (table.totals) cells("total", [], table.totals);
  }
  return `${lines.map((line) => line.map(field).join(",")).join("\r\n")}\r\n`;
}

/** The file name of the CSV download: the period and the district or city it covers. */
export function overviewCsvFilename(overview: StatisticsOverview): string {
  const place = (overview.district ?? "stad").toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return `cijfers-${place}-${overview.from}-${overview.to}-${overview.groupBy}.csv`;
}
