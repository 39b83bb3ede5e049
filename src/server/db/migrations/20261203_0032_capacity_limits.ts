import { type Kysely, sql } from "kysely";

/**
 * Capacity is more than hours a week. A client's capacity gains hours a day, days a week and functional limits (plain
 * categories such as no heavy lifting, never a diagnosis), recorded at the intake, on the client's record and in a
 * physician's advice; the intake records the guidance the client needs and their own wishes. A role declares its
 * longest day, its days a week, its demands in the same categories and the education it fits; a plan step may declare
 * the same. Existing roles are read as days of at most 8 hours on one day a week, with night work as a demand when
 * they are at night, and as asking no education; existing clients and steps have no limits beyond their hours a week.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const add = async (table: string, column: string, type: "real" | "integer" | "text" | "varchar(20)", fallback?: string) => {
    await db.schema
      .alterTable(table)
      .addColumn(column, type, (c) => (fallback === undefined ? c : c.notNull().defaultTo(fallback)))
      .execute();
  };
  for (const table of ["clients", "intakes"]) {
    await add(table, "capacity_hours_per_day", "real");
    await add(table, "capacity_days_per_week", "integer");
    await add(table, "functional_limits", "text", "[]");
  }
  await add("intakes", "guidance_need", "varchar(20)", "regular");
  await add("intakes", "wishes", "text", "[]");
  await add("medical_advice", "hours_per_week", "real");
  await add("medical_advice", "hours_per_day", "real");
  await add("medical_advice", "days_per_week", "integer");
  await add("medical_advice", "functional_limits", "text", "[]");
  await db.schema
    .alterTable("volunteer_roles")
    .addColumn("longest_day_hours", "real", (c) => c.notNull().defaultTo(8))
    .execute();
  await db.schema
    .alterTable("volunteer_roles")
    .addColumn("days_per_week", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await add("volunteer_roles", "demands", "text", "[]");
  await add("volunteer_roles", "education_level", "varchar(20)", "none");
  await sql`update volunteer_roles set longest_day_hours = hours_per_week where hours_per_week < 8`.execute(db);
  await sql`update volunteer_roles set demands = '["nightWork"]' where at_night = 1`.execute(db);
  await add("plan_steps", "hours_per_day", "real");
  await add("plan_steps", "days_per_week", "integer");
  await add("plan_steps", "demands", "text", "[]");
}
