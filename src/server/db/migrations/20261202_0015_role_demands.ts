import type { Kysely } from "kysely";

/**
 * What a role asks beyond its hours, for the displacement check: whether the work is done at night (`at_night`, 0 or
 * 1) and the kind of work it is (`sector`: care, cleaning, hospitality, …). Night work and work in care or cleaning
 * are where volunteer work most often replaces paid work, so such a role waits for a reviewer. Existing roles were
 * judged without these answers: they read as daytime work of another kind, and keep the status they have.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("volunteer_roles")
    .addColumn("at_night", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("volunteer_roles")
    .addColumn("sector", "varchar(30)", (c) => c.notNull().defaultTo("other"))
    .execute();
}
