import type { Database, PlacementExpensesTable, VolunteerAllowanceLimitsTable } from "@server/db/schema.js";
import type { Kysely } from "kysely";

/** A placement's expense allowances, newest month first. */
export function listExpensesOfPlacement(db: Kysely<Database>, placementId: string) {
  return db
    .selectFrom("placement_expenses")
    .selectAll()
    .where("placement_id", "=", placementId)
    .orderBy("period", "desc")
    .orderBy("created_at", "desc")
    .execute();
}

/** What a volunteer received, over all their placements, in one month and in that month's year, in cents. */
export async function allowanceTotalsOf(db: Kysely<Database>, clientId: string, period: string) {
  const rows = await db
    .selectFrom("placement_expenses")
    .select(["period", "amount_cents"])
    .where("client_id", "=", clientId)
    .where("period", "like", `${period.slice(0, 4)}-%`)
    .execute();
  return {
    monthCents: rows.filter((r) => r.period === period).reduce((sum, r) => sum + Number(r.amount_cents), 0),
    yearCents: rows.reduce((sum, r) => sum + Number(r.amount_cents), 0),
  };
}

export async function insertExpense(db: Kysely<Database>, row: PlacementExpensesTable): Promise<void> {
  await db.insertInto("placement_expenses").values(row).execute();
}

/** One allowance of a placement. */
export function findExpense(db: Kysely<Database>, placementId: string, expenseId: string) {
  return db
    .selectFrom("placement_expenses")
    .selectAll()
    .where("id", "=", expenseId)
    .where("placement_id", "=", placementId)
    .executeTakeFirst();
}

/** Records an allowance as paid, only while it was not; false when it was paid meanwhile. */
export async function markExpensePaid(db: Kysely<Database>, expenseId: string, paidOn: string, updatedAt: string): Promise<boolean> {
  const result = await db
    .updateTable("placement_expenses")
    .set({ paid_on: paidOn, updated_at: updatedAt })
    .where("id", "=", expenseId)
    .where("paid_on", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The limits of one year, if the table has them. */
export function allowanceLimitsOf(db: Kysely<Database>, year: number) {
  return db.selectFrom("volunteer_allowance_limits").selectAll().where("year", "=", year).executeTakeFirst();
}

/** Every year's limits, latest year first. */
export function listAllowanceLimits(db: Kysely<Database>) {
  return db.selectFrom("volunteer_allowance_limits").selectAll().orderBy("year", "desc").execute();
}

/** Sets the limits of a year: a new year is added, a known year's amounts are replaced. */
export async function upsertAllowanceLimits(db: Kysely<Database>, row: VolunteerAllowanceLimitsTable): Promise<void> {
  await db
    .insertInto("volunteer_allowance_limits")
    .values(row)
    .onConflict((oc) =>
      oc.column("year").doUpdateSet({
        hourly_cents: row.hourly_cents,
        monthly_cents: row.monthly_cents,
        yearly_cents: row.yearly_cents,
        source: row.source,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/**
 * Removes the allowances of the years before `firstKeptYear`: the fiscal duty to keep them (seven years) has passed.
 * Answers how many went.
 */
export async function deleteExpensesBefore(db: Kysely<Database>, firstKeptYear: number): Promise<number> {
  const result = await db.deleteFrom("placement_expenses").where("period", "<", `${firstKeptYear}-01`).executeTakeFirst();
  return Number(result.numDeletedRows);
}
