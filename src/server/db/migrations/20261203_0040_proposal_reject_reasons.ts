import type { Kysely } from "kysely";

/**
 * Not following a placement plan's proposal takes a reason from a fixed list (`PROPOSAL_REJECT_REASONS`), beside the
 * reason in words, so team leads can count why proposals are not followed. Proposals not followed before keep their
 * words and have no code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("match_proposals").addColumn("reject_reason_code", "varchar(30)").execute();
}
