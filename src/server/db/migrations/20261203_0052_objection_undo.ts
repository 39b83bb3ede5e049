import type { Kysely } from "kysely";

/**
 * An objection's postponement and its decision can be undone while their letter is still inside. Undo puts back what
 * the step changed, so the step keeps it: the date to decide by before the postponement (a consent extension recorded
 * earlier may have set it, so it cannot be worked out again), and what the decision on objection changed of a sanction
 * (JSON of its `revoked`, `percentage` and `months` as they were).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite adds one at a time.
  await db.schema.alterTable("objections").addColumn("decide_by_before_postponement", "varchar(10)").execute();
  await db.schema.alterTable("objections").addColumn("sanction_before_outcome", "text").execute();
}
