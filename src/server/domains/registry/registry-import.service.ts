import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { ClientMovesTable, Database, NewClientRow } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { AppError, invalidField } from "@server/http/errors.js";
import { districtForPostcode } from "@shared/districts.js";
import type { ImportReport, ImportRowReport } from "@shared/schemas/registry.js";
import { CsvError } from "csv-parse";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { assertWithinRegistryAge, type StatePensionAge } from "../clients/clients.rules.js";
import { endOpenWorkOfEndedBenefit } from "./benefit-end.service.js";
import { listStatePensionAges } from "./pension-ages.repo.js";
import { decodeRegistryFile, type ParsedRow, type RegistryRecord, type RowRefusal, readRegistryFile } from "./registry-csv.js";
import {
  insertClients,
  insertImport,
  insertMoves,
  lockImports,
  systemRegistryRows,
  updateRegistryColumns,
} from "./registry-import.repo.js";

type StoredRow = Awaited<ReturnType<typeof systemRegistryRows>>[number];

/** Each field of a record with the column it is stored in. */
const COLUMN_OF = {
  givenName: "given_name",
  familyName: "family_name",
  birthDate: "birth_date",
  street: "street",
  houseNumber: "house_number",
  houseNumberAddition: "house_number_addition",
  postcode: "postcode",
  city: "city",
  householdSituation: "household_situation",
  householdId: "household_id",
  phone: "phone",
  email: "email",
  benefitStartDate: "benefit_start_date",
  benefitEndDate: "benefit_end_date",
  benefitEndReason: "benefit_end_reason",
} as const satisfies Record<Exclude<keyof RegistryRecord, "bsn">, keyof StoredRow>;

type ComparedField = keyof typeof COLUMN_OF;
const COMPARED = Object.keys(COLUMN_OF) as ComparedField[];

/** The fields in which the file differs from what is stored, in the format's order. */
export function changedFields(record: RegistryRecord, stored: StoredRow): ComparedField[] {
  return COMPARED.filter((field) => record[field] !== stored[COLUMN_OF[field]]);
}

function searchName(givenName: string, familyName: string): string {
  return `${givenName} ${familyName}`.toLowerCase();
}

/** A row refused by a rule that depends on the registry: the refusal's field, named as the file names it. */
function ageRefusal(record: RegistryRecord, today: string, pensionAges: readonly StatePensionAge[]): RowRefusal | null {
  try {
    assertWithinRegistryAge(record.birthDate, today, pensionAges);
    return null;
  } catch (error) {
    if (!(error instanceof AppError) || (error.code !== "underMinimumAge" && error.code !== "statePensionAge")) throw error;
    return { column: "Geboortedatum", field: "birthDate", code: error.code, reason: error.detail };
  }
}

export interface ImportOptions {
  content: Buffer;
  source: "cli" | "upload";
  /** Called as rows are read and as they are written, for a progress bar. */
  onProgress?: (phase: "read" | "write", done: number) => void;
}

/**
 * Imports the client registry from the benefits administration's file. The header is checked first: a wrong one
 * refuses the whole file (400 `importHeaderWrong`, each wrong column named) before anything is written. Each row is
 * then created (a BSN not yet known, within the age range), updated (only the fields that differ), left unchanged,
 * or refused with its field and reason. A second run of the same file changes nothing and says so. A new postcode in
 * another district moves the client to that district's caseload; the consultant stays assigned until the team lead
 * hands the client over, and both see the move on their work queue. An end of benefit in the file ends the client's
 * open placements and plan steps, with a letter, as `POST /clients/{id}/benefit-end` does.
 *
 * All rows are written in one transaction under the import lock, so two imports at once never both create a client,
 * and the import is audited as one event with its counts.
 */
export async function importClients(db: Kysely<Database>, ctx: RequestContext, options: ImportOptions): Promise<ImportReport> {
  const today = ctx.clock.today();
  const { text, encoding } = decodeRegistryFile(options.content);
  let parsed: ParsedRow[];
  try {
    parsed = (await readRegistryFile(text, today, (n) => options.onProgress?.("read", n))).rows;
  } catch (error) {
    if (error instanceof CsvError) throw invalidField("file", "malformed", `The file is not a CSV file that can be read: ${error.message}`);
    throw error;
  }
  const pensionAges = await listStatePensionAges(db);
  const importId = randomUUID();
  const now = nowIso(ctx.clock);

  const result = await inTransaction(db, async (trx) => {
    await lockImports(trx);
    const stored = new Map((await systemRegistryRows(trx)).map((row) => [row.bsn, row]));
    const seen = new Set<string>();
    const reports: ImportRowReport[] = [];
    const inserts: NewClientRow[] = [];
    const moves: ClientMovesTable[] = [];
    const benefitEnds: { clientId: string; benefitEndDate: string; reason: NonNullable<RegistryRecord["benefitEndReason"]> }[] = [];
    for (const [i, row] of parsed.entries()) {
      if (i % 1000 === 999) options.onProgress?.("write", i + 1);
      if ("refusals" in row) {
        reports.push({ line: row.line, outcome: "refused", clientId: null, fields: [], refusals: row.refusals });
        continue;
      }
      const { record } = row;
      if (seen.has(record.bsn)) {
        const refusal: RowRefusal = {
          column: "BSN",
          field: "bsn",
          code: "duplicateBsn",
          reason: "The file names this BSN on an earlier line",
        };
        reports.push({ line: row.line, outcome: "refused", clientId: null, fields: [], refusals: [refusal] });
        continue;
      }
      seen.add(record.bsn);
      const current = stored.get(record.bsn);
      if (!current) {
        const refusal = ageRefusal(record, today, pensionAges);
        if (refusal) {
          reports.push({ line: row.line, outcome: "refused", clientId: null, fields: [], refusals: [refusal] });
          continue;
        }
        const id = randomUUID();
        inserts.push({
          id,
          bsn: record.bsn,
          given_name: record.givenName,
          family_name: record.familyName,
          birth_date: record.birthDate,
          postcode: record.postcode,
          house_number: record.houseNumber,
          house_number_addition: record.houseNumberAddition,
          street: record.street,
          city: record.city,
          district: districtForPostcode(record.postcode),
          benefit_start_date: record.benefitStartDate,
          benefit_end_date: record.benefitEndDate,
          benefit_end_reason: record.benefitEndReason,
          capacity_hours_per_week: null,
          phone: record.phone,
          email: record.email,
          languages: "[]",
          household_situation: record.householdSituation,
          household_id: record.householdId,
          education_level: "unknown",
          consultant_id: null,
          search_name: searchName(record.givenName, record.familyName),
          created_at: now,
          updated_at: now,
        });
        reports.push({ line: row.line, outcome: "created", clientId: id, fields: [], refusals: [] });
        continue;
      }
      const fields = changedFields(record, current);
      if (fields.length === 0) {
        reports.push({ line: row.line, outcome: "unchanged", clientId: current.id, fields: [], refusals: [] });
        continue;
      }
      const changes: Record<string, unknown> = { updated_at: now };
      for (const field of fields) changes[COLUMN_OF[field]] = record[field];
      if (fields.includes("givenName") || fields.includes("familyName"))
        changes.search_name = searchName(record.givenName, record.familyName);
      if (fields.includes("postcode")) {
        const district = districtForPostcode(record.postcode);
        changes.district = district;
        if (district !== current.district) {
          moves.push({
            id: randomUUID(),
            client_id: current.id,
            import_id: importId,
            from_district: current.district,
            to_district: district,
            from_consultant_id: current.consultant_id,
            moved_on: today,
            created_at: now,
          });
        }
      }
      await updateRegistryColumns(trx, current.id, changes);
      if (record.benefitEndDate && record.benefitEndReason && current.benefit_end_date === null) {
        benefitEnds.push({ clientId: current.id, benefitEndDate: record.benefitEndDate, reason: record.benefitEndReason });
      }
      reports.push({ line: row.line, outcome: "updated", clientId: current.id, fields, refusals: [] });
    }
    await insertClients(trx, inserts);
    const counts = {
      rows: reports.length,
      created: reports.filter((r) => r.outcome === "created").length,
      updated: reports.filter((r) => r.outcome === "updated").length,
      unchanged: reports.filter((r) => r.outcome === "unchanged").length,
      refused: reports.filter((r) => r.outcome === "refused").length,
      moved: moves.length,
    };
    // The import is recorded only when it changed something: a run that found everything as it was writes nothing.
    if (counts.created + counts.updated > 0) {
      await insertImport(trx, {
        id: importId,
        started_by: ctx.actor.id,
        source: options.source,
        encoding,
        ...counts,
        imported_at: now,
      });
      await insertMoves(trx, moves);
    }
    await recordAudit(trx, ctx, {
      action: "client.import",
      category: "write",
      subjectType: "clientImport",
      subjectId: importId,
      details: { source: options.source, encoding, ...counts },
    });
    options.onProgress?.("write", parsed.length);
    return { reports, counts, benefitEnds };
  });

  // The open work of a benefit the file ended stops now, each client in a transaction of its own, with its letter.
  for (const end of result.benefitEnds) {
    await endOpenWorkOfEndedBenefit(db, ctx, end.clientId, { benefitEndDate: end.benefitEndDate, reason: end.reason });
  }
  return {
    importId: result.counts.created + result.counts.updated > 0 ? importId : null,
    encoding,
    ...result.counts,
    rows: result.reports,
  };
}
