import { isPostgres } from "@server/db/dialect.js";
import type { Database } from "@server/db/schema.js";
import { type Kysely, type RawBuilder, sql } from "kysely";

/** A `YYYY-MM-DD` column moved `months` calendar months on, as text, in either database's own date arithmetic. */
function plusMonths(db: Kysely<Database>, column: string, months: number): RawBuilder<string> {
  return isPostgres(db)
    ? sql<string>`to_char(cast(${sql.ref(column)} as date) + ${sql.raw(`interval '${Math.trunc(months)} months'`)}, 'YYYY-MM-DD')`
    : sql<string>`date(${sql.ref(column)}, ${sql.lit(`+${Math.trunc(months)} months`)})`;
}

/**
 * Per consultant, the clients' placements that started at least three months ago (`started`) and those of them that
 * lasted three months or longer (`lasted`: still running, or ended three months or more after the start).
 */
export async function lastingPlacements(db: Kysely<Database>, consultantIds: string[], threeMonthsAgo: string) {
  if (consultantIds.length === 0) return [];
  const rows = await db
    .selectFrom("placements")
    .innerJoin("clients", "clients.id", "placements.client_id")
    .select((eb) => [
      "clients.consultant_id as consultantId",
      eb.fn.countAll<number>().as("started"),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.or([eb("placements.ended_on", "is", null), eb("placements.ended_on", ">=", plusMonths(db, "placements.started_on", 3))]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as("lasted"),
    ])
    .where("clients.consultant_id", "in", consultantIds)
    .where("placements.started_on", "is not", null)
    .where("placements.started_on", "<=", threeMonthsAgo)
    .groupBy("clients.consultant_id")
    .execute();
  return rows.map((row) => ({ consultantId: row.consultantId, started: Number(row.started), lasted: Number(row.lasted ?? 0) }));
}

/** Per consultant and attribution, the clients' placements that ended on or after `since` (undetermined as null). */
export async function endingsByAttribution(db: Kysely<Database>, consultantIds: string[], since: string) {
  if (consultantIds.length === 0) return [];
  const rows = await db
    .selectFrom("placements")
    .innerJoin("clients", "clients.id", "placements.client_id")
    .select((eb) => [
      "clients.consultant_id as consultantId",
      "placements.attributable_to as attribution",
      eb.fn.countAll<number>().as("n"),
    ])
    .where("clients.consultant_id", "in", consultantIds)
    .where("placements.ended_on", "is not", null)
    .where("placements.ended_on", ">=", since)
    .groupBy(["clients.consultant_id", "placements.attributable_to"])
    .execute();
  return rows.map((row) => ({ consultantId: row.consultantId, attribution: row.attribution, count: Number(row.n) }));
}

/**
 * Per consultant, the clients' mean WHO-5 raw score (0–25) over check-ins held in the last period (`from` up to
 * `today`) and the period before it (`before` up to `from`), with how many check-ins each mean rests on.
 */
export async function who5Means(db: Kysely<Database>, consultantIds: string[], periods: { before: string; from: string; today: string }) {
  if (consultantIds.length === 0) return [];
  const rows = await db
    .selectFrom("check_ins")
    .innerJoin("clients", "clients.id", "check_ins.client_id")
    .select((eb) => [
      "clients.consultant_id as consultantId",
      eb.case().when("check_ins.held_on", ">=", periods.from).then("recent").else("earlier").end().as("period"),
      eb.fn.avg<number>("check_ins.who5_raw").as("mean"),
      eb.fn.countAll<number>().as("n"),
    ])
    .where("clients.consultant_id", "in", consultantIds)
    .where("check_ins.held_on", ">=", periods.before)
    .where("check_ins.held_on", "<=", periods.today)
    // By position: the period's CASE holds parameters, which PostgreSQL would not match with a repeated expression.
    .groupBy(["clients.consultant_id", sql`2`])
    .execute();
  return rows.map((row) => ({
    consultantId: row.consultantId,
    period: row.period as "recent" | "earlier",
    mean: Number(row.mean),
    count: Number(row.n),
  }));
}

/** Per consultant, the clients' objections without an outcome (open, and of those past their decide-by date). */
export async function openObjections(db: Kysely<Database>, consultantIds: string[], today: string) {
  if (consultantIds.length === 0) return [];
  const rows = await db
    .selectFrom("objections")
    .innerJoin("clients", "clients.id", "objections.client_id")
    .select((eb) => [
      "clients.consultant_id as consultantId",
      eb.fn.countAll<number>().as("open"),
      eb.fn.sum<number>(eb.case().when("objections.decide_by", "<", today).then(1).else(0).end()).as("overdue"),
    ])
    .where("clients.consultant_id", "in", consultantIds)
    .where("objections.outcome", "is", null)
    .groupBy("clients.consultant_id")
    .execute();
  return rows.map((row) => ({ consultantId: row.consultantId, open: Number(row.open), overdue: Number(row.overdue ?? 0) }));
}

/** Per consultant, the clients' sanctions proposed and waiting for the hearing or the second person's decision. */
export async function pendingSanctions(db: Kysely<Database>, consultantIds: string[]) {
  if (consultantIds.length === 0) return [];
  const rows = await db
    .selectFrom("sanctions")
    .innerJoin("clients", "clients.id", "sanctions.client_id")
    .select((eb) => ["clients.consultant_id as consultantId", eb.fn.countAll<number>().as("n")])
    .where("clients.consultant_id", "in", consultantIds)
    .where("sanctions.status", "=", "proposed")
    .groupBy("clients.consultant_id")
    .execute();
  return rows.map((row) => ({ consultantId: row.consultantId, count: Number(row.n) }));
}
