import type { Kysely } from "kysely";

/**
 * Which obligations an exemption covers: the tegenprestatie (Participatiewet art. 9 lid 1 sub c) and the work
 * obligations (sub a and b). Exemptions recorded before were all from the tegenprestatie. A single parent's
 * exemption (art. 9a) records the child's birth date, from which its end follows. A medical request is decided
 * on medical advice: who advised, when, and the conclusion in functional terms (never a diagnosis).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("exemptions")
    .addColumn("covers_tegenprestatie", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable("exemptions")
    .addColumn("covers_work_obligations", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("exemptions").addColumn("child_birth_date", "varchar(10)").execute();
  // A refused single parent's request names the condition of art. 9a that was not met.
  await db.schema.alterTable("exemptions").addColumn("unmet_condition", "varchar(30)").execute();

  await db.schema
    .createTable("medical_advice")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("exemption_id", "varchar(36)", (c) => c.notNull().references("exemptions.id"))
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("advisor_kind", "varchar(30)", (c) => c.notNull()) // occupationalPhysician, independentDoctor
    .addColumn("advisor_name", "varchar(200)", (c) => c.notNull())
    .addColumn("advised_on", "varchar(10)", (c) => c.notNull())
    .addColumn("conclusion", "text", (c) => c.notNull())
    .addColumn("recorded_by", "varchar(36)", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("medical_advice_exemption_idx").on("medical_advice").columns(["exemption_id", "advised_on"]).execute();
}
