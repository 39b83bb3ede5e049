import type { Database } from "@server/db/schema.js";
import { ACTIVE_STEP_STATUSES } from "@shared/schemas/plans.js";
import type { Kysely } from "kysely";
import { EXEMPTION_IN_FORCE_STATUS, OPEN_PLACEMENT_STATUSES } from "../vocabulary.js";

/** Hours a week of one client's commitment. */
export interface ClientHours {
  client_id: string;
  hours_per_week: number;
}

/** The clients' placements that count against capacity, except one placement if given. */
export function openPlacementHours(db: Kysely<Database>, clientIds: readonly string[], exceptPlacementId?: string): Promise<ClientHours[]> {
  let query = db
    .selectFrom("placements")
    .select(["client_id", "hours_per_week"])
    .where("client_id", "in", clientIds)
    .where("status", "in", [...OPEN_PLACEMENT_STATUSES]);
  if (exceptPlacementId) query = query.where("id", "!=", exceptPlacementId);
  return query.execute();
}

/** The clients' active formalised contributions (e.g. volunteer work they already do). */
export function activeContributionHours(db: Kysely<Database>, clientIds: readonly string[]): Promise<ClientHours[]> {
  return db
    .selectFrom("contributions")
    .select(["client_id", "hours_per_week"])
    .where("client_id", "in", clientIds)
    .where("status", "=", "active")
    .execute();
}

/** The clients' active caregiving beyond customary care. */
export function caregivingBeyondCustomaryHours(db: Kysely<Database>, clientIds: readonly string[]): Promise<ClientHours[]> {
  return db
    .selectFrom("caregiving")
    .select(["client_id", "hours_per_week"])
    .where("client_id", "in", clientIds)
    .where("status", "=", "active")
    .where("beyond_customary_care", "=", 1)
    .execute();
}

/** The clients' draft and confirmed plans. */
export function openPlansOf(db: Kysely<Database>, clientIds: readonly string[]) {
  return db
    .selectFrom("plans")
    .select(["id", "client_id", "status"])
    .where("client_id", "in", clientIds)
    .where("status", "in", ["draft", "confirmed"])
    .execute();
}

/** The planned and active steps of the plans. */
export function activeStepHours(db: Kysely<Database>, planIds: readonly string[]) {
  return db
    .selectFrom("plan_steps")
    .select(["plan_id", "hours_per_week"])
    .where("plan_id", "in", planIds)
    .where("status", "in", [...ACTIVE_STEP_STATUSES])
    .execute();
}

/**
 * Exemptions from the tegenprestatie that bind on a date: decided (and co-signed where needed) and within their
 * dates. One from the work obligations alone (a single parent's, art. 9a) does not lower what may be asked here.
 */
export function exemptionsInForce(db: Kysely<Database>, date: string) {
  return db
    .selectFrom("exemptions")
    .where("exemptions.status", "=", EXEMPTION_IN_FORCE_STATUS)
    .where("exemptions.covers_tegenprestatie", "=", 1)
    .where("exemptions.start_date", "<=", date)
    .where((eb) => eb.or([eb("exemptions.end_date", "is", null), eb("exemptions.end_date", ">=", date)]));
}

/**
 * The limits of each client's latest physician's advice up to a date (the latest advice replaces earlier ones), in
 * functional terms only: never the conclusion's words or the advisor.
 */
export async function latestMedicalLimitsOf(db: Kysely<Database>, clientIds: readonly string[], date: string) {
  const rows = await db
    .selectFrom("medical_advice")
    .select(["client_id", "advised_on", "created_at", "hours_per_week", "hours_per_day", "days_per_week", "functional_limits"])
    .where("client_id", "in", clientIds)
    .where("advised_on", "<=", date)
    .orderBy("advised_on")
    .orderBy("created_at")
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) latest.set(row.client_id, row);
  return [...latest.values()];
}

/** The exemptions of the clients in force on a date, with what they limit. */
export function exemptionLimitsOf(db: Kysely<Database>, clientIds: readonly string[], date: string) {
  return exemptionsInForce(db, date)
    .select(["id", "client_id", "scope", "max_hours_per_week"])
    .where("client_id", "in", clientIds)
    .execute();
}
