import type { Actor } from "@server/auth/actor.js";
import type { Database, MatchPlansTable, MatchProposalsTable } from "@server/db/schema.js";
import type { MatchPlanStatus, ProposalStatus } from "@shared/schemas/matching.js";
import type { Kysely } from "kysely";
import { visibleClients } from "../clients/clients.repo.js";
import { OPEN_PLACEMENT_STATUSES } from "../vocabulary.js";

/** Plan statuses of a plan still being made: while one exists, no other plan starts. */
export const PLAN_IN_PROGRESS: readonly MatchPlanStatus[] = ["queued", "running"];

/** The clients a plan considers (of one district, or the whole city): no referral or placement, no active contribution. */
export function systemEligibleClients(db: Kysely<Database>, district: string | null) {
  let query = db
    .selectFrom("clients")
    .select([
      "id",
      "district",
      "postcode",
      "guidance_need",
      "education_level",
      "capacity_hours_per_week",
      "capacity_hours_per_day",
      "capacity_days_per_week",
      "functional_limits",
    ])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("placements")
            .select("id")
            .whereRef("placements.client_id", "=", "clients.id")
            .where("placements.status", "in", [...OPEN_PLACEMENT_STATUSES]),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("contributions")
            .select("id")
            .whereRef("contributions.client_id", "=", "clients.id")
            .where("contributions.status", "=", "active"),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("caregiving")
            .select("id")
            .whereRef("caregiving.client_id", "=", "clients.id")
            .where("caregiving.status", "=", "active")
            .where("caregiving.beyond_customary_care", "=", 1),
        ),
      ),
    );
  if (district) query = query.where("district", "=", district);
  return query.orderBy("id").execute();
}

/** Marks plans still queued or running that were created before `before` as failed with `error`. */
export async function failPlansStartedBefore(db: Kysely<Database>, before: string, error: string, now: string): Promise<void> {
  await db
    .updateTable("match_plans")
    .set({ status: "failed", error, finished_at: now })
    .where("status", "in", PLAN_IN_PROGRESS)
    .where("created_at", "<", before)
    .execute();
}

/** The plan being made now, if any. */
export async function findPlanInProgress(db: Kysely<Database>): Promise<{ id: string } | undefined> {
  return db.selectFrom("match_plans").select("id").where("status", "in", PLAN_IN_PROGRESS).executeTakeFirst();
}

/** How many plans are queued or running (across every instance on this database). */
export async function countPlansInProgress(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("match_plans")
    .select((eb) => eb.fn.countAll().as("count"))
    .where("status", "in", PLAN_IN_PROGRESS)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Stores a new plan. */
export async function insertPlan(db: Kysely<Database>, row: MatchPlansTable): Promise<void> {
  await db.insertInto("match_plans").values(row).execute();
}

/** One plan, or undefined. */
export async function findPlan(db: Kysely<Database>, id: string): Promise<MatchPlansTable | undefined> {
  return db.selectFrom("match_plans").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The last plans, newest first. */
export async function listRecentPlans(db: Kysely<Database>, limit: number): Promise<MatchPlansTable[]> {
  return db.selectFrom("match_plans").selectAll().orderBy("created_at", "desc").limit(limit).execute();
}

/**
 * Changes the status, progress, result or error of a plan still in progress; false when it is not (done, or failed,
 * e.g. cut off as stale by another instance), which then stays as it is.
 */
export async function updatePlan(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Pick<MatchPlansTable, "status" | "progress" | "summary" | "error" | "finished_at">>,
): Promise<boolean> {
  const result = await db
    .updateTable("match_plans")
    .set(changes)
    .where("id", "=", id)
    .where("status", "in", PLAN_IN_PROGRESS)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Stores a plan's proposals, in batches the databases' parameter limits allow. */
export async function insertProposals(db: Kysely<Database>, rows: MatchProposalsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto("match_proposals")
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** Per plan, how many of its proposals for clients in the actor's scope have each status. */
export async function countVisibleProposals(db: Kysely<Database>, actor: Actor, planIds: string[]) {
  if (planIds.length === 0) return [];
  const rows = await db
    .selectFrom("match_proposals")
    .select(["plan_id", "status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("plan_id", "in", planIds)
    .where("client_id", "in", visibleClients(db, actor).select("clients.id"))
    .groupBy(["plan_id", "status"])
    .execute();
  return rows.map((row) => ({ planId: row.plan_id, status: row.status, count: Number(row.n) }));
}

/** Display names of accounts by id. */
export async function displayNames(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "display_name"]).where("id", "in", ids).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

/** The proposals of clients in the actor's scope, with the names a reviewer reads. */
export function visibleProposals(db: Kysely<Database>, actor: Actor) {
  return db
    .selectFrom("match_proposals")
    .innerJoin("clients", "clients.id", "match_proposals.client_id")
    .innerJoin("volunteer_roles", "volunteer_roles.id", "match_proposals.role_id")
    .innerJoin("organisations", "organisations.id", "volunteer_roles.organisation_id")
    .leftJoin("users as consultants", "consultants.id", "clients.consultant_id")
    .selectAll("match_proposals")
    .select([
      "clients.given_name",
      "clients.family_name",
      "clients.district",
      "clients.consultant_id",
      "consultants.display_name as consultant_name",
      "volunteer_roles.title as role_title",
      "organisations.name as organisation_name",
    ])
    .where("match_proposals.client_id", "in", visibleClients(db, actor).select("clients.id"));
}

export type ProposalWithNames = Awaited<ReturnType<ReturnType<typeof visibleProposals>["executeTakeFirstOrThrow"]>>;

/** One proposal in the actor's scope, or undefined. */
export async function findVisibleProposal(db: Kysely<Database>, actor: Actor, id: string): Promise<ProposalWithNames | undefined> {
  return visibleProposals(db, actor).where("match_proposals.id", "=", id).executeTakeFirst();
}

export interface ProposalFilters {
  status?: ProposalStatus | undefined;
  district?: string | undefined;
  consultantId?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * A page of a plan's proposals in the actor's scope, grouped by the clients' consultant (by name, those without one
 * last), then by district and family name, with the total.
 */
export async function listVisibleProposals(db: Kysely<Database>, actor: Actor, planId: string, filters: ProposalFilters) {
  let query = visibleProposals(db, actor).where("match_proposals.plan_id", "=", planId);
  if (filters.status) query = query.where("match_proposals.status", "=", filters.status);
  if (filters.district) query = query.where("clients.district", "=", filters.district);
  if (filters.consultantId) query = query.where("clients.consultant_id", "=", filters.consultantId);
  const { total } = await db
    .selectFrom(query.as("p"))
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy((eb) => eb.case().when("consultants.display_name", "is", null).then(1).else(0).end())
    .orderBy("consultants.display_name")
    .orderBy("clients.consultant_id")
    .orderBy("clients.district")
    .orderBy("clients.family_name")
    .orderBy("match_proposals.id")
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

/**
 * Per consultant of the clients, how many of a plan's proposals in the actor's scope have each status (one grouped
 * query; the district filter applies, the status and consultant filters do not, so every group stays listed).
 */
export async function countProposalsByConsultant(db: Kysely<Database>, actor: Actor, planId: string, district?: string) {
  let query = db
    .selectFrom("match_proposals")
    .innerJoin("clients", "clients.id", "match_proposals.client_id")
    .leftJoin("users", "users.id", "clients.consultant_id")
    .select(["clients.consultant_id", "users.display_name", "match_proposals.status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("match_proposals.plan_id", "=", planId)
    .where("match_proposals.client_id", "in", visibleClients(db, actor).select("clients.id"));
  if (district) query = query.where("clients.district", "=", district);
  const rows = await query
    .groupBy(["clients.consultant_id", "users.display_name", "match_proposals.status"])
    .orderBy((eb) => eb.case().when("users.display_name", "is", null).then(1).else(0).end())
    .orderBy("users.display_name")
    .orderBy("clients.consultant_id")
    .execute();
  return rows.map((row) => ({
    consultantId: row.consultant_id,
    consultantName: row.display_name,
    status: row.status,
    count: Number(row.n),
  }));
}

/** Claims a pending proposal for a decision; false when someone decided it first. */
export async function claimPendingProposal(
  db: Kysely<Database>,
  id: string,
  decision: Pick<MatchProposalsTable, "status" | "reject_reason" | "reject_reason_code" | "decided_by" | "decided_at">,
): Promise<boolean> {
  const result = await db
    .updateTable("match_proposals")
    .set(decision)
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records the placement a followed proposal became. */
export async function setProposalPlacement(db: Kysely<Database>, id: string, placementId: string): Promise<void> {
  await db.updateTable("match_proposals").set({ placement_id: placementId }).where("id", "=", id).execute();
}

/**
 * Puts the proposal that became this placement back to pending, as if it had not been followed (the placement was
 * undone before it reached the host); the proposal's id, or undefined when the placement came from no proposal.
 */
export async function reopenProposalOfPlacement(db: Kysely<Database>, placementId: string): Promise<string | undefined> {
  const proposal = await db.selectFrom("match_proposals").select("id").where("placement_id", "=", placementId).executeTakeFirst();
  if (!proposal) return undefined;
  await db
    .updateTable("match_proposals")
    .set({ status: "pending", placement_id: null, decided_by: null, decided_at: null, reject_reason: null, reject_reason_code: null })
    .where("id", "=", proposal.id)
    .execute();
  return proposal.id;
}
