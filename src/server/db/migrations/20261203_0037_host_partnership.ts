import { type Kysely, sql } from "kysely";
import { trackCaseworkChanges } from "../casework-changes.js";

/**
 * Host organisations as partners, and what a volunteer is owed:
 * - a placement names its contact person at the host before it starts (`host_contact_person`), records the
 *   introduction meeting (`introduction_*`: the day, who attended, the client's and the host's verdict) and the
 *   check-in with the host four weeks after the start (`host_check_in_*`);
 * - `placement_expenses`: the expense allowance (onkostenvergoeding) per placement: kind, month, amount in cents,
 *   paid or not;
 * - `volunteer_allowance_limits`: the tax-free limits of the volunteer allowance by year, which the municipality
 *   updates when the Belastingdienst publishes the next year's; 2025 and 2026 as published;
 * - `organisation_support`: guidance hours a week the municipality buys for a (small) organisation, for a period;
 *   they count in the organisation's guidance supply.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const columns: [string, "varchar(10)" | "varchar(20)" | "varchar(36)" | "varchar(200)" | "text"][] = [
    ["host_contact_person", "varchar(200)"],
    ["introduction_held_on", "varchar(10)"],
    ["introduction_attendees", "text"],
    ["introduction_client_verdict", "varchar(20)"],
    ["introduction_host_verdict", "varchar(20)"],
    ["introduction_note", "text"],
    ["introduction_recorded_by", "varchar(36)"],
    ["host_check_in_held_on", "varchar(10)"],
    ["host_check_in_note", "text"],
    ["host_check_in_recorded_by", "varchar(36)"],
  ];
  for (const [column, type] of columns) await db.schema.alterTable("placements").addColumn(column, type).execute();

  await db.schema
    .createTable("placement_expenses")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("placement_id", "varchar(36)", (c) => c.notNull().references("placements.id"))
    .addColumn("client_id", "varchar(36)", (c) => c.notNull().references("clients.id"))
    .addColumn("organisation_id", "varchar(36)", (c) => c.notNull().references("organisations.id"))
    .addColumn("kind", "varchar(20)", (c) => c.notNull())
    .addColumn("period", "varchar(7)", (c) => c.notNull())
    .addColumn("amount_cents", "integer", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("paid_on", "varchar(10)")
    .addColumn("recorded_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("placement_expenses_placement_idx").on("placement_expenses").column("placement_id").execute();
  await db.schema.createIndex("placement_expenses_client_period_idx").on("placement_expenses").columns(["client_id", "period"]).execute();
  await trackCaseworkChanges(db, "placement_expenses");

  await db.schema
    .createTable("volunteer_allowance_limits")
    .addColumn("year", "integer", (c) => c.primaryKey())
    .addColumn("hourly_cents", "integer", (c) => c.notNull())
    .addColumn("monthly_cents", "integer", (c) => c.notNull())
    .addColumn("yearly_cents", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("updated_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("updated_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await sql`INSERT INTO volunteer_allowance_limits (year, hourly_cents, monthly_cents, yearly_cents, source, updated_by, updated_at) VALUES
    (2025, 500, 19000, 190000, 'Belastingdienst, vrijwilligersvergoeding 2025: € 5,00 per uur (21 jaar en ouder), € 190 per maand, € 1.900 per jaar', NULL, '2026-12-03T00:00:00.000Z'),
    (2026, 560, 21000, 210000, 'Belastingdienst, vrijwilligersvergoeding 2026: € 5,60 per uur (21 jaar en ouder), € 210 per maand, € 2.100 per jaar', NULL, '2026-12-03T00:00:00.000Z')`.execute(
    db,
  );
  await trackCaseworkChanges(db, "volunteer_allowance_limits");

  await db.schema
    .createTable("organisation_support")
    .addColumn("id", "varchar(36)", (c) => c.primaryKey())
    .addColumn("organisation_id", "varchar(36)", (c) => c.notNull().references("organisations.id"))
    .addColumn("hours_per_week", "real", (c) => c.notNull())
    .addColumn("starts_on", "varchar(10)", (c) => c.notNull())
    .addColumn("ends_on", "varchar(10)", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("recorded_by", "varchar(36)", (c) => c.references("users.id"))
    .addColumn("created_at", "varchar(40)", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("organisation_support_organisation_idx").on("organisation_support").column("organisation_id").execute();
  await trackCaseworkChanges(db, "organisation_support");
}
