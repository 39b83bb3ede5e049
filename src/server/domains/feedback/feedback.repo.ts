import type { Database, PlacementFeedbackRow } from "@server/db/schema.js";
import type { Kysely } from "kysely";

/** Stores a client's rating of a placement (one a placement: a unique index). */
export async function insertFeedback(db: Kysely<Database>, row: PlacementFeedbackRow): Promise<void> {
  await db.insertInto("placement_feedback").values(row).execute();
}

/** How many clients gave each rating to an organisation's placements; counts only, never a name or a text. */
export async function ratingCountsOf(db: Kysely<Database>, organisationId: string): Promise<{ rating: number; count: number }[]> {
  const rows = await db
    .selectFrom("placement_feedback")
    .select(["rating", (eb) => eb.fn.countAll<number>().as("count")])
    .where("organisation_id", "=", organisationId)
    .groupBy("rating")
    .orderBy("rating")
    .execute();
  return rows.map((r) => ({ rating: Number(r.rating), count: Number(r.count) }));
}
