import type { Kysely } from "kysely";

/**
 * An exemption's decision, co-signature, early end or refused extension can be undone while its letter is inside. The
 * exemption keeps, beside its current state, the letter of its last such action and the columns as they were before
 * it (JSON), so that undoing puts it back exactly; an undo clears it. Exemptions decided before have none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("exemptions").addColumn("undo_state", "text").execute();
}
