import type { RequestContext } from "@server/auth/actor.js";
import type { Database } from "@server/db/schema.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { headerLine, recordLine } from "./registry-csv.js";
import { systemRegistryRows } from "./registry-import.repo.js";

/**
 * The whole client registry in the import's format (UTF-8 with a byte order mark, so that a spreadsheet reads the
 * accents right), ordered by BSN: what the import reads back unchanged. Audited as one read of the registry.
 */
export async function exportClients(db: Kysely<Database>, ctx: RequestContext): Promise<string> {
  const rows = await systemRegistryRows(db);
  const lines = [`\uFEFF${headerLine()}`];
  for (const row of rows) {
    lines.push(
      recordLine({
        bsn: row.bsn,
        givenName: row.given_name,
        familyName: row.family_name,
        birthDate: row.birth_date,
        street: row.street,
        houseNumber: row.house_number,
        houseNumberAddition: row.house_number_addition,
        postcode: row.postcode,
        city: row.city,
        householdSituation: row.household_situation,
        householdId: row.household_id,
        phone: row.phone,
        email: row.email,
        benefitStartDate: row.benefit_start_date,
        benefitEndDate: row.benefit_end_date,
        benefitEndReason: row.benefit_end_reason,
      }),
    );
  }
  await recordAudit(db, ctx, { action: "client.export", category: "read:list", details: { rows: rows.length } });
  return lines.join("");
}
