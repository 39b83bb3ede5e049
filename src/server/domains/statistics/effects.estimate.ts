import { seededRandom } from "@shared/random.js";
import { EFFECT_MIN_CLIENTS, EFFECT_OUTCOMES, EFFECT_TREATMENTS, type EffectEstimate } from "@shared/schemas/statistics.js";

/**
 * The effect estimator: pure functions over loaded facts, no database, so it runs on a worker thread and is tested on
 * generated data with a known effect.
 *
 * Method (a staggered difference-in-differences, the group-time average effect of Callaway and Sant'Anna aggregated
 * over cohorts):
 * 1. A cohort is the clients who first started the treatment in one calendar month g (the start date within `from`…`to`).
 * 2. For every client, the outcome change for cohort g runs from the baseline — the last observation before the first
 *    day of month g, at most `baselineLookbackDays` earlier — to the follow-up — the observation nearest the 15th of
 *    month g + `horizonMonths`, at most `followUpToleranceDays` away. A client without both is left out of that cohort.
 * 3. The comparison for cohort g is every client not yet treated: no start before month g, and none on or before
 *    their own follow-up observation (clients who never started count too). Clients who started earlier are left out.
 * 4. The cohort's effect is the mean change of its treated clients minus the mean change of its comparison clients;
 *    a cohort counts when it has at least one treated and `minComparisonPerCohort` comparison clients.
 * 5. The estimate is the average of the cohorts' effects weighted by their number of treated clients. It is null
 *    when fewer than `minClients` treated or fewer than `minClients` distinct comparison clients stand behind it.
 * 6. The confidence interval resamples clients with replacement (`resamples` times, from the seed), recomputes the
 *    estimate from the same cohorts with each client's weight its number of draws, and takes the 2.5th and 97.5th
 *    percentiles. All estimates share the resamples, so the same seed and data give the same figures.
 * Each treatment is estimated on its own: its comparison clients may have started other activities, so an estimate is
 * what the treatment adds to whatever else clients were doing.
 */
export const EFFECT_DESIGN = {
  horizonMonths: 6,
  baselineLookbackDays: 183,
  followUpToleranceDays: 61,
  minClients: EFFECT_MIN_CLIENTS,
  minComparisonPerCohort: 5,
  confidenceLevel: 0.95,
} as const;

export type EffectTreatment = (typeof EFFECT_TREATMENTS)[number];
export type EffectOutcome = (typeof EFFECT_OUTCOMES)[number];

/** One measurement of an outcome: the date (`YYYY-MM-DD`) and the value. */
export type Observation = readonly [on: string, value: number];

/** What the estimator knows of one client: when each treatment first started, and each outcome over time, by date. */
export interface EffectClient {
  starts: Partial<Record<EffectTreatment, string>>;
  outcomes: Record<EffectOutcome, readonly Observation[]>;
}

/** The estimator's whole input: plain data, so it crosses to a worker thread as it is. */
export interface EffectInput {
  clients: readonly EffectClient[];
  /** Only starts on or after this date form cohorts (null: from the first). */
  from: string | null;
  /** Only starts on or before this date form cohorts (null: up to the last). */
  to: string | null;
  seed: number;
  resamples: number;
}

const MS_PER_DAY = 86_400_000;
const dayOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
const monthOf = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const firstDayOfMonth = (month: number) => Date.UTC(Math.floor(month / 12), month % 12, 1) / MS_PER_DAY;
const midMonth = (month: number) => Date.UTC(Math.floor(month / 12), month % 12, 15) / MS_PER_DAY;

/** One client's outcome series as day numbers and values, sorted by day. */
interface Series {
  days: Float64Array;
  values: Float64Array;
}

function seriesOf(observations: readonly Observation[]): Series {
  const sorted = [...observations].sort((a, b) => a[0].localeCompare(b[0]));
  return { days: Float64Array.from(sorted, (o) => dayOf(o[0])), values: Float64Array.from(sorted, (o) => o[1]) };
}

/** The change of every client's outcome for cohort month g (NaN when baseline or follow-up is missing), and the follow-up's day. */
interface CohortChanges {
  change: Float64Array;
  followUpDay: Float64Array;
}

function changesFor(series: readonly Series[], month: number): CohortChanges {
  const anchor = firstDayOfMonth(month);
  const target = midMonth(month + EFFECT_DESIGN.horizonMonths);
  const change = new Float64Array(series.length).fill(Number.NaN);
  const followUpDay = new Float64Array(series.length).fill(Number.NaN);
  series.forEach(({ days, values }, i) => {
    let baseline = -1;
    let followUp = -1;
    for (let k = 0; k < days.length; k++) {
      const day = days[k] as number;
      if (day < anchor && day >= anchor - EFFECT_DESIGN.baselineLookbackDays) baseline = k;
      const distance = Math.abs(day - target);
      // The nearest to the target; of two as near, the earlier.
      if (distance <= EFFECT_DESIGN.followUpToleranceDays && (followUp < 0 || distance < Math.abs((days[followUp] as number) - target))) {
        followUp = k;
      }
    }
    if (baseline < 0 || followUp < 0) return;
    change[i] = (values[followUp] as number) - (values[baseline] as number);
    followUpDay[i] = days[followUp] as number;
  });
  return { change, followUpDay };
}

/** The cohorts behind one estimate, flattened: per entry its client, change, cohort and arm. */
interface Design {
  client: Int32Array;
  change: Float64Array;
  cohort: Int32Array;
  treated: Uint8Array;
  cohorts: number;
  treatedClients: number;
  comparisonClients: number;
}

function designFor(input: EffectInput, treatment: EffectTreatment, changes: (month: number) => CohortChanges): Design {
  const { clients } = input;
  const startDay = Float64Array.from(clients, (c) => (c.starts[treatment] ? dayOf(c.starts[treatment]) : Number.POSITIVE_INFINITY));
  const startMonth = Int32Array.from(clients, (c) => (c.starts[treatment] ? monthOf(c.starts[treatment]) : -1));
  const counted = (start: string | undefined): start is string =>
    start !== undefined && (input.from === null || start >= input.from) && (input.to === null || start <= input.to);
  const months = [...new Set(clients.flatMap((c) => (counted(c.starts[treatment]) ? [monthOf(c.starts[treatment])] : [])))].sort(
    (a, b) => a - b,
  );

  const client: number[] = [];
  const change: number[] = [];
  const cohort: number[] = [];
  const treated: number[] = [];
  const comparison = new Set<number>();
  let treatedClients = 0;
  let cohorts = 0;
  for (const month of months) {
    const { change: delta, followUpDay } = changes(month);
    const inTreated: number[] = [];
    const inComparison: number[] = [];
    for (let i = 0; i < clients.length; i++) {
      if (Number.isNaN(delta[i] as number)) continue;
      if (startMonth[i] === month) {
        if (counted(clients[i]?.starts[treatment])) inTreated.push(i);
      } else if ((startDay[i] as number) > (followUpDay[i] as number)) {
        inComparison.push(i);
      }
    }
    if (inTreated.length === 0 || inComparison.length < EFFECT_DESIGN.minComparisonPerCohort) continue;
    for (const [arm, members] of [
      [1, inTreated],
      [0, inComparison],
    ] as const) {
      for (const i of members) {
        client.push(i);
        change.push(delta[i] as number);
        cohort.push(cohorts);
        treated.push(arm);
        if (arm === 0) comparison.add(i);
      }
    }
    treatedClients += inTreated.length;
    cohorts++;
  }
  return {
    client: Int32Array.from(client),
    change: Float64Array.from(change),
    cohort: Int32Array.from(cohort),
    treated: Uint8Array.from(treated),
    cohorts,
    treatedClients,
    comparisonClients: comparison.size,
  };
}

/**
 * The cohort-size-weighted average of the cohorts' effects (NaN when no cohort has both arms). Entry e weighs
 * `weights[index[e]]`, or 1 without weights.
 */
function aggregate(design: Design, sums: Float64Array, weights?: { of: Int32Array; index: Int32Array }): number {
  sums.fill(0);
  for (let e = 0; e < design.client.length; e++) {
    const w = weights ? (weights.of[weights.index[e] as number] as number) : 1;
    if (w === 0) continue;
    const at = (design.cohort[e] as number) * 4 + (design.treated[e] === 1 ? 0 : 2);
    sums[at] = (sums[at] as number) + w;
    sums[at + 1] = (sums[at + 1] as number) + w * (design.change[e] as number);
  }
  let weighted = 0;
  let treatedWeight = 0;
  for (let g = 0; g < design.cohorts; g++) {
    const wT = sums[4 * g] as number;
    const sT = sums[4 * g + 1] as number;
    const wC = sums[4 * g + 2] as number;
    const sC = sums[4 * g + 3] as number;
    if (wT === 0 || wC === 0) continue;
    weighted += wT * (sT / wT - sC / wC);
    treatedWeight += wT;
  }
  return treatedWeight > 0 ? weighted / treatedWeight : Number.NaN;
}

/** The p-quantile of sorted values, interpolating between neighbours (the usual "type 7"). */
export function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const a = sorted[low] as number;
  const b = sorted[Math.min(low + 1, sorted.length - 1)] as number;
  return a + (h - low) * (b - a);
}

const rounded = (value: number) => Math.round(value * 1000) / 1000;

/** Every treatment's effect on every outcome, with its bootstrap interval and the clients behind it. */
export function estimateEffects(input: EffectInput): EffectEstimate[] {
  const pairs = EFFECT_TREATMENTS.flatMap((treatment) => EFFECT_OUTCOMES.map((outcome) => ({ treatment, outcome })));
  const series = Object.fromEntries(EFFECT_OUTCOMES.map((o) => [o, input.clients.map((c) => seriesOf(c.outcomes[o]))])) as Record<
    EffectOutcome,
    Series[]
  >;
  const cache = new Map<string, CohortChanges>();
  const changes = (outcome: EffectOutcome) => (month: number) => {
    const key = `${outcome}|${month}`;
    const found = cache.get(key) ?? changesFor(series[outcome], month);
    cache.set(key, found);
    return found;
  };
  const designs = pairs.map(({ treatment, outcome }) => designFor(input, treatment, changes(outcome)));
  const estimable = designs.map((d) => d.treatedClients >= EFFECT_DESIGN.minClients && d.comparisonClients >= EFFECT_DESIGN.minClients);
  const bounds = bootstrap(
    designs.filter((_, i) => estimable[i]),
    input,
  );

  let b = 0;
  return pairs.map(({ treatment, outcome }, i) => {
    const design = designs[i] as Design;
    const counts = {
      treatment,
      outcome,
      horizonMonths: EFFECT_DESIGN.horizonMonths,
      treatedClients: design.treatedClients,
      comparisonClients: design.comparisonClients,
      cohorts: design.cohorts,
    };
    if (!estimable[i]) return { ...counts, estimate: null, ciLow: null, ciHigh: null, tooFewClients: true };
    const [ciLow, ciHigh] = bounds[b++] as [number | null, number | null];
    const estimate = aggregate(design, new Float64Array(design.cohorts * 4));
    return { ...counts, estimate: rounded(estimate), ciLow, ciHigh, tooFewClients: false };
  });
}

/**
 * The percentile interval of each design's estimate over `resamples` resamples of the clients, drawn once from the
 * seed for all designs together (a client keeps one weight per resample across treatments and outcomes).
 */
function bootstrap(designs: readonly Design[], input: EffectInput): [number | null, number | null][] {
  if (designs.length === 0) return [];
  // The resampled population is every client behind any of the estimates, in a fixed order.
  const members = [...new Set(designs.flatMap((d) => [...d.client]))].sort((a, b) => a - b);
  const position = new Int32Array(input.clients.length).fill(-1);
  members.forEach((client, p) => {
    position[client] = p;
  });
  const draws = new Int32Array(members.length);
  const indexes = designs.map((d) => d.client.map((client) => position[client] as number));
  const replicates = designs.map(() => new Float64Array(input.resamples));
  const sums = designs.map((d) => new Float64Array(d.cohorts * 4));
  const random = seededRandom(input.seed);
  for (let r = 0; r < input.resamples; r++) {
    draws.fill(0);
    for (let k = 0; k < members.length; k++) {
      const p = Math.floor(random() * members.length);
      draws[p] = (draws[p] as number) + 1;
    }
    designs.forEach((design, d) => {
      (replicates[d] as Float64Array)[r] = aggregate(design, sums[d] as Float64Array, { of: draws, index: indexes[d] as Int32Array });
    });
  }
  const tail = (1 - EFFECT_DESIGN.confidenceLevel) / 2;
  return replicates.map((values) => {
    // A resample without a treated and a comparison client in any cohort has no estimate; it is left out.
    const valid = values.filter((v) => !Number.isNaN(v)).sort();
    if (valid.length === 0) return [null, null];
    return [rounded(quantile(valid, tail)), rounded(quantile(valid, 1 - tail))];
  });
}
