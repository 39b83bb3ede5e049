import type { Kysely } from "kysely";

/**
 * Indexes for the figures: clients counted by the day their benefit started (per district), and invitation letters
 * counted by delivery status without reading the letters' PDFs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("clients_benefit_start_idx").on("clients").columns(["benefit_start_date", "district"]).execute();
  await db.schema.createIndex("letters_delivery_status_idx").on("letters").columns(["id", "delivery_status"]).execute();
}
