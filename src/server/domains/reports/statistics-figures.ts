import type { StatisticsTable } from "@shared/schemas/statistics.js";
import { dimensionLabel, keyLabel, measureLabel } from "@shared/statistics-labels.js";
import {
  type Bar,
  type BarChart,
  barChartHeight,
  drawBarChart,
  drawLineChart,
  drawMatrix,
  type LineChart,
  lineChartHeight,
  type MatrixChart,
  matrixHeight,
} from "./pdf-charts.js";
import { drawTable, type Frame, PALETTE, type TableLayout } from "./pdf-figures.js";

/**
 * One statistics table printed as its chart and its table, in Dutch: every figure of the overview has the same
 * shape, so one function lays out all of them.
 */
type Measure = StatisticsTable["measures"][number];

const NUMBER = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });
/** Units that count people or events; the others (days, hours, score, percent) are medians, means or sums of hours. */
const COUNTS = new Set<Measure["unit"]>(["clients", "events"]);
/** More columns than this do not fit an A4 page: the table is turned or split. */
const MAX_MEASURE_COLUMNS = 5;
/** More bars than this make a chart no one reads; the table beside it has every row. */
const MAX_BARS = 24;
/** Up to this many measures are drawn side by side per row; more are drawn as one bar per measure's total. */
const MAX_GROUPED = 3;

/** A number in Dutch notation with its unit where the column header does not say it. */
export function formatValue(value: number, unit: Measure["unit"]): string {
  return unit === "percent" ? `${NUMBER.format(value)}%` : NUMBER.format(value);
}

const UNIT_SUFFIX: Partial<Record<Measure["unit"], string>> = { days: "dagen", hours: "uur", score: "score" };

/** A column header: the measure's name, with its unit when the name does not already carry it. */
function measureHeader(measure: Measure): string {
  const label = measureLabel("nl", measure.key);
  const unit = UNIT_SUFFIX[measure.unit];
  return unit && !label.toLowerCase().includes(unit) ? `${label} (${unit})` : label;
}

/** What the figures print in place of a hidden number. */
export interface HiddenWords {
  /** Printed for a null cell; "minder dan 5" when counts are suppressed, a dash when nothing is hidden. */
  cell: string;
}

function rowLabels(table: StatisticsTable): string[][] {
  return table.rows.map((row) => row.keys.map((key, i) => keyLabel("nl", table.dimensions[i] ?? "", key)));
}

/** The table's rows as printed tables: turned (measures as rows) when wide and short, split when wide and long. */
export function tableLayouts(table: StatisticsTable, hidden: HiddenWords): TableLayout[] {
  const cell = (value: number | null, unit: Measure["unit"]) => (value === null ? hidden.cell : formatValue(value, unit));
  // A missing total of a count is hidden; of a median, a mean or hours it means there is no such total.
  const total = (value: number | null, unit: Measure["unit"]) => (value === null && !COUNTS.has(unit) ? "–" : cell(value, unit));
  const labels = rowLabels(table);
  const totals = table.totals;
  if (table.measures.length > MAX_MEASURE_COLUMNS && table.rows.length <= MAX_MEASURE_COLUMNS) {
    return [
      {
        header: ["", ...labels.map((l) => l.join(", ")), ...(totals ? ["Totaal"] : [])],
        rows: table.measures.map((measure, j) => [
          measureHeader(measure),
          ...table.rows.map((row) => cell(row.values[j] ?? null, measure.unit)),
          ...(totals ? [total(totals[j] ?? null, measure.unit)] : []),
        ]),
        labelColumns: 1,
      },
    ];
  }
  const layouts: TableLayout[] = [];
  for (let start = 0; start < table.measures.length; start += MAX_MEASURE_COLUMNS) {
    const measures = table.measures.slice(start, start + MAX_MEASURE_COLUMNS);
    const values = (list: (number | null)[], show = cell) => measures.map((measure, j) => show(list[start + j] ?? null, measure.unit));
    layouts.push({
      header: [...table.dimensions.map((d) => dimensionLabel("nl", d)), ...measures.map(measureHeader)],
      rows: table.rows.map((row, i) => [...(labels[i] ?? []), ...values(row.values)]),
      footer: totals ? ["Totaal", ...table.dimensions.slice(1).map(() => ""), ...values(totals, total)] : undefined,
      labelColumns: table.dimensions.length,
    });
  }
  return layouts;
}

/**
 * The measures a chart draws, all in one unit: the first measure that is not a count (a median, a score, hours),
 * since a table gives such a figure beside the count it rests on; otherwise the first measure's unit.
 */
function chartMeasures(table: StatisticsTable): number[] {
  const unit = (table.measures.find((m) => !COUNTS.has(m.unit)) ?? table.measures[0])?.unit;
  return table.measures.flatMap((m, j) => (m.unit === unit ? [j] : []));
}

/** A table of the year's totals has one period: the period is then said in the text, not repeated in every row. */
export function withoutSinglePeriod(table: StatisticsTable): StatisticsTable {
  const at = table.dimensions.indexOf("period");
  if (at < 0 || table.dimensions.length < 2 || new Set(table.rows.map((r) => r.keys[at])).size > 1) return table;
  return {
    ...table,
    dimensions: table.dimensions.filter((_, i) => i !== at),
    rows: table.rows.map((row) => ({ ...row, keys: row.keys.filter((_, i) => i !== at) })),
  };
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

function barChartOf(table: StatisticsTable, hidden: HiddenWords, stacked: boolean): BarChart {
  const measures = chartMeasures(table);
  const first = measures[0] ?? 0;
  const unit = table.measures[first]?.unit ?? "clients";
  const common = { format: (v: number) => formatValue(v, unit), hiddenText: hidden.cell };
  const labels = rowLabels(table);
  const measureName = (j: number) => measureLabel("nl", table.measures[j]?.key ?? "");
  // Many measures, each with its total (the funnel, sanctions): one bar per measure, for the whole period.
  if (!stacked && measures.length > MAX_GROUPED && table.totals) {
    const totals = table.totals;
    const bars = measures.map((j) => ({ label: measureName(j), values: [totals[j] ?? null] }));
    return { bars, series: [], grouped: false, ...common };
  }
  // A few measures side by side per row (guidance demand and supply per district), or in segments when stacked.
  if (measures.length > 1) {
    const bars = table.rows.map((row, i) => ({ label: (labels[i] ?? []).join(", "), values: measures.map((j) => row.values[j] ?? null) }));
    return { bars: bars.slice(0, MAX_BARS), series: measures.map(measureName), grouped: !stacked, ...common };
  }
  // One measure over two dimensions: a bar per value of the first, in segments by the second.
  if (stacked && table.dimensions.length >= 2) {
    const groups = distinct(table.rows.map((r) => r.keys[0] ?? ""));
    const segments = distinct(table.rows.map((r) => r.keys[1] ?? ""));
    const bars: Bar[] = groups.map((group) => ({
      label: keyLabel("nl", table.dimensions[0] ?? "", group),
      values: segments.map((segment) => table.rows.find((r) => r.keys[0] === group && r.keys[1] === segment)?.values[first] ?? null),
    }));
    return {
      bars: bars.slice(0, MAX_BARS),
      series: segments.map((s) => keyLabel("nl", table.dimensions[1] ?? "", s)),
      grouped: false,
      ...common,
    };
  }
  const bars = table.rows.map((row, i) => ({ label: (labels[i] ?? []).join(", "), values: [row.values[first] ?? null] }));
  return { bars: bars.slice(0, MAX_BARS), series: [], grouped: false, ...common };
}

function matrixOf(table: StatisticsTable, hidden: HiddenWords): MatrixChart {
  const unit = table.measures[0]?.unit ?? "clients";
  const rows = distinct(table.rows.map((r) => r.keys[0] ?? ""));
  const columns = distinct(table.rows.map((r) => r.keys[1] ?? ""));
  const at = new Map(table.rows.map((r) => [`${r.keys[0]}|${r.keys[1]}`, r.values[0] ?? null]));
  return {
    rowTitle: dimensionLabel("nl", table.dimensions[0] ?? ""),
    columnTitle: dimensionLabel("nl", table.dimensions[1] ?? ""),
    rows: rows.map((r) => keyLabel("nl", table.dimensions[0] ?? "", r)),
    columns: columns.map((c) => keyLabel("nl", table.dimensions[1] ?? "", c)),
    cells: rows.map((r) => columns.map((c) => at.get(`${r}|${c}`))),
    format: (v) => formatValue(v, unit),
    hiddenText: hidden.cell,
  };
}

function lineChartOf(table: StatisticsTable): LineChart {
  const measures = chartMeasures(table);
  const first = measures[0] ?? 0;
  const unit = table.measures[first]?.unit ?? "clients";
  // The first dimension of a line chart is the period; its keys sort in time order.
  const categories = distinct(table.rows.map((r) => r.keys[0] ?? "")).sort();
  const valueAt = (category: string, j: number, second?: string) =>
    table.rows.find((r) => r.keys[0] === category && (second === undefined || r.keys[1] === second))?.values[j] ?? null;
  const series =
    table.dimensions.length >= 2
      ? distinct(table.rows.map((r) => r.keys[1] ?? ""))
          .slice(0, PALETTE.length)
          .map((second) => ({
            name: keyLabel("nl", table.dimensions[1] ?? "", second),
            values: categories.map((c) => valueAt(c, first, second)),
          }))
      : measures
          .slice(0, PALETTE.length)
          .map((j) => ({ name: measureLabel("nl", table.measures[j]?.key ?? ""), values: categories.map((c) => valueAt(c, j)) }));
  return { categories: categories.map((c) => keyLabel("nl", table.dimensions[0] ?? "", c)), series, format: (v) => formatValue(v, unit) };
}

/** A chart ready to draw, with the height it takes (so its heading can go to the next page with it). */
export interface PlannedChart {
  height: number;
  draw: (frame: Frame) => void;
}

/** The chart the table asks for; none for a table without rows. */
export function chartOf(table: StatisticsTable, hidden: HiddenWords): PlannedChart | null {
  if (table.rows.length === 0 || table.measures.length === 0) return null;
  if (table.chart === "matrix" && table.dimensions.length >= 2) {
    const matrix = matrixOf(table, hidden);
    return { height: matrixHeight(matrix), draw: (frame) => drawMatrix(frame, matrix) };
  }
  if (table.chart === "line") {
    const line = lineChartOf(table);
    return { height: lineChartHeight(line), draw: (frame) => drawLineChart(frame, line) };
  }
  const bars = barChartOf(table, hidden, table.chart === "stackedBar");
  return { height: barChartHeight(bars), draw: (frame) => drawBarChart(frame, bars) };
}

/** Draws every printed table of a statistics table. */
export function drawTablesOf(frame: Frame, table: StatisticsTable, hidden: HiddenWords): void {
  for (const layout of tableLayouts(table, hidden)) drawTable(frame, layout);
}
