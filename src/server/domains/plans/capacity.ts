import type { ClientRow, Database } from "@server/db/schema.js";
import type { Kysely } from "kysely";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import {
  activeContributionHours,
  activeStepHours,
  caregivingBeyondCustomaryHours,
  exemptionLimitsOf,
  openPlacementHours,
  openPlansOf,
} from "./capacity.repo.js";
import { assertCapacityHolds, assertWithinNorm } from "./plans.rules.js";

/** Runs a query per chunk of ids, so long id lists stay within the databases' parameter limits. */
async function inChunks<T>(ids: readonly string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += 5000) rows.push(...(await query(ids.slice(i, i + 5000))));
  return rows;
}

/** Adds up `hours_per_week` per client. */
function sumByClient(rows: { client_id: string; hours_per_week: number }[], into = new Map<string, number>()): Map<string, number> {
  for (const row of rows) into.set(row.client_id, (into.get(row.client_id) ?? 0) + row.hours_per_week);
  return into;
}

/**
 * Hours a week asked of each client outside the plan's steps: placements that count against capacity (except
 * one placement if given), active formalised contributions (e.g. volunteer work they already do) and caregiving
 * beyond customary care, which is the client's contribution and so fills capacity.
 */
export async function hoursBesidesPlanByClient(
  db: Kysely<Database>,
  clientIds: readonly string[],
  exceptPlacementId?: string,
): Promise<Map<string, number>> {
  const hours = new Map<string, number>();
  await inChunks(clientIds, async (chunk) => {
    sumByClient(await openPlacementHours(db, chunk, exceptPlacementId), hours);
    sumByClient(await activeContributionHours(db, chunk), hours);
    sumByClient(await caregivingBeyondCustomaryHours(db, chunk), hours);
    return [];
  });
  return hours;
}

/** Hours a week of the planned and active steps of each client's plan being worked on (the draft, else the one in force). */
export async function planHoursByClient(db: Kysely<Database>, clientIds: readonly string[]): Promise<Map<string, number>> {
  const plans = await inChunks(clientIds, (chunk) => openPlansOf(db, chunk));
  const current = new Map<string, string>();
  for (const plan of plans) if (plan.status === "draft" || !current.has(plan.client_id)) current.set(plan.client_id, plan.id);
  const clientOfPlan = new Map([...current].map(([clientId, planId]) => [planId, clientId]));
  const steps = await inChunks([...clientOfPlan.keys()], (chunk) => activeStepHours(db, chunk));
  return sumByClient(steps.map((s) => ({ client_id: clientOfPlan.get(s.plan_id) ?? "", hours_per_week: s.hours_per_week })));
}

/** Everything asked of each client in hours a week: plan steps, placements, formalised contributions and caregiving. */
export async function committedHoursByClient(db: Kysely<Database>, clientIds: readonly string[]): Promise<Map<string, number>> {
  const plan = await planHoursByClient(db, clientIds);
  const besides = await hoursBesidesPlanByClient(db, clientIds);
  return new Map(clientIds.map((id) => [id, (plan.get(id) ?? 0) + (besides.get(id) ?? 0)]));
}

/** Hours a week asked of a client outside the plan's steps: placements, formalised contributions and caregiving. */
export async function hoursBesidesPlan(db: Kysely<Database>, clientId: string, exceptPlacementId?: string): Promise<number> {
  return (await hoursBesidesPlanByClient(db, [clientId], exceptPlacementId)).get(clientId) ?? 0;
}

/** Everything asked of a client in hours a week: plan steps, placements, formalised contributions and caregiving. */
export async function committedHours(db: Kysely<Database>, clientId: string, exceptPlacementId?: string): Promise<number> {
  return ((await planHoursByClient(db, [clientId])).get(clientId) ?? 0) + (await hoursBesidesPlan(db, clientId, exceptPlacementId));
}

export interface Capacity {
  /** What may be asked in all, in hours a week; null until assessed (and no full exemption). */
  hoursPerWeek: number | null;
  /** The consultant's assessment at the intake. */
  assessedHoursPerWeek: number | null;
  /** The exemption that lowers it, if any. */
  exemption: { id: string; scope: string; maxHoursPerWeek: number | null } | null;
}

/**
 * What each client can be asked: the consultant's assessment, lowered by an exemption in force. A full exemption
 * makes it nothing; a partial one caps it at its maximum hours (e.g. an occupational physician's advice).
 */
export async function capacitiesOf(
  db: Kysely<Database>,
  clients: readonly Pick<ClientRow, "id" | "capacity_hours_per_week">[],
  today: string,
): Promise<Map<string, Capacity>> {
  const exemptions = await inChunks(
    clients.map((c) => c.id),
    (chunk) => exemptionLimitsOf(db, chunk, today),
  );
  const limit = (e: (typeof exemptions)[number]) => (e.scope === "full" ? 0 : (e.max_hours_per_week ?? 0));
  const binding = new Map<string, (typeof exemptions)[number]>();
  for (const e of exemptions) {
    const current = binding.get(e.client_id);
    if (!current || limit(e) < limit(current)) binding.set(e.client_id, e);
  }
  return new Map(
    clients.map((client): [string, Capacity] => {
      const assessed = client.capacity_hours_per_week;
      const e = binding.get(client.id);
      if (!e || (assessed !== null && assessed <= limit(e)))
        return [client.id, { hoursPerWeek: assessed, assessedHoursPerWeek: assessed, exemption: null }];
      const exemption = { id: e.id, scope: e.scope, maxHoursPerWeek: e.max_hours_per_week };
      // A partial exemption without an assessment still leaves the assessment to be made.
      return [
        client.id,
        { hoursPerWeek: assessed === null && e.scope !== "full" ? null : limit(e), assessedHoursPerWeek: assessed, exemption },
      ];
    }),
  );
}

/** What one client can be asked on a date; see `capacitiesOf`. */
export async function capacityOf(db: Kysely<Database>, client: ClientRow, today: string): Promise<Capacity> {
  const capacity = (await capacitiesOf(db, [client], today)).get(client.id);
  if (!capacity) throw new Error(`capacitiesOf left out client ${client.id}`);
  return capacity;
}

/** Capacity first: everything asked of a client together never exceeds what they can do (see `assertCapacityHolds`). */
export async function assertWithinCapacity(db: Kysely<Database>, client: ClientRow, activeHours: number, today: string): Promise<void> {
  assertCapacityHolds(await capacityOf(db, client, today), activeHours);
}

/**
 * The limits of what may be asked, in their order: capacity first (what the client can do), then the ordinance's
 * weekly norm in force on the date. `activeHours` is everything asked of the client together.
 */
export async function assertWithinLimits(
  db: Kysely<Database>,
  client: ClientRow,
  activeHours: number,
  today: string,
  field = "hoursPerWeek",
): Promise<void> {
  await assertWithinCapacity(db, client, activeHours, today);
  assertWithinNorm((await ordinanceOn(db, today)).weeklyNormHours, activeHours, field);
}
