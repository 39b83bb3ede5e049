import type { Actor } from "@server/auth/actor.js";
import type { Database, OrganisationSupportTable } from "@server/db/schema.js";
import { type Kysely, sql } from "kysely";
import { visiblePlacements } from "../placements/placements.repo.js";

/** The guidance the municipality bought for an organisation, latest period first. */
export function listSupportOf(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom("organisation_support")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .orderBy("starts_on", "desc")
    .orderBy("created_at", "desc")
    .execute();
}

export async function insertSupport(db: Kysely<Database>, row: OrganisationSupportTable): Promise<void> {
  await db.insertInto("organisation_support").values(row).execute();
}

/**
 * Per organisation of the placements the actor may see: how many started, how their endings were attributed, and
 * how clients rated them (counts and an average, never a name or words).
 */
export function outcomesPerOrganisation(db: Kysely<Database>, actor: Actor) {
  const count = (condition: ReturnType<typeof sql<boolean>>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;
  return db
    .selectFrom(visiblePlacements(db, actor).as("p"))
    .select([
      "p.organisation_id",
      "p.organisation_name",
      count(sql<boolean>`p.started_on is not null`).as("started"),
      count(sql<boolean>`p.status = 'ended' and p.attributable_to = 'client'`).as("by_client"),
      count(sql<boolean>`p.status = 'ended' and p.attributable_to = 'organisation'`).as("by_organisation"),
      count(sql<boolean>`p.status = 'ended' and p.attributable_to = 'health'`).as("by_health"),
      count(sql<boolean>`p.status = 'ended' and p.attributable_to = 'caregiving'`).as("by_caregiving"),
      count(sql<boolean>`p.status = 'ended' and p.attributable_to = 'none'`).as("by_none"),
      count(sql<boolean>`p.status = 'ended' and p.attributable_to = 'undetermined'`).as("undetermined"),
      count(sql<boolean>`p.feedback_rating is not null`).as("feedback_count"),
      count(sql<boolean>`p.feedback_rating <= 2`).as("low_ratings"),
      sql<number | null>`sum(p.feedback_rating)`.as("rating_sum"),
    ])
    .groupBy(["p.organisation_id", "p.organisation_name"])
    .orderBy("p.organisation_name")
    .execute();
}
