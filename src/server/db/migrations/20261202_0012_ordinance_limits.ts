import type { Kysely } from "kysely";

/**
 * Three limits of the ordinance, each with the value every earlier version is read with:
 * - `max_facts_age_days`: a sanction rests on recent conduct; older facts are no ground (default 90 days);
 * - `self_declared_max_hours`: a role that asks more hours a week than this is not approved on the host's own
 *   answers alone, a reviewer decides (default 8);
 * - `max_duration_months`: a tegenprestatie is limited in duration (Participatiewet art. 9 lid 1 sub c); no plan
 *   step or placement agreement runs longer than this (default 12 months).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("ordinance_versions")
    .addColumn("max_facts_age_days", "integer", (c) => c.notNull().defaultTo(90))
    .execute();
  await db.schema
    .alterTable("ordinance_versions")
    .addColumn("self_declared_max_hours", "real", (c) => c.notNull().defaultTo(8))
    .execute();
  await db.schema
    .alterTable("ordinance_versions")
    .addColumn("max_duration_months", "integer", (c) => c.notNull().defaultTo(12))
    .execute();
}
