import type { Kysely } from "kysely";

/**
 * A buddy's own agreement can be ended, by the buddy or the consultant, without a reason: who ended it (the side, and
 * the user) is kept beside the day, as for a pairing. Agreements made before have neither.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("buddies").addColumn("ended_by_side", "varchar(20)").execute();
  await db.schema
    .alterTable("buddies")
    .addColumn("ended_by", "varchar(36)", (c) => c.references("users.id"))
    .execute();
}
