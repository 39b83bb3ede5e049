import { conflict, invalidField } from "@server/http/errors.js";
import { areaOfDistrict } from "@shared/districts.js";
import type { HouseholdSituation } from "@shared/enums.js";
import {
  K_ANONYMITY,
  MAX_SUPPRESSED_SHARE,
  QUASI_IDENTIFIERS,
  type QuasiIdentifier,
  RESEARCH_EXPORT_MAX_MONTHS,
  type ResearchExportGeneralisation,
} from "@shared/schemas/research-export.js";

export { K_ANONYMITY, MAX_SUPPRESSED_SHARE, QUASI_IDENTIFIERS, RESEARCH_EXPORT_MAX_MONTHS };

/** The refusal codes of this file (the table test has a case for each). */
export const RESEARCH_EXPORT_REFUSALS = ["to:beforeStart", "to:dateInFuture", "to:tooLong", "notKAnonymous"] as const;

/** A generalised value that says "any": the column was generalised away at this level. */
export const ANY = "*";

/** What the ladders generalise: the finest facts of one client-month. */
export interface QuasiFacts {
  ageYears: number;
  district: string | null;
  monthsOnBenefit: number;
  household: HouseholdSituation;
}

/** One level of a quasi-identifier's ladder: its name in the dictionary and how it writes a value. */
export interface GeneralisationLevel {
  level: string;
  label: (facts: QuasiFacts) => string;
}

const bandOf = (value: number, starts: readonly number[]): string => {
  let index = 0;
  while (index + 1 < starts.length && value >= (starts[index + 1] ?? Number.POSITIVE_INFINITY)) index++;
  const start = starts[index] ?? 0;
  const next = starts[index + 1];
  return next === undefined ? `${start}+` : `${start}-${next - 1}`;
};

/** Age bands at each level; each band of a coarser level is a union of bands of the finer one. */
export const AGE_BANDS = {
  fiveYears: [18, 25, 30, 35, 40, 45, 50, 55, 60, 65],
  tenYears: [18, 30, 40, 50, 60],
  twentyYears: [18, 40, 60],
} as const;

/** Months-on-benefit bands at each level (60 months and more is the long-term cohort). */
export const BENEFIT_BANDS = {
  fine: [0, 12, 24, 60, 120],
  coarse: [0, 24, 60],
  longTerm: [0, 60],
} as const;

/** Households by who else lives there, the coarser level of the household situation. */
export const HOUSEHOLD_GROUPS: Readonly<Record<HouseholdSituation, string>> = {
  single: "alone",
  singleParent: "withChildren",
  coupleWithChildren: "withChildren",
  couple: "withOthers",
  livingWithParents: "withOthers",
  sharedHousing: "withOthers",
  other: "withOthers",
};

const UNKNOWN_DISTRICT = "unknown";

/**
 * Each quasi-identifier's generalisation ladder, finest first; the last level is `*` for everyone. A new
 * quasi-identifier (say the size of the household once clients carry it) is a new entry in `QUASI_IDENTIFIERS`
 * and its ladder here.
 */
export const GENERALISATION_LADDERS: Readonly<Record<QuasiIdentifier, readonly GeneralisationLevel[]>> = {
  ageBand: [
    { level: "fiveYears", label: (f) => bandOf(f.ageYears, AGE_BANDS.fiveYears) },
    { level: "tenYears", label: (f) => bandOf(f.ageYears, AGE_BANDS.tenYears) },
    { level: "twentyYears", label: (f) => bandOf(f.ageYears, AGE_BANDS.twentyYears) },
    { level: "suppressed", label: () => ANY },
  ],
  district: [
    { level: "district", label: (f) => f.district ?? UNKNOWN_DISTRICT },
    { level: "cityArea", label: (f) => (f.district ? (areaOfDistrict(f.district) ?? ANY) : UNKNOWN_DISTRICT) },
    { level: "city", label: () => ANY },
  ],
  benefitBand: [
    { level: "fine", label: (f) => bandOf(f.monthsOnBenefit, BENEFIT_BANDS.fine) },
    { level: "coarse", label: (f) => bandOf(f.monthsOnBenefit, BENEFIT_BANDS.coarse) },
    { level: "longTerm", label: (f) => bandOf(f.monthsOnBenefit, BENEFIT_BANDS.longTerm) },
    { level: "suppressed", label: () => ANY },
  ],
  household: [
    { level: "situation", label: (f) => f.household },
    { level: "group", label: (f) => HOUSEHOLD_GROUPS[f.household] },
    { level: "suppressed", label: () => ANY },
  ],
};

/** A step of the ladder: the level (index into each ladder) of every quasi-identifier. */
export type LadderStep = Readonly<Record<QuasiIdentifier, number>>;

/**
 * The order in which the export gives up detail until k-anonymity holds: first the bands researchers need least
 * finely, district last but one (city-wide figures stay useful), the age band last. Each step is one level coarser
 * in one quasi-identifier than the step before.
 */
export const GENERALISATION_STEPS: readonly LadderStep[] = [
  { ageBand: 0, district: 0, benefitBand: 0, household: 0 },
  { ageBand: 1, district: 0, benefitBand: 0, household: 0 },
  { ageBand: 1, district: 0, benefitBand: 1, household: 0 },
  { ageBand: 1, district: 0, benefitBand: 1, household: 1 },
  { ageBand: 1, district: 1, benefitBand: 1, household: 1 },
  { ageBand: 2, district: 1, benefitBand: 1, household: 1 },
  { ageBand: 2, district: 1, benefitBand: 2, household: 1 },
  { ageBand: 2, district: 2, benefitBand: 2, household: 1 },
  { ageBand: 2, district: 2, benefitBand: 2, household: 2 },
  { ageBand: 3, district: 2, benefitBand: 2, household: 2 },
  { ageBand: 3, district: 2, benefitBand: 3, household: 2 },
];

/** The row's quasi-identifier values at a step of the ladder. */
export function generalise(facts: QuasiFacts, step: LadderStep): Record<QuasiIdentifier, string> {
  const out = {} as Record<QuasiIdentifier, string>;
  for (const qi of QUASI_IDENTIFIERS) out[qi] = (GENERALISATION_LADDERS[qi][step[qi]] as GeneralisationLevel).label(facts);
  return out;
}

/** A client-month as k-anonymity sees it: the month and the quasi-identifiers' finest facts. */
export interface QuasiRow {
  month: string;
  facts: QuasiFacts;
}

/** The equivalence class of a row: its month and its generalised quasi-identifiers, as one key. */
export function classKey(month: string, values: Record<QuasiIdentifier, string>): string {
  return [month, ...QUASI_IDENTIFIERS.map((qi) => values[qi])].join("\u0000");
}

/** The outcome of anonymising: the step taken, which rows are released, and what was given up. */
export interface Anonymisation {
  step: LadderStep;
  /** Per input row: whether it is released (false: suppressed, its class had fewer than k clients). */
  released: boolean[];
  /** The quasi-identifiers of input row `index` at the step taken (one object per combination of facts). */
  valuesOf: (index: number) => Record<QuasiIdentifier, string>;
  suppressedRows: number;
  /** The smallest class released (k achieved); null when nothing is released. */
  smallestClass: number | null;
}

/** One combination of month and finest facts, with its label at every level of every ladder. */
interface Combination {
  month: string;
  labels: Record<QuasiIdentifier, string[]>;
  count: number;
}

/**
 * Chooses the first step of the ladder at which at most `MAX_SUPPRESSED_SHARE` of the rows sit in classes
 * smaller than k, and suppresses those rows; at the last step it suppresses whatever is still too small (a month
 * with fewer than k clients in all). Every class released then holds at least k clients: per month, anyone who
 * knows a client's age, district, time on benefit and household finds at least k rows that could be theirs.
 */
export function anonymise(rows: readonly QuasiRow[], k = K_ANONYMITY): Anonymisation {
  // Rows with the same month and finest facts fall in the same class at every step: label each combination once.
  const combinations: Combination[] = [];
  const indexOf = new Map<string, number>();
  const combinationOf = new Int32Array(rows.length);
  const finest = GENERALISATION_STEPS[0] as LadderStep;
  rows.forEach((row, i) => {
    const key = classKey(row.month, generalise(row.facts, finest));
    let index = indexOf.get(key);
    if (index === undefined) {
      index = combinations.length;
      indexOf.set(key, index);
      const labels = {} as Record<QuasiIdentifier, string[]>;
      for (const qi of QUASI_IDENTIFIERS) labels[qi] = GENERALISATION_LADDERS[qi].map((level) => level.label(row.facts));
      combinations.push({ month: row.month, labels, count: 0 });
    }
    (combinations[index] as Combination).count++;
    combinationOf[i] = index;
  });
  const valuesAt = (c: Combination, step: LadderStep) => {
    const values = {} as Record<QuasiIdentifier, string>;
    for (const qi of QUASI_IDENTIFIERS) values[qi] = c.labels[qi][step[qi]] as string;
    return values;
  };
  const last = GENERALISATION_STEPS.length - 1;
  for (let index = 0; index <= last; index++) {
    const step = GENERALISATION_STEPS[index] as LadderStep;
    const classOf = combinations.map((c) => classKey(c.month, valuesAt(c, step)));
    const sizes = new Map<string, number>();
    combinations.forEach((c, i) => {
      sizes.set(classOf[i] as string, (sizes.get(classOf[i] as string) ?? 0) + c.count);
    });
    let small = 0;
    for (const size of sizes.values()) if (size < k) small += size;
    if (index < last && small > MAX_SUPPRESSED_SHARE * rows.length) continue;
    const releasedCombination = classOf.map((key) => (sizes.get(key) ?? 0) >= k);
    const chosen = new Map<number, Record<QuasiIdentifier, string>>();
    const kept = [...sizes.values()].filter((size) => size >= k);
    return {
      step,
      released: Array.from(combinationOf, (c) => releasedCombination[c] as boolean),
      valuesOf: (i) => {
        const c = combinationOf[i] as number;
        let values = chosen.get(c);
        if (!values) {
          values = valuesAt(combinations[c] as Combination, step);
          chosen.set(c, values);
        }
        return values;
      },
      suppressedRows: small,
      smallestClass: kept.length ? Math.min(...kept) : null,
    };
  }
  throw new Error("the generalisation ladder has no steps");
}

/**
 * The release gate, over what is about to be written: each row's month and quasi-identifiers as one key
 * (`classKey`). Every equivalence class must hold at least k rows, i.e. k clients.
 */
export function assertKAnonymous(classKeys: Iterable<string>, k = K_ANONYMITY): void {
  const sizes = new Map<string, number>();
  for (const key of classKeys) sizes.set(key, (sizes.get(key) ?? 0) + 1);
  if (sizes.size === 0) return;
  const smallest = Math.min(...sizes.values());
  if (smallest < k) {
    throw conflict("notKAnonymous", `A group of ${smallest} clients would be released; at least ${k} are required.`);
  }
}

/** The levels a step applies, by quasi-identifier, as the dictionary and the export's summary name them. */
export function generalisationOf(step: LadderStep): ResearchExportGeneralisation {
  const out = {} as ResearchExportGeneralisation;
  for (const qi of QUASI_IDENTIFIERS) out[qi] = (GENERALISATION_LADDERS[qi][step[qi]] as GeneralisationLevel).level;
  return out;
}

/** An export still queued or running this long after it started was cut off (its server stopped). */
export const STALE_EXPORT_MINUTES = 15;

/** The moment before which an export in progress counts as stale. */
export function staleExportCutoff(now: Date): string {
  return new Date(now.getTime() - STALE_EXPORT_MINUTES * 60_000).toISOString();
}

/** The months of a period, `YYYY-MM`, from the month of `from` to the month of `to`. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const label = `${year}-${String(month).padStart(2, "0")}`;
    if (label > last) break;
    months.push(label);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/** The period asked for is whole and past: `to` not before `from`, not after today, at most the longest period. */
export function assertExportPeriod(from: string, to: string, today: string): void {
  if (to < from) throw invalidField("to", "beforeStart", "must not be before from");
  if (to > today) throw invalidField("to", "dateInFuture", "must not be after today");
  if (monthsOf(from, to).length > RESEARCH_EXPORT_MAX_MONTHS) {
    throw invalidField("to", "tooLong", `a period spans at most ${RESEARCH_EXPORT_MAX_MONTHS} months`);
  }
}
