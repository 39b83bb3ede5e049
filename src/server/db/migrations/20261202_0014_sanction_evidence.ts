import { type Kysely, sql } from "kysely";

/**
 * The evidence a sanction rests on, and the weighing of urgent reasons:
 * - `plan_id`: the confirmed plan that asked the contribution the client refused (refusedContribution);
 * - `plan_step_id`: the confirmed plan step that was not done (insufficientEffort);
 * - `not_done`: what was asked of the client and not done (insufficientEffort);
 * - `urgent_reasons_lapsed_*`: the decider's new weighing that the urgent reasons recorded with the proposal no
 *   longer apply, with reasons, by whom and when; only then may a sanction with urgent reasons be imposed.
 * One sanction per fact is also kept by the database: a plan step, and for a refused contribution the letter or
 * plan that asked it, is named by one sanction at most (as appointments and placements already are, 0008).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("sanctions").addColumn("plan_id", "text").execute();
  await db.schema.alterTable("sanctions").addColumn("plan_step_id", "text").execute();
  await db.schema.alterTable("sanctions").addColumn("not_done", "text").execute();
  await db.schema.alterTable("sanctions").addColumn("urgent_reasons_lapsed_reasons", "text").execute();
  await db.schema.alterTable("sanctions").addColumn("urgent_reasons_lapsed_by", "text").execute();
  await db.schema.alterTable("sanctions").addColumn("urgent_reasons_lapsed_at", "text").execute();
  await sql`CREATE UNIQUE INDEX sanctions_one_per_plan_step ON sanctions (plan_step_id)
    WHERE plan_step_id IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX sanctions_one_per_contribution_letter ON sanctions (letter_id)
    WHERE ground = 'refusedContribution' AND letter_id IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX sanctions_one_per_contribution_plan ON sanctions (plan_id)
    WHERE ground = 'refusedContribution' AND plan_id IS NOT NULL`.execute(db);
}
