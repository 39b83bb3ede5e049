import type { Actor } from "@server/auth/actor.js";
import type { Database } from "@server/db/schema.js";
import { runInWorker } from "@server/worker-thread.js";
import type { PlanStepType } from "@shared/schemas/plans.js";
import {
  EFFECT_TREATMENTS,
  type EffectEstimate,
  SMALL_CELL_THRESHOLD,
  type StatisticsEffects,
  type StatisticsEffectsQuery,
  statisticsEffectsQuery,
} from "@shared/schemas/statistics.js";
import type { Kysely } from "kysely";
import {
  EFFECT_DESIGN,
  type EffectClient,
  type EffectInput,
  type EffectOutcome,
  type EffectTreatment,
  estimateEffects,
  type Observation,
} from "./effects.estimate.js";
import { firstPlacementStarts, firstPlanStepStarts, ladderObservations, wellbeingObservations } from "./effects.repo.js";
import { isSuppressedFor, suppressEffectCounts } from "./statistics.rules.js";

/** The treatments that are plan steps (all but the placement), by their step type. */
const STEP_TREATMENTS = EFFECT_TREATMENTS.filter(
  (t): t is Exclude<EffectTreatment, "placementStarted"> & PlanStepType => t !== "placementStarted",
);
const DEFAULTS = statisticsEffectsQuery.parse({});

/** The query of the effect estimates; seed and resamples default as in the API. */
export type EffectsQuery = Omit<StatisticsEffectsQuery, "seed" | "resamples"> & Partial<Pick<StatisticsEffectsQuery, "seed" | "resamples">>;

/**
 * The effect of starting a placement (or another activity) on the ladder rung and WHO-5, over the actor's clients
 * (consultants and team leads: their districts) or one district: loaded here, estimated on a worker thread
 * (`effects.estimate.ts` says how). Researchers get the counts with small ones hidden. The annual report calls this too.
 */
export async function statisticsEffects(db: Kysely<Database>, actor: Actor, query: EffectsQuery): Promise<StatisticsEffects> {
  const seed = query.seed ?? DEFAULTS.seed;
  const resamples = query.resamples ?? DEFAULTS.resamples;
  const input: EffectInput = {
    clients: await loadEffectClients(db, actor, query.district, actor.scopeDate),
    from: query.from ?? null,
    to: query.to ?? null,
    seed,
    resamples,
  };
  const estimates = await estimate(input);
  // Researchers see aggregates only: a count of 1 to 4 clients behind an estimate is hidden, as in the overview.
  const suppressed = isSuppressedFor(actor);
  return {
    method: "staggeredDifferenceInDifferences",
    observational: true,
    confidenceLevel: EFFECT_DESIGN.confidenceLevel,
    seed,
    resamples,
    from: input.from,
    to: input.to,
    district: query.district ?? null,
    suppressedBelow: suppressed ? SMALL_CELL_THRESHOLD : null,
    estimates: suppressed ? suppressEffectCounts(estimates) : estimates,
  };
}

/** Computes the estimates (`estimateEffects`) on a worker thread, so the request thread keeps answering during the resamples. */
export function estimateEffectsInWorker(input: EffectInput): Promise<EffectEstimate[]> {
  return runInWorker(import.meta.url, "effects", input);
}

/** On a worker thread when some treatment has as many clients as an estimate needs; otherwise nothing is resampled. */
function estimate(input: EffectInput): Promise<EffectEstimate[]> {
  const enough = EFFECT_TREATMENTS.some((t) => input.clients.filter((c) => c.starts[t] !== undefined).length >= EFFECT_DESIGN.minClients);
  return enough ? estimateEffectsInWorker(input) : Promise.resolve(estimateEffects(input));
}

/** Each client in scope with an outcome measured: first starts of each treatment, ladder rungs and WHO-5 scores. */
async function loadEffectClients(db: Kysely<Database>, actor: Actor, district: string | undefined, today: string): Promise<EffectClient[]> {
  const [placements, steps, ladder, wellbeing] = await Promise.all([
    firstPlacementStarts(db, actor, district),
    firstPlanStepStarts(db, actor, { district, types: STEP_TREATMENTS, today }),
    ladderObservations(db, actor, district),
    wellbeingObservations(db, actor, district),
  ]);
  const clients = new Map<string, EffectClient>();
  const clientOf = (id: string) => {
    const found = clients.get(id) ?? { starts: {}, outcomes: { ladderRung: [], who5: [] } };
    clients.set(id, found);
    return found;
  };
  const observe = (outcome: EffectOutcome, rows: readonly { client_id: string; on: string; value: number }[]) => {
    for (const row of rows) (clientOf(row.client_id).outcomes[outcome] as Observation[]).push([row.on.slice(0, 10), Number(row.value)]);
  };
  observe("ladderRung", ladder);
  observe("who5", wellbeing);
  // A start counts only for a client with an outcome measured; the others cannot show a change.
  const start = (id: string, treatment: EffectTreatment, on: string) => {
    const client = clients.get(id);
    if (client) client.starts[treatment] = on.slice(0, 10);
  };
  for (const p of placements) start(p.client_id, "placementStarted", p.started_on);
  for (const s of steps) start(s.client_id, s.type as EffectTreatment, s.start_date);
  // A fixed order (by id), so the resamples draw the same clients for the same seed.
  return [...clients.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, client]) => client);
}
