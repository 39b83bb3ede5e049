import { fontsFor, formatDutchDate } from "@server/letters/pdf.js";
import {
  EFFECT_OUTCOMES,
  type EffectEstimate,
  type StatisticsEffects,
  type StatisticsOverview,
  type StatisticsTable,
  type StatisticsTableId,
} from "@shared/schemas/statistics.js";
import { STATISTICS_WORDS } from "@shared/statistics-labels.js";
import PDFDocument from "pdfkit";
import { ABOUT_THE_FIGURES, EFFECTS, GUIDANCE, INTRODUCTION, NO_ROWS, SECTIONS } from "./annual-report.text.js";
import { drawIntervals, intervalsHeight } from "./pdf-charts.js";
import { drawTable, ensureRoom, type Frame } from "./pdf-figures.js";
import { chartOf, drawTablesOf, type HiddenWords, withoutSinglePeriod } from "./statistics-figures.js";

/** Everything the annual report prints: the year's figures and effect estimates, as the caller may see them. */
export interface AnnualReportInput {
  year: number;
  municipality: { name: string; department: string };
  /** The districts the figures cover, or null for the whole city. */
  districts: string[] | null;
  /** The year's figures per quarter: the trends through the year come from here. */
  overview: StatisticsOverview;
  /** The same figures for the year as one period: the breakdowns by category come from here. */
  yearTotals: StatisticsOverview;
  effects: StatisticsEffects;
  /** Today (YYYY-MM-DD) by the request's clock. */
  generatedOn: string;
}

const MARGIN = 64;
const words = STATISTICS_WORDS.nl;
const SIGNED = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2, signDisplay: "exceptZero" });
const PLAIN = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });
const COUNT = new Intl.NumberFormat("nl-NL");

/** Tables read as a trend through the year, per quarter; the others are printed as the year's figures by category. */
const TRENDS = new Set<StatisticsTableId>([
  "funnel",
  "timeToFirstActivity",
  "ladderDistribution",
  "ladderTransitions",
  "wellbeing",
  "caregiving",
  "accountability",
  "sanctions",
  "displacement",
  "guidance",
  "outflow",
]);

/** The table the report prints for an id: per quarter for a trend, otherwise the year's, without its single period. */
export function reportTable(input: Pick<AnnualReportInput, "overview" | "yearTotals">, id: StatisticsTableId): StatisticsTable | undefined {
  const table = (TRENDS.has(id) ? input.overview : input.yearTotals).tables.find((t) => t.id === id);
  return table && withoutSinglePeriod(table);
}

/** The report's title, also the PDF's title and the footer of every page. */
export const annualReportTitle = (year: number) => `Jaarverslag tegenprestatie ${year}`;

/**
 * Lays out the annual report to the council as an A4 PDF: what the tegenprestatie is, every table of the year's
 * figures with a chart, the effect estimates with their intervals and caveats, and the guidance shortfall. The
 * output depends only on the input. Synchronous work of some size: it runs on a worker thread
 * (`annual-report.worker.ts`).
 */
export function renderAnnualReportPdf(input: AnnualReportInput): Promise<Buffer> {
  const title = annualReportTitle(input.year);
  const made = new Date(`${input.generatedOn}T00:00:00Z`);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 64, left: MARGIN, right: MARGIN },
    info: { Title: title, Author: input.municipality.name, CreationDate: made, ModDate: made },
    lang: "nl-NL",
    bufferPages: true,
  });
  const fonts = fontsFor(JSON.stringify(input));
  doc.registerFont("body", fonts.body);
  doc.registerFont("bold", fonts.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const frame: Frame = { doc, left: MARGIN, width: doc.page.width - 2 * MARGIN };
  const { overview } = input;
  const tables = SECTIONS.flatMap((section) => section.tables.flatMap((id) => reportTable(input, id) ?? []));
  const hidden: HiddenWords = { cell: overview.suppressedBelow === null ? "–" : `minder dan ${overview.suppressedBelow}` };

  doc.font("bold").fontSize(22).text(title, { width: frame.width });
  doc.font("body").fontSize(12).text("Verslag aan de gemeenteraad", { width: frame.width }).moveDown(0.3);
  doc
    .fontSize(10)
    .text(`${input.municipality.name}, ${input.municipality.department}`)
    .text(`Gemaakt op ${formatDutchDate(input.generatedOn)}`)
    .moveDown(1);

  heading(frame, INTRODUCTION.title, 15);
  for (const text of INTRODUCTION.paragraphs) paragraph(frame, text);

  heading(frame, ABOUT_THE_FIGURES.title, 15);
  paragraph(frame, ABOUT_THE_FIGURES.source);
  paragraph(frame, `${periodSentence(overview)} ${areaSentence(input.districts)}`);
  if (overview.suppressedBelow !== null) {
    paragraph(frame, ABOUT_THE_FIGURES.suppressed(overview.suppressedBelow));
    const hiddenCells = tables.reduce((sum, table) => sum + table.hiddenCells, 0);
    if (hiddenCells > 0) paragraph(frame, ABOUT_THE_FIGURES.hiddenCount(hiddenCells));
  }
  paragraph(frame, ABOUT_THE_FIGURES.tables);

  for (const section of SECTIONS) {
    doc.addPage();
    heading(frame, section.title, 15);
    paragraph(frame, section.intro);
    for (const id of section.tables) {
      const table = reportTable(input, id);
      if (table) printTable(frame, table, hidden, section.tables.length > 1);
    }
    if (section.tables.includes("guidance")) printGuidanceShortfall(frame, reportTable(input, "guidance"));
  }

  doc.addPage();
  printEffects(frame, input.effects);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc.font("body").fontSize(8).fillColor("#555555");
    doc.text(`${title} · ${input.municipality.name} · pagina ${i + 1} van ${range.count}`, MARGIN, doc.page.height - 44, {
      width: frame.width,
      align: "center",
      lineBreak: false,
    });
  }
  doc.end();
  return finished;
}

function heading({ doc, width, left }: Frame, text: string, size = 12): void {
  ensureRoom({ doc, width, left }, size * 4);
  doc.moveDown(0.5).font("bold").fontSize(size).fillColor("#222222").text(text, left, doc.y, { width }).moveDown(0.3);
}

function paragraph({ doc, width, left }: Frame, text: string, bold = false): void {
  doc
    .font(bold ? "bold" : "body")
    .fontSize(10)
    .fillColor("#222222")
    .text(text, left, doc.y, { width, lineGap: 1.5 })
    .moveDown(0.5);
}

function bullets(frame: Frame, items: string[]): void {
  const { doc, width, left } = frame;
  for (const item of items) {
    ensureRoom(frame, 24);
    const top = doc.y;
    doc.font("body").fontSize(10).text("•", left, top, { lineBreak: false });
    doc.text(item, left + 12, top, { width: width - 12, lineGap: 1.5 }).moveDown(0.2);
  }
  doc.x = left;
  doc.moveDown(0.3);
}

function periodSentence(overview: StatisticsOverview): string {
  return `De cijfers gaan over ${formatDutchDate(overview.from)} tot en met ${formatDutchDate(overview.to)}. Hoe iets door het jaar heen veranderde, staat per kwartaal. De andere cijfers gelden voor de hele periode.`;
}

function areaSentence(districts: string[] | null): string {
  if (districts === null) return "Ze gaan over de hele stad.";
  if (districts.length === 1) return `Ze gaan over de wijk ${districts[0]}.`;
  return `Ze gaan over de wijken ${districts.slice(0, -1).join(", ")} en ${districts.at(-1)}.`;
}

/** A table's title (unless it is its chapter's only one), what it counts, its chart and its numbers. */
function printTable(frame: Frame, table: StatisticsTable, hidden: HiddenWords, titled: boolean): void {
  const about = words.tables[table.id];
  const chart = chartOf(table, hidden);
  const intro = frame.doc.font("body").fontSize(10).heightOfString(about.intro, { width: frame.width });
  ensureRoom(frame, (titled ? 40 : 0) + intro + 10 + (chart?.height ?? 60));
  if (titled) heading(frame, about.title);
  paragraph(frame, about.intro);
  if (!chart) {
    paragraph(frame, NO_ROWS);
    return;
  }
  chart.draw(frame);
  frame.doc.moveDown(0.6);
  drawTablesOf(frame, table, hidden);
}

/**
 * Where guidance demand exceeded supply, per district, at the latest period of the year: the shortfall the council
 * can act on. Silent when the table carries no demand and supply per district.
 */
function printGuidanceShortfall(frame: Frame, table: StatisticsTable | undefined): void {
  if (!table) return;
  const district = table.dimensions.indexOf("district");
  const demand = table.measures.findIndex((m) => /demand/i.test(m.key));
  const supply = table.measures.findIndex((m) => /supply/i.test(m.key));
  if (district < 0 || demand < 0 || supply < 0) return;
  const latest = new Map<string, number | null>();
  for (const row of table.rows) {
    const needed = row.values[demand] ?? null;
    const offered = row.values[supply] ?? null;
    latest.set(row.keys[district] ?? "", needed === null || offered === null ? null : needed - offered);
  }
  const short = [...latest.entries()].filter((entry): entry is [string, number] => entry[1] !== null && entry[1] > 0);
  if (short.length === 0) {
    paragraph(frame, GUIDANCE.enough);
    return;
  }
  const total = short.reduce((sum, [, gap]) => sum + gap, 0);
  const list = short.map(([name, gap]) => `${name} (${PLAIN.format(gap)} uur)`).join(", ");
  paragraph(frame, GUIDANCE.shortfall(list, PLAIN.format(total)));
}

const UNIT_OF_OUTCOME: Record<EffectEstimate["outcome"], { one: string; many: string }> = {
  ladderRung: { one: "trede", many: "treden" },
  who5: { one: "punt", many: "punten" },
};

/** One estimate in a sentence: how much higher or lower, and within which margin. */
export function estimateSentence(estimate: EffectEstimate): string {
  const start = `${words.treatments[estimate.treatment]}, na ${estimate.horizonMonths} maanden: `;
  if (estimate.tooFewClients) return `${start}${EFFECTS.tooFew}.`;
  if (estimate.estimate === null || estimate.ciLow === null || estimate.ciHigh === null) return `${start}${EFFECTS.noMargin}.`;
  const unit = UNIT_OF_OUTCOME[estimate.outcome];
  const size = Math.abs(estimate.estimate);
  const direction = estimate.estimate > 0 ? "hoger" : estimate.estimate < 0 ? "lager" : "even hoog";
  const amount = size === 0 ? "gemiddeld" : `gemiddeld ${PLAIN.format(size)} ${size === 1 ? unit.one : unit.many}`;
  const margin = `(marge ${SIGNED.format(estimate.ciLow)} tot ${SIGNED.format(estimate.ciHigh)})`;
  const unsure = estimate.ciLow <= 0 && estimate.ciHigh >= 0 ? " We weten dus niet zeker of er een effect is." : "";
  return `${start}${amount} ${direction} dan bij mensen die nog niet begonnen ${margin}.${unsure}`;
}

function printEffects(frame: Frame, effects: StatisticsEffects): void {
  heading(frame, EFFECTS.title, 15);
  paragraph(frame, EFFECTS.question);
  paragraph(frame, EFFECTS.notATrial, true);
  heading(frame, EFFECTS.methodTitle);
  paragraph(frame, EFFECTS.method);
  paragraph(frame, EFFECTS.margin(Math.round(effects.confidenceLevel * 100), effects.resamples, effects.seed));
  const date = (day: string | null) => (day === null ? null : formatDutchDate(day));
  paragraph(frame, EFFECTS.window(date(effects.from), date(effects.to)));
  if (effects.estimates.length === 0) paragraph(frame, EFFECTS.none);
  if (effects.suppressedBelow !== null) paragraph(frame, EFFECTS.countsHidden(effects.suppressedBelow));
  // A count hidden for researchers (1 to 4 clients) reads as the overview's hidden cells do.
  const count = (n: number | null) => (n === null ? `minder dan ${effects.suppressedBelow ?? 5}` : COUNT.format(n));
  for (const outcome of EFFECT_OUTCOMES) {
    const estimates = effects.estimates.filter((e) => e.outcome === outcome);
    if (estimates.length === 0) continue;
    ensureRoom(frame, 140);
    heading(frame, words.outcomes[outcome]);
    const label = (e: EffectEstimate) => `${words.treatments[e.treatment]}, na ${e.horizonMonths} mnd`;
    const shown = estimates.flatMap((e) =>
      e.estimate === null || e.ciLow === null || e.ciHigh === null
        ? []
        : [{ label: label(e), estimate: e.estimate, low: e.ciLow, high: e.ciHigh }],
    );
    if (shown.length > 0) {
      const chart = { rows: shown, format: (v: number) => SIGNED.format(v) };
      ensureRoom(frame, intervalsHeight(chart) + 60);
      frame.doc.font("body").fontSize(8).fillColor("#555555").text(EFFECTS.chartCaption, frame.left, frame.doc.y, { width: frame.width });
      frame.doc.moveDown(0.4);
      drawIntervals(frame, chart);
    }
    frame.doc.moveDown(0.6);
    drawTable(frame, {
      header: ["Activiteit", "Na maanden", "Schatting", "Marge", "Deelnemers", "Vergeleken met", "Maanden met starts"],
      rows: estimates.map((e) => [
        words.treatments[e.treatment],
        String(e.horizonMonths),
        e.estimate === null ? "–" : SIGNED.format(e.estimate),
        e.ciLow === null || e.ciHigh === null ? "–" : `${SIGNED.format(e.ciLow)} tot ${SIGNED.format(e.ciHigh)}`,
        count(e.treatedClients),
        count(e.comparisonClients),
        count(e.cohorts),
      ]),
      labelColumns: 1,
    });
    heading(frame, EFFECTS.whatWeSee, 10);
    bullets(frame, estimates.map(estimateSentence));
  }
  heading(frame, EFFECTS.caveatsTitle);
  bullets(frame, EFFECTS.caveats);
}
