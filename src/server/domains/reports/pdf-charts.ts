import { ensureRoom, type Frame, INK, MUTED, PALETTE, RULE } from "./pdf-figures.js";

/**
 * Simple charts drawn with pdfkit's own vector drawing, each beside a table of the same numbers; a hidden number
 * shows as its `hiddenText`, never as a bar.
 */
export interface Bar {
  label: string;
  /** Segments of the bar, one per series; null for a hidden number. */
  values: (number | null)[];
}

export interface BarChart {
  bars: Bar[];
  series: string[];
  /** Each series its own thin bar under the other (grouped), instead of one bar in segments (stacked). */
  grouped: boolean;
  format: (value: number) => string;
  hiddenText: string;
}

const LABEL_WIDTH = 150;
const BAR_HEIGHT = 11;
const GROUPED_BAR_HEIGHT = 8;
const BAR_GAP = 5;
const LEGEND_ROW = 14;

const legendHeight = (series: string[]) => (series.length > 1 ? LEGEND_ROW * Math.ceil(series.length / 3) : 0);
const barRowHeight = (chart: BarChart, bar: Bar) => (chart.grouped ? bar.values.length * GROUPED_BAR_HEIGHT : BAR_HEIGHT) + BAR_GAP;

/** The height a bar chart takes, to keep it on one page with its heading. */
export function barChartHeight(chart: BarChart): number {
  return legendHeight(chart.series) + chart.bars.reduce((sum, bar) => sum + barRowHeight(chart, bar), 0) + 8;
}

/** Horizontal bars, stacked or grouped when there is more than one series, each with its number at the end. */
export function drawBarChart(frame: Frame, chart: BarChart): void {
  const { doc, left, width } = frame;
  const legend = legendHeight(chart.series);
  const height = barChartHeight(chart);
  ensureRoom(frame, height);
  const top = doc.y;
  drawLegend(frame, chart.series, top);
  const plotLeft = left + LABEL_WIDTH;
  const plotWidth = width - LABEL_WIDTH - 70;
  const lengthOf = (bar: Bar) =>
    chart.grouped ? Math.max(0, ...bar.values.map((v) => v ?? 0)) : bar.values.reduce<number>((sum, v) => sum + Math.max(0, v ?? 0), 0);
  const max = Math.max(1, ...chart.bars.map(lengthOf));
  const color = (series: number) => PALETTE[series % PALETTE.length] as string;
  const label = (text: string, x: number, y: number) =>
    doc
      .fillColor(MUTED)
      .font("body")
      .fontSize(chart.grouped ? 6.5 : 7.5)
      .text(text, x + 4, y, { lineBreak: false });
  let y = top + legend;
  for (const bar of chart.bars) {
    doc
      .fillColor(INK)
      .font("body")
      .fontSize(7.5)
      .text(bar.label, left, y + 1.5, { width: LABEL_WIDTH - 6, height: BAR_HEIGHT, ellipsis: true, lineBreak: false });
    if (chart.grouped) {
      bar.values.forEach((value, series) => {
        const barTop = y + series * GROUPED_BAR_HEIGHT;
        const barWidth = value === null ? 0 : (Math.max(0, value) / max) * plotWidth;
        if (barWidth > 0) doc.rect(plotLeft, barTop, barWidth, GROUPED_BAR_HEIGHT - 1).fill(color(series));
        label(value === null ? chart.hiddenText : chart.format(value), plotLeft + barWidth, barTop);
      });
    } else {
      let x = plotLeft;
      bar.values.forEach((value, series) => {
        if (value === null || value <= 0) return;
        const barWidth = (value / max) * plotWidth;
        doc.rect(x, y, barWidth, BAR_HEIGHT).fill(color(series));
        x += barWidth;
      });
      const hidden = bar.values.every((v) => v === null);
      label(hidden ? chart.hiddenText : chart.format(bar.values.reduce<number>((sum, v) => sum + (v ?? 0), 0)), x, y + 1.5);
    }
    y += barRowHeight(chart, bar);
  }
  doc
    .moveTo(plotLeft, top + legend - 2)
    .lineTo(plotLeft, top + height - 8)
    .lineWidth(0.6)
    .strokeColor(MUTED)
    .stroke();
  doc.fillColor(INK);
  doc.x = left;
  doc.y = top + height;
}

export interface LineChart {
  /** The points along the horizontal axis, in order. */
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  format: (value: number) => string;
}

const LINE_HEIGHT = 130;

/** The height a line chart takes. */
export const lineChartHeight = (chart: LineChart) => legendHeight(chart.series.map((s) => s.name)) + LINE_HEIGHT + 24;

/** Lines over the categories (periods), one per series, with a gap where a number is hidden. */
export function drawLineChart(frame: Frame, chart: LineChart): void {
  const { doc, left, width } = frame;
  const legend = legendHeight(chart.series.map((s) => s.name));
  const height = lineChartHeight(chart);
  ensureRoom(frame, height);
  const top = doc.y;
  drawLegend(
    frame,
    chart.series.map((s) => s.name),
    top,
  );
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(...values, 0);
  const min = Math.min(...values, 0);
  const span = max - min || 1;
  // Room on both sides for the first and last category's label, centred under its point.
  const plotLeft = left + 80;
  const plotWidth = width - 120;
  const plotTop = top + legend + 4;
  const yOf = (value: number) => plotTop + LINE_HEIGHT - ((value - min) / span) * LINE_HEIGHT;
  const step = chart.categories.length > 1 ? plotWidth / (chart.categories.length - 1) : 0;
  const xOf = (index: number) => (chart.categories.length > 1 ? plotLeft + index * step : plotLeft + plotWidth / 2);

  doc.lineWidth(0.4).strokeColor(RULE);
  for (const tick of [min, min + span / 2, max]) {
    doc
      .moveTo(plotLeft, yOf(tick))
      .lineTo(plotLeft + plotWidth, yOf(tick))
      .stroke();
    doc
      .fillColor(MUTED)
      .font("body")
      .fontSize(7)
      .text(chart.format(tick), left, yOf(tick) - 3.5, { width: 74, align: "right", lineBreak: false });
  }
  const labelEvery = Math.ceil(chart.categories.length / 12);
  chart.categories.forEach((category, index) => {
    if (index % labelEvery !== 0) return;
    doc.text(category, xOf(index) - 30, plotTop + LINE_HEIGHT + 5, { width: 60, align: "center", lineBreak: false });
  });
  chart.series.forEach((series, index) => {
    const color = PALETTE[index % PALETTE.length] as string;
    doc.lineWidth(1.6).strokeColor(color);
    let drawing = false;
    series.values.forEach((value, at) => {
      if (value === null) {
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(xOf(at), yOf(value));
      else doc.moveTo(xOf(at), yOf(value));
      drawing = true;
    });
    doc.stroke();
    series.values.forEach((value, at) => {
      if (value !== null) doc.circle(xOf(at), yOf(value), 2).fill(color);
    });
  });
  doc.fillColor(INK);
  doc.x = left;
  doc.y = top + height;
}

export interface MatrixChart {
  rowTitle: string;
  columnTitle: string;
  rows: string[];
  columns: string[];
  /** cells[row][column]; null for hidden, undefined for none. */
  cells: (number | null | undefined)[][];
  format: (value: number) => string;
  hiddenText: string;
}

const CELL_HEIGHT = 18;

/** The height a matrix takes. */
export const matrixHeight = (chart: MatrixChart) => 28 + (chart.rows.length + 1) * CELL_HEIGHT;

/** A grid shaded by size, each cell with its number: where people were against where they went. */
export function drawMatrix(frame: Frame, chart: MatrixChart): void {
  const { doc, left, width } = frame;
  const labelWidth = 90;
  const cellWidth = Math.min(60, (width - labelWidth) / Math.max(1, chart.columns.length));
  const cellHeight = CELL_HEIGHT;
  const height = matrixHeight(chart);
  ensureRoom(frame, height);
  const top = doc.y;
  doc
    .fillColor(MUTED)
    .font("bold")
    .fontSize(7.5)
    .text(`Rijen: ${chart.rowTitle.toLowerCase()}. Kolommen: ${chart.columnTitle.toLowerCase()}.`, left, top, { width, lineBreak: false });
  const gridTop = top + 12;
  const max = Math.max(1, ...chart.cells.flat().filter((v): v is number => typeof v === "number"));
  chart.columns.forEach((column, c) => {
    doc
      .fillColor(INK)
      .font("bold")
      .fontSize(7)
      .text(column, left + labelWidth + c * cellWidth, gridTop + 5, { width: cellWidth, align: "center", lineBreak: false });
  });
  chart.rows.forEach((row, r) => {
    const y = gridTop + (r + 1) * cellHeight;
    doc
      .fillColor(INK)
      .font("bold")
      .fontSize(7)
      .text(row, left, y + 5, { width: labelWidth - 4, lineBreak: false });
    chart.columns.forEach((_, c) => {
      const value = chart.cells[r]?.[c];
      const x = left + labelWidth + c * cellWidth;
      const strength = typeof value === "number" ? value / max : 0;
      doc
        .rect(x + 1, y + 1, cellWidth - 2, cellHeight - 2)
        .fillOpacity(value === null ? 0.08 : 0.1 + 0.75 * strength)
        .fill(value === null ? MUTED : (PALETTE[0] as string));
      doc.fillOpacity(1);
      const text = value === null ? chart.hiddenText : value === undefined ? "–" : chart.format(value);
      doc
        .fillColor(strength > 0.5 ? "#ffffff" : INK)
        .font("body")
        .fontSize(value === null ? 5.5 : 7)
        .text(text, x, y + 5, { width: cellWidth, align: "center", lineBreak: false });
    });
  });
  doc.fillColor(INK);
  doc.x = left;
  doc.y = top + height;
}

export interface IntervalChart {
  rows: { label: string; estimate: number; low: number; high: number }[];
  format: (value: number) => string;
}

const INTERVAL_ROW = 16;

/** The height an interval chart takes. */
export const intervalsHeight = (chart: IntervalChart) => chart.rows.length * INTERVAL_ROW + 22;

/** Estimates as dots with their intervals as lines, around a line at zero (no difference). */
export function drawIntervals(frame: Frame, chart: IntervalChart): void {
  const { doc, left, width } = frame;
  const rowHeight = INTERVAL_ROW;
  const height = intervalsHeight(chart);
  ensureRoom(frame, height);
  const top = doc.y;
  const reach = Math.max(...chart.rows.flatMap((r) => [Math.abs(r.low), Math.abs(r.high)]), 0.1) * 1.1;
  const plotLeft = left + 190;
  const plotWidth = width - 190 - 10;
  const xOf = (value: number) => plotLeft + ((value + reach) / (2 * reach)) * plotWidth;
  doc
    .moveTo(xOf(0), top)
    .lineTo(xOf(0), top + chart.rows.length * rowHeight)
    .lineWidth(0.6)
    .dash(2, { space: 2 })
    .strokeColor(MUTED)
    .stroke()
    .undash();
  chart.rows.forEach((row, index) => {
    const y = top + index * rowHeight + rowHeight / 2;
    doc
      .fillColor(INK)
      .font("body")
      .fontSize(7.5)
      .text(row.label, left, y - 4, { width: 184, lineBreak: false, ellipsis: true });
    doc
      .moveTo(xOf(row.low), y)
      .lineTo(xOf(row.high), y)
      .lineWidth(1.4)
      .strokeColor(PALETTE[0] as string)
      .stroke();
    doc.circle(xOf(row.estimate), y, 2.8).fill(PALETTE[1] as string);
  });
  const axisY = top + chart.rows.length * rowHeight + 4;
  for (const tick of [-reach, 0, reach]) {
    doc
      .fillColor(MUTED)
      .fontSize(7)
      .text(chart.format(tick), xOf(tick) - 25, axisY, { width: 50, align: "center", lineBreak: false });
  }
  doc.fillColor(INK);
  doc.x = left;
  doc.y = top + height;
}

function drawLegend({ doc, left, width }: Frame, names: string[], top: number): void {
  if (names.length < 2) return;
  const columnWidth = width / 3;
  names.forEach((name, index) => {
    const x = left + (index % 3) * columnWidth;
    const y = top + Math.floor(index / 3) * LEGEND_ROW;
    doc.rect(x, y + 1, 8, 8).fill(PALETTE[index % PALETTE.length] as string);
    doc
      .fillColor(INK)
      .font("body")
      .fontSize(7.5)
      .text(name, x + 12, y + 1, { width: columnWidth - 16, lineBreak: false, ellipsis: true });
  });
}
