import { type Kysely, sql } from "kysely";

/**
 * Invariants the database keeps itself, whatever runs concurrently: a client has at most one open plan draft,
 * and a recorded fact (a missed appointment, an ended placement) is sanctioned at most once. Grounds without a
 * recorded fact (insufficient effort) are told apart only by their text, so they have no such index. Partial
 * unique indexes, the same on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE UNIQUE INDEX plans_one_draft ON plans (client_id) WHERE status = 'draft'`.execute(db);
  await sql`CREATE UNIQUE INDEX sanctions_one_per_appointment ON sanctions (appointment_id)
    WHERE appointment_id IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX sanctions_one_per_placement ON sanctions (placement_id)
    WHERE placement_id IS NOT NULL`.execute(db);
}
