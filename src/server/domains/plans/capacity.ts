import { parseJsonColumn } from "@server/db/json.js";
import type { ClientRow, Database } from "@server/db/schema.js";
import { FUNCTIONAL_LIMITS, strictestLimits, type WorkDemands, type WorkLimits } from "@shared/capacity.js";
import type { Kysely } from "kysely";
import { z } from "zod";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import {
  activeContributionHours,
  activeStepHours,
  caregivingBeyondCustomaryHours,
  exemptionLimitsOf,
  latestMedicalLimitsOf,
  openPlacementHours,
  openPlansOf,
} from "./capacity.repo.js";
import { assertWorkFitsLimits, type WorkFields } from "./capacity.rules.js";
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
  /** Hours a day, days a week and functional limits: the strictest of the assessment and the latest physician's advice. */
  limits: WorkLimits;
}

const functionalLimitColumn = z.array(z.enum(FUNCTIONAL_LIMITS));

/** A JSON column of functional limits (a client's, an advice's, a role's demands), as the list it holds. */
export function functionalLimitsOf(json: string): WorkLimits["functionalLimits"] {
  return parseJsonColumn(functionalLimitColumn, json);
}

/** The client row's part of capacity: what the consultant assessed and recorded. */
export type CapacitySource = Pick<
  ClientRow,
  "id" | "capacity_hours_per_week" | "capacity_hours_per_day" | "capacity_days_per_week" | "functional_limits"
>;

/** Within a week, a client can work no more than their days times their hours a day. */
function weekOfDays(limits: WorkLimits): number | null {
  return limits.hoursPerDay !== null && limits.daysPerWeek !== null ? limits.hoursPerDay * limits.daysPerWeek : null;
}

/**
 * What each client can be asked: the strictest of the consultant's assessment and the latest physician's advice
 * (hours a week, hours a day, days a week, functional limits; a week is never more than its days times its hours a
 * day), lowered by an exemption in force. A full exemption makes it nothing; a partial one caps it at its maximum hours.
 */
export async function capacitiesOf(
  db: Kysely<Database>,
  clients: readonly CapacitySource[],
  today: string,
): Promise<Map<string, Capacity>> {
  const ids = clients.map((c) => c.id);
  const advice = new Map((await inChunks(ids, (chunk) => latestMedicalLimitsOf(db, chunk, today))).map((a) => [a.client_id, a]));
  const combined = new Map(
    clients.map((client) => {
      const own: Partial<WorkLimits> & { hoursPerWeek: number | null } = {
        hoursPerWeek: client.capacity_hours_per_week,
        hoursPerDay: client.capacity_hours_per_day,
        daysPerWeek: client.capacity_days_per_week,
        functionalLimits: functionalLimitsOf(client.functional_limits),
      };
      const a = advice.get(client.id);
      if (!a) return [client.id, { ...strictestLimits([own]), hoursPerWeek: own.hoursPerWeek }];
      const advised = {
        hoursPerDay: a.hours_per_day ?? null,
        daysPerWeek: a.days_per_week ?? null,
        functionalLimits: functionalLimitsOf(a.functional_limits ?? "[]"),
      };
      const advisedWeek = a.hours_per_week ?? null;
      // Hours a week are assessed first: advice alone does not make a client assessed.
      const hoursPerWeek = own.hoursPerWeek === null || advisedWeek === null ? own.hoursPerWeek : Math.min(own.hoursPerWeek, advisedWeek);
      return [client.id, { ...strictestLimits([own, advised]), hoursPerWeek }];
    }),
  );
  const byExemption = await exemptionCapacitiesOf(
    db,
    clients.map((c) => ({ id: c.id, capacity_hours_per_week: combined.get(c.id)?.hoursPerWeek ?? null })),
    today,
  );
  return new Map(
    clients.map((client): [string, Capacity] => {
      const { hoursPerWeek: _week, ...limits } = combined.get(client.id) ?? { hoursPerWeek: null, ...strictestLimits([]) };
      const base = byExemption.get(client.id) ?? { hoursPerWeek: null, assessedHoursPerWeek: null, exemption: null };
      const days = weekOfDays(limits);
      const hoursPerWeek = base.hoursPerWeek === null || days === null ? base.hoursPerWeek : Math.min(base.hoursPerWeek, days);
      return [client.id, { ...base, hoursPerWeek, assessedHoursPerWeek: client.capacity_hours_per_week, limits }];
    }),
  );
}

/** The assessed hours a week of each client, lowered by an exemption in force. */
async function exemptionCapacitiesOf(
  db: Kysely<Database>,
  clients: readonly Pick<ClientRow, "id" | "capacity_hours_per_week">[],
  today: string,
): Promise<Map<string, Omit<Capacity, "limits">>> {
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
    clients.map((client): [string, Omit<Capacity, "limits">] => {
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

/** What a role asks beyond its hours a week, as the rules read it. */
export function workOfRole(role: {
  hours_per_week: number;
  longest_day_hours?: number | undefined;
  days_per_week?: number | undefined;
  demands?: string | undefined;
}): WorkDemands {
  return {
    longestDayHours: role.longest_day_hours ?? role.hours_per_week,
    daysPerWeek: role.days_per_week ?? 1,
    demands: functionalLimitsOf(role.demands ?? "[]"),
  };
}

/** The fields of a referral or agreement a role's limits refusal names: the role carries its day, days and demands. */
export const ROLE_WORK_FIELDS: WorkFields = { longestDay: "roleId", days: "roleId", demands: "roleId" };

/**
 * Work fits what the client can bear beyond hours a week: its longest day, its days and its demands against the
 * strictest of the assessment and the latest physician's advice (`aboveDailyLimit`, `aboveDaysLimit`, `functionalLimit`).
 */
export async function assertWorkFitsClient(
  db: Kysely<Database>,
  client: ClientRow,
  work: WorkDemands,
  today: string,
  fields: WorkFields,
): Promise<void> {
  assertWorkFitsLimits((await capacityOf(db, client, today)).limits, work, fields);
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
