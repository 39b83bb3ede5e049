import type { Database, ResearchExportsTable } from "@server/db/schema.js";
import type { Kysely, Updateable } from "kysely";
import type { ExportFacts } from "./research-export.build.js";

/** Sanction outcomes that reduced the benefit. */
const IMPOSED = ["imposed", "imposedLower"];

/**
 * What the research export reads of every client in the city for a period: no name, BSN, address, contact detail
 * or free text is selected. A system read (researchers see no client records; the export releases only what
 * passes k-anonymity).
 */
export async function systemLoadExportFacts(db: Kysely<Database>, from: string, to: string): Promise<ExportFacts> {
  const monthStart = `${from.slice(0, 7)}-01`;
  const clients = await db
    .selectFrom("clients")
    .select(["id", "birth_date", "district", "benefit_start_date", "household_situation"])
    .where("benefit_start_date", "<=", to)
    .execute();
  const ladder = await db
    .selectFrom("ladder_assessments")
    .select(["client_id", "rung", "assessed_on"])
    .where("assessed_on", "<=", to)
    .execute();
  const checkIns = await db
    .selectFrom("check_ins")
    .select(["client_id", "who5_raw", "held_on"])
    .where("held_on", ">=", monthStart)
    .where("held_on", "<=", to)
    .execute();
  const placements = await db
    .selectFrom("placements")
    .select(["client_id", "started_on", "ended_on", "end_reason", "hours_per_week"])
    .where("started_on", "is not", null)
    .where("started_on", "<=", to)
    .where((eb) => eb.or([eb("ended_on", "is", null), eb("ended_on", ">=", monthStart)]))
    .execute();
  // The steps of each client's plan in force; a placement step is counted from the placement itself.
  const steps = await db
    .selectFrom("plan_steps")
    .innerJoin("plans", "plans.id", "plan_steps.plan_id")
    .select(["plan_steps.client_id", "plan_steps.type", "plan_steps.hours_per_week", "plan_steps.start_date", "plan_steps.end_date"])
    .select(["plan_steps.status", "plan_steps.updated_at"])
    .where("plans.status", "=", "confirmed")
    .where("plan_steps.type", "!=", "volunteerPlacement")
    .where("plan_steps.start_date", "<=", to)
    .execute();
  const exemptions = await db
    .selectFrom("exemptions")
    .select(["client_id", "start_date", "end_date", "ended_on"])
    .where("status", "in", ["active", "ended"])
    .where("covers_tegenprestatie", "=", 1)
    .where("start_date", "<=", to)
    .execute();
  const sanctions = await db
    .selectFrom("sanctions")
    .select(["client_id", "decided_at"])
    .where("outcome", "in", IMPOSED)
    .where("revoked", "=", 0)
    .where("decided_at", "is not", null)
    .execute();
  return {
    clients: clients.map((c) => ({
      id: c.id,
      birthDate: c.birth_date,
      district: c.district,
      benefitStartDate: c.benefit_start_date,
      household: c.household_situation,
    })),
    ladder: ladder.map((a) => ({ clientId: a.client_id, rung: a.rung, on: a.assessed_on })),
    checkIns: checkIns.map((c) => ({ clientId: c.client_id, who5Raw: c.who5_raw, on: c.held_on })),
    placements: placements.map((p) => ({
      clientId: p.client_id,
      startedOn: p.started_on as string,
      endedOn: p.ended_on,
      endReason: p.end_reason,
      hours: p.hours_per_week,
    })),
    steps: steps.map((s) => ({
      clientId: s.client_id,
      type: s.type,
      hours: s.hours_per_week,
      startDate: s.start_date,
      // A step stopped or completed without an end date ran until it was changed.
      endDate: s.end_date ?? (s.status === "stopped" || s.status === "completed" ? s.updated_at.slice(0, 10) : null),
    })),
    exemptions: exemptions.map((e) => ({ clientId: e.client_id, startDate: e.start_date, endDate: e.ended_on ?? e.end_date })),
    sanctions: sanctions.flatMap((s) => (s.decided_at ? [{ clientId: s.client_id, decidedOn: s.decided_at.slice(0, 10) }] : [])),
  };
}

/** Stores a new export job. */
export async function insertResearchExport(db: Kysely<Database>, row: ResearchExportsTable): Promise<void> {
  await db.insertInto("research_exports").values(row).execute();
}

/** Updates an export still in progress; false when it is no longer (finished, or cut off as stale). */
export async function updateResearchExportInProgress(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<Database["research_exports"]>,
): Promise<boolean> {
  const result = await db
    .updateTable("research_exports")
    .set(changes)
    .where("id", "=", id)
    .where("status", "in", ["queued", "running"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Fails the exports still in progress that were started before `before` (their instance stopped). */
export async function failResearchExportsStartedBefore(db: Kysely<Database>, before: string, error: string, now: string): Promise<void> {
  await db
    .updateTable("research_exports")
    .set({ status: "failed", error, finished_at: now })
    .where("status", "in", ["queued", "running"])
    .where("created_at", "<", before)
    .execute();
}

/** The columns of an export without its file. */
export type ResearchExportRow = Omit<ResearchExportsTable, "csv_gzip">;

/** One export of the requester, without its file; undefined when absent or someone else's. */
export async function findOwnResearchExport(db: Kysely<Database>, requesterId: string, id: string): Promise<ResearchExportRow | undefined> {
  return db
    .selectFrom("research_exports")
    .select(["id", "requested_by", "period_from", "period_to", "status", "progress", "summary", "error", "created_at", "finished_at"])
    .where("id", "=", id)
    .where("requested_by", "=", requesterId)
    .executeTakeFirst();
}

/** The gzipped file of one finished export of the requester. */
export async function findOwnResearchExportFile(
  db: Kysely<Database>,
  requesterId: string,
  id: string,
): Promise<{ csv_gzip: Buffer | null; period_from: string; period_to: string; summary: string | null } | undefined> {
  return db
    .selectFrom("research_exports")
    .select(["csv_gzip", "period_from", "period_to", "summary"])
    .where("id", "=", id)
    .where("requested_by", "=", requesterId)
    .where("status", "=", "done")
    .executeTakeFirst();
}
