import { type Kysely, sql } from "kysely";

/**
 * The volunteer allowance limits of 2025 as the Belastingdienst published them: € 5,60 an hour (21 and older), € 210 a
 * month and € 2.100 a year. Migration 0037 seeded the year with the limits of the years before it. Only the seeded row
 * is corrected: a row the municipality has set itself is left as it set it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE volunteer_allowance_limits
    SET hourly_cents = 560, monthly_cents = 21000, yearly_cents = 210000,
      source = 'Belastingdienst, vrijwilligersvergoeding 2025: € 5,60 per uur (21 jaar en ouder), € 210 per maand, € 2.100 per jaar'
    WHERE year = 2025 AND updated_by IS NULL AND hourly_cents = 500 AND monthly_cents = 19000 AND yearly_cents = 190000`.execute(db);
}
