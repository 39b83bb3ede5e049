import { randomUUID } from "node:crypto";
import type { Database } from "@server/db/schema.js";
import { addMonths } from "@shared/dates.js";
import { type Kysely, sql } from "kysely";
import type { StatePensionAge } from "../clients/clients.rules.js";

/** The state pension age table, oldest birth dates first (the row without a start first). */
export async function listStatePensionAges(db: Kysely<Database>): Promise<StatePensionAge[]> {
  const rows = await db.selectFrom("state_pension_ages").selectAll().execute();
  return rows
    .map((row) => ({ bornFrom: row.born_from, bornUntil: row.born_until, years: Number(row.years), months: Number(row.months) }))
    .sort((a, b) => (a.bornFrom ?? "").localeCompare(b.bornFrom ?? ""));
}

/** When the table was last changed and by whom (the latest row's stamp). */
export function lastPensionAgeChange(db: Kysely<Database>) {
  return db.selectFrom("state_pension_ages").select(["updated_at", "updated_by"]).orderBy("updated_at", "desc").executeTakeFirst();
}

/** Replaces the whole table with new rows, in the caller's transaction. */
export async function replaceStatePensionAges(
  trx: Kysely<Database>,
  rows: readonly StatePensionAge[],
  updatedBy: string,
  now: string,
): Promise<void> {
  await trx.deleteFrom("state_pension_ages").execute();
  await trx
    .insertInto("state_pension_ages")
    .values(
      rows.map((row) => ({
        id: randomUUID(),
        born_from: row.bornFrom,
        born_until: row.bornUntil,
        years: row.years,
        months: row.months,
        updated_by: updatedBy,
        updated_at: now,
      })),
    )
    .execute();
}

/**
 * The ids of clients who have reached the state pension age on `today`, as a subquery: for each row of the table,
 * born within its dates and on or before the last birth date that has reached its age by today.
 */
export function clientIdsAtStatePensionAge(db: Kysely<Database>, today: string, table: readonly StatePensionAge[]) {
  return db
    .selectFrom("clients")
    .select("clients.id")
    .where((eb) =>
      table.length === 0
        ? sql<boolean>`1 = 0`
        : eb.or(
            table.map((row) => {
              const reachedBy = addMonths(today, -(row.years * 12 + row.months));
              const latest = row.bornUntil !== null && row.bornUntil < reachedBy ? row.bornUntil : reachedBy;
              return eb.and([
                ...(row.bornFrom !== null ? [eb("clients.birth_date", ">=", row.bornFrom)] : []),
                eb("clients.birth_date", "<=", latest),
              ]);
            }),
          ),
    );
}
