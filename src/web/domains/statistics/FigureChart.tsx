import * as Plot from "@observablehq/plot";
import type { StatisticsTable } from "@shared/schemas/statistics.js";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { keyLabel, measureLabel } from "./labels.js";

interface Datum {
  x: string;
  y: number;
  series: string;
}

/** The cells a chart draws: hidden cells are left out (the table beside it says why). */
function data(table: StatisticsTable, label: (dimension: string, value: string) => string, measure: (key: string) => string): Datum[] {
  const rest = (keys: string[]) =>
    keys
      .slice(1)
      .map((value, i) => label(table.dimensions[i + 1] ?? "", value))
      .join(" · ");
  if (table.chart === "bar") {
    return table.rows.flatMap((row) =>
      row.values.flatMap((value, m) =>
        value === null
          ? []
          : [{ x: label(table.dimensions[0] ?? "", row.keys[0] ?? ""), y: value, series: measure(table.measures[m]?.key ?? "") }],
      ),
    );
  }
  return table.rows.flatMap((row) => {
    const value = row.values[0];
    if (value === null || value === undefined) return [];
    return [
      { x: label(table.dimensions[0] ?? "", row.keys[0] ?? ""), y: value, series: rest(row.keys) || measure(table.measures[0]?.key ?? "") },
    ];
  });
}

/** The marks of each kind of chart; every kind has its table beside it. */
function marks(table: StatisticsTable, points: Datum[]): Plot.Markish[] {
  switch (table.chart) {
    case "line":
      return [Plot.ruleY([0]), Plot.lineY(points, { x: "x", y: "y", stroke: "series", marker: "circle" })];
    case "matrix":
      return [
        Plot.cell(points, { x: "x", y: "series", fill: "y" }),
        Plot.text(points, { x: "x", y: "series", text: (d: Datum) => String(d.y), fill: "black", stroke: "white" }),
      ];
    case "bar":
      return [Plot.ruleY([0]), Plot.barY(points, { fx: "x", x: "series", y: "y", fill: "series" })];
    default:
      return [Plot.ruleY([0]), Plot.barY(points, { x: "x", y: "y", fill: "series" })];
  }
}

/**
 * One figure drawn with Observable Plot as an SVG image with a title and a description; the numbers themselves are in
 * the table beside it, which is what screen readers and keyboard users read.
 */
export function FigureChart({ table, title, description }: { table: StatisticsTable; title: string; description: string }) {
  const { i18n } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const label = (dimension: string, value: string) => keyLabel(i18n.language, dimension, value);
    const points = data(table, label, (key) => measureLabel(i18n.language, key));
    const width = Math.max(280, Math.min(720, element.clientWidth || 640));
    const chart = Plot.plot({
      width,
      height: table.chart === "matrix" ? 280 : 260,
      marginBottom: 60,
      style: { maxWidth: "100%", height: "auto" },
      x: { label: null, tickRotate: table.chart === "matrix" ? 0 : -30, type: "band" },
      y: table.chart === "matrix" ? { label: null, type: "band" } : { label: null, grid: true },
      fx: table.chart === "bar" ? { label: null } : undefined,
      color: table.chart === "matrix" ? { scheme: "blues" } : { legend: true },
      marks: marks(table, points),
    });
    // The chart is the last SVG of Plot's figure (a legend may come before it as a swatch list or a colour ramp).
    const svg = chart instanceof SVGSVGElement ? chart : [...chart.querySelectorAll(":scope > svg")].at(-1);
    // The image is named once, by its title and description; Plot's labels of its groups are not for a reader.
    for (const labelled of chart.querySelectorAll("[aria-label], [aria-description]")) {
      labelled.removeAttribute("aria-label");
      labelled.removeAttribute("aria-description");
    }
    if (svg) {
      const id = `chart-${table.id}`;
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-labelledby", `${id}-title ${id}-desc`);
      const titleElement = document.createElementNS("http://www.w3.org/2000/svg", "title");
      titleElement.id = `${id}-title`;
      titleElement.textContent = title;
      const descElement = document.createElementNS("http://www.w3.org/2000/svg", "desc");
      descElement.id = `${id}-desc`;
      descElement.textContent = description;
      svg.prepend(titleElement, descElement);
    }
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [table, title, description, i18n.language]);

  return <div ref={holder} className="nv-chart" />;
}
