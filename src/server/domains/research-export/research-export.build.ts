import { createHmac } from "node:crypto";
import { csvField } from "@server/http/csv.js";
import type { HouseholdSituation } from "@shared/enums.js";
import { QUASI_IDENTIFIERS, RESEARCH_EXPORT_COLUMNS, type ResearchExportSummary } from "@shared/schemas/research-export.js";
import { anonymise, assertKAnonymous, classKey, generalisationOf, monthsOf, type QuasiRow } from "./research-export.rules.js";

/**
 * Builds the research export from facts already loaded: one row per client and month, the pseudonym a keyed hash,
 * every quasi-identifier generalised as `anonymise` chooses, suppressed rows left out. Pure and synchronous, so it
 * runs on a worker thread; the facts carry no name, BSN, address or contact detail, and nothing here writes one.
 */

export interface ExportClient {
  id: string;
  birthDate: string;
  district: string | null;
  benefitStartDate: string;
  household: HouseholdSituation;
}

/** What the export reads of a client's history (dates `YYYY-MM-DD`). */
export interface ExportFacts {
  clients: ExportClient[];
  ladder: { clientId: string; rung: number; on: string }[];
  checkIns: { clientId: string; who5Raw: number; on: string }[];
  placements: { clientId: string; startedOn: string; endedOn: string | null; endReason: string | null; hours: number }[];
  steps: { clientId: string; type: string; hours: number; startDate: string; endDate: string | null }[];
  exemptions: { clientId: string; startDate: string; endDate: string | null }[];
  sanctions: { clientId: string; decidedOn: string }[];
}

export interface BuildInput {
  facts: ExportFacts;
  from: string;
  to: string;
  /** The municipality's secret for the pseudonyms (RESEARCH_PSEUDONYM_KEY). */
  pseudonymKey: string;
}

export interface BuiltExport {
  csv: string;
  summary: ResearchExportSummary;
}

/** The pseudonym of a client: HMAC-SHA-256 of its record id under the municipality's key, 32 hex digits. */
export function pseudonymOf(clientId: string, key: string): string {
  return createHmac("sha256", key).update(`client:${clientId}`).digest("hex").slice(0, 32);
}

/** WHO-5 bands on the percentage scale (raw score × 4): 28 or less suggests depression, 50 or less poor wellbeing. */
export function who5BandOf(raw: number): string {
  const percent = raw * 4;
  if (percent <= 28) return "0-28";
  if (percent <= 50) return "29-50";
  return "51-100";
}

/** Whole years from a birth date to a day. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Whole months from a start date to a day (0 in the month it started). */
export function monthsBetween(start: string, day: string): number {
  const months = (Number(day.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(day.slice(5, 7)) - Number(start.slice(5, 7));
  return day.slice(8) < start.slice(8) ? months - 1 : months;
}

function byClient<T extends { clientId: string }>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.clientId);
    if (list) list.push(item);
    else map.set(item.clientId, [item]);
  }
  return map;
}

const lastDayOf = (month: string): string => {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, "0")}`;
};

const overlaps = (start: string, end: string | null, monthStart: string, monthEnd: string) =>
  start <= monthEnd && (end === null || end >= monthStart);

type Cells = Record<(typeof RESEARCH_EXPORT_COLUMNS)[number], string>;

/** The columns after the quasi-identifiers, in the file's order. */
const TAIL_COLUMNS = RESEARCH_EXPORT_COLUMNS.slice(2 + QUASI_IDENTIFIERS.length) as Exclude<
  (typeof RESEARCH_EXPORT_COLUMNS)[number],
  "pseudonym" | "month" | (typeof QUASI_IDENTIFIERS)[number]
>[];

/** The sensitive, non-identifying cells of one client-month (the quasi-identifiers are added after anonymising). */
function monthCells(
  month: string,
  history: {
    ladder: ExportFacts["ladder"];
    checkIns: ExportFacts["checkIns"];
    placements: ExportFacts["placements"];
    steps: ExportFacts["steps"];
    exemptions: ExportFacts["exemptions"];
    sanctions: ExportFacts["sanctions"];
  },
): Omit<Cells, "pseudonym" | "ageBand" | "district" | "benefitBand" | "household"> {
  const start = `${month}-01`;
  const end = lastDayOf(month);
  let rung = "";
  for (const a of history.ladder) if (a.on <= end) rung = String(a.rung);
  let who5 = "";
  for (const c of history.checkIns) if (c.on >= start && c.on <= end) who5 = who5BandOf(c.who5Raw);
  let hours = 0;
  let activity = "none";
  let endingReason = "";
  const placed = history.placements.filter((p) => overlaps(p.startedOn, p.endedOn, start, end));
  for (const p of placed) hours += p.hours;
  for (const p of history.placements) if (p.endedOn && p.endedOn >= start && p.endedOn <= end) endingReason = p.endReason ?? "other";
  if (placed.length > 0) activity = "volunteerPlacement";
  let mostHours = -1;
  for (const s of history.steps) {
    if (!overlaps(s.startDate, s.endDate, start, end)) continue;
    hours += s.hours;
    if (placed.length === 0 && s.hours > mostHours) {
      mostHours = s.hours;
      activity = s.type;
    }
  }
  const exempt = history.exemptions.some((e) => overlaps(e.startDate, e.endDate, start, end));
  const sanctioned = history.sanctions.some((s) => s.decidedOn >= start && s.decidedOn <= end);
  return {
    month,
    ladderRung: rung,
    activityType: activity,
    hoursPerWeek: String(Math.round(hours * 10) / 10),
    who5Band: who5,
    endingReason,
    exempt: exempt ? "1" : "0",
    sanctioned: sanctioned ? "1" : "0",
  };
}

/** Builds the rows, anonymises them and writes the CSV; throws when the release gate would fail. */
export function buildResearchExport({ facts, from, to, pseudonymKey }: BuildInput, onProgress?: (share: number) => void): BuiltExport {
  const months = monthsOf(from, to);
  const ladder = byClient([...facts.ladder].sort((a, b) => a.on.localeCompare(b.on)));
  const checkIns = byClient([...facts.checkIns].sort((a, b) => a.on.localeCompare(b.on)));
  const placements = byClient(facts.placements);
  const steps = byClient(facts.steps);
  const exemptions = byClient(facts.exemptions);
  const sanctions = byClient(facts.sanctions);
  const quasi: QuasiRow[] = [];
  const cells: Omit<Cells, "ageBand" | "district" | "benefitBand" | "household">[] = [];
  const clients = [...facts.clients].sort((a, b) => a.id.localeCompare(b.id));
  clients.forEach((client, index) => {
    const pseudonym = pseudonymOf(client.id, pseudonymKey);
    const history = {
      ladder: ladder.get(client.id) ?? [],
      checkIns: checkIns.get(client.id) ?? [],
      placements: placements.get(client.id) ?? [],
      steps: steps.get(client.id) ?? [],
      exemptions: exemptions.get(client.id) ?? [],
      sanctions: sanctions.get(client.id) ?? [],
    };
    for (const month of months) {
      const end = lastDayOf(month);
      if (client.benefitStartDate > end) continue;
      const first = `${month}-01`;
      quasi.push({
        month,
        facts: {
          ageYears: ageOn(client.birthDate, first),
          district: client.district,
          monthsOnBenefit: Math.max(0, monthsBetween(client.benefitStartDate, first)),
          household: client.household,
        },
      });
      cells.push({ pseudonym, ...monthCells(month, history) });
    }
    if (onProgress && index % 2000 === 0) onProgress((0.5 * index) / clients.length);
  });
  onProgress?.(0.5);
  const anonymised = anonymise(quasi);
  onProgress?.(0.7);
  const lines = [RESEARCH_EXPORT_COLUMNS.join(",")];
  const releasedClasses: string[] = [];
  const pseudonyms = new Set<string>();
  // The quasi-identifiers' cells and class key, written once per combination (valuesOf gives one object for each).
  const written = new WeakMap<object, { cells: string; key: string }>();
  quasi.forEach((row, i) => {
    if (!anonymised.released[i]) return;
    const values = anonymised.valuesOf(i);
    let qi = written.get(values);
    if (!qi) {
      qi = { cells: QUASI_IDENTIFIERS.map((q) => csvField(values[q], ",")).join(","), key: classKey(row.month, values) };
      written.set(values, qi);
    }
    const rest = cells[i] as (typeof cells)[number];
    releasedClasses.push(qi.key);
    pseudonyms.add(rest.pseudonym);
    // The other cells are numbers, codes or empty: nothing in them needs quoting.
    lines.push(`${rest.pseudonym},${row.month},${qi.cells},${TAIL_COLUMNS.map((column) => rest[column]).join(",")}`);
  });
  // The gate, over exactly what is written: nothing leaves when one group is below k.
  assertKAnonymous(releasedClasses);
  onProgress?.(0.9);
  return {
    csv: `${lines.join("\r\n")}\r\n`,
    summary: {
      rowCount: lines.length - 1,
      clients: pseudonyms.size,
      suppressedRows: anonymised.suppressedRows,
      smallestGroup: anonymised.smallestClass,
      generalisation: generalisationOf(anonymised.step),
    },
  };
}
