import { Readable } from "node:stream";
import { csvField } from "@server/http/csv.js";
import { AppError, type FieldErrorCode, type InvalidParam } from "@server/http/errors.js";
import { numericDutchDate } from "@shared/dates.js";
import { BENEFIT_END_REASONS, type BenefitEndReason, HOUSEHOLD_SITUATIONS, type HouseholdSituation } from "@shared/enums.js";
import { REGISTRY_COLUMNS } from "@shared/schemas/registry.js";
import { isValidBsn } from "@shared/validation/bsn.js";
import { normalisePostcode } from "@shared/validation/postcode.js";
import { parse } from "csv-parse";
import { z } from "zod";

export type RegistryField = (typeof REGISTRY_COLUMNS)[number]["field"];

/** The words of the benefits administration for a household situation. */
export const HOUSEHOLD_WORDS: Record<HouseholdSituation, string> = {
  single: "alleenstaand",
  singleParent: "alleenstaande ouder",
  couple: "gehuwd of samenwonend",
  coupleWithChildren: "gehuwd of samenwonend met kinderen",
  livingWithParents: "inwonend bij ouders",
  sharedHousing: "woningdeler",
  other: "overig",
};

/** The words of the benefits administration for why a benefit ended. */
export const END_REASON_WORDS: Record<BenefitEndReason, string> = {
  work: "werk",
  moved: "verhuizing",
  otherIncome: "ander inkomen",
  deceased: "overlijden",
  other: "overig",
};

/** One client as a row of the file says it, in the registry's own terms. */
export interface RegistryRecord {
  bsn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  street: string | null;
  houseNumber: number;
  houseNumberAddition: string | null;
  postcode: string;
  city: string | null;
  householdSituation: HouseholdSituation;
  householdId: string | null;
  phone: string | null;
  email: string | null;
  benefitStartDate: string;
  benefitEndDate: string | null;
  benefitEndReason: BenefitEndReason | null;
}

/** Why a row was refused: the column (as the file names it), the field and the reason. */
export interface RowRefusal {
  column: string;
  field: RegistryField;
  code: FieldErrorCode;
  reason: string;
}

export type ParsedRow = { line: number; record: RegistryRecord } | { line: number; refusals: RowRefusal[] };

/** The encodings a file may come in. */
export type RegistryEncoding = "utf-8" | "windows-1252";

/**
 * The letters Windows-1252 has at 0x80–0x9F, where Latin-1 has control codes (€, ‚, „, …, ‘, ’, “, ”, –, —, Š, š,
 * Ž, ž, Ÿ, ‰, Œ, œ, ˆ, ˜, ™, †, ‡, •, ƒ, ‹, ›). Node's own decoder for the label is Latin-1, so these are mapped here.
 */
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/**
 * Text of a file in UTF-8 when it is valid UTF-8, otherwise in Windows-1252 (what older Windows exports write): a
 * Windows-1252 file with an accented letter is never valid UTF-8, so the check decides.
 */
export function decodeRegistryFile(content: Buffer): { text: string; encoding: RegistryEncoding } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(content), encoding: "utf-8" };
  } catch {
    const text = content.toString("latin1").replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
    return { text, encoding: "windows-1252" };
  }
}

/** DD-MM-JJJJ → YYYY-MM-DD, or null when it is not a real date in that form. */
export function parseDutchDate(value: string): string | null {
  const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]}-${match[1]}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso ? null : iso;
}

const PHONE = /^\+?[0-9 ()-]{8,20}$/;
const emailSchema = z.email();
const householdBy = new Map(HOUSEHOLD_SITUATIONS.map((s) => [HOUSEHOLD_WORDS[s], s]));
const reasonBy = new Map(BENEFIT_END_REASONS.map((r) => [END_REASON_WORDS[r], r]));

/** The header line's mistakes: each column that is missing, misnamed or extra, as invalid parameters. */
export function headerProblems(header: readonly string[]): InvalidParam[] {
  const problems: InvalidParam[] = [];
  const count = Math.max(header.length, REGISTRY_COLUMNS.length);
  for (let i = 0; i < count; i++) {
    const expected = REGISTRY_COLUMNS[i]?.header;
    const found = header[i]?.trim();
    if (expected?.toLowerCase() === found?.toLowerCase()) continue;
    problems.push({
      name: `header[${i}]`,
      code: "headerWrong",
      reason: expected
        ? `Column ${i + 1} must be "${expected}"${found ? `, not "${found}"` : ""}`
        : `Column ${i + 1} ("${found}") is not expected`,
    });
  }
  return problems;
}

/**
 * Reads one data row into a record, or the refusals of each wrong field. Only the file's own facts are checked
 * here; rules that depend on the registry (age by the state pension table, a BSN used twice) are the import's.
 */
export function parseRow(cells: readonly string[], line: number, today: string): ParsedRow {
  const refusals: RowRefusal[] = [];
  const cellOf = (field: RegistryField) => (cells[REGISTRY_COLUMNS.findIndex((c) => c.field === field)] ?? "").trim();
  const refuse = (field: RegistryField, code: FieldErrorCode, reason: string) => {
    const column = REGISTRY_COLUMNS.find((c) => c.field === field)?.header ?? field;
    refusals.push({ column, field, code, reason });
  };
  if (cells.length !== REGISTRY_COLUMNS.length) {
    refuse("bsn", "malformed", `The row has ${cells.length} fields, not ${REGISTRY_COLUMNS.length}`);
    return { line, refusals };
  }
  const required = (field: RegistryField, max: number): string => {
    const value = cellOf(field);
    if (value === "") refuse(field, "required", "Empty");
    else if (value.length > max) refuse(field, "malformed", `At most ${max} characters`);
    return value;
  };
  const optional = (field: RegistryField, max: number): string | null => {
    const value = cellOf(field);
    if (value.length > max) refuse(field, "malformed", `At most ${max} characters`);
    return value === "" ? null : value;
  };
  const date = (field: RegistryField, isRequired: boolean): string | null => {
    const value = cellOf(field);
    if (value === "") {
      if (isRequired) refuse(field, "required", "Empty");
      return null;
    }
    const iso = parseDutchDate(value);
    if (!iso) refuse(field, "malformed", "Not a date as DD-MM-JJJJ");
    else if (iso > today) refuse(field, "dateInFuture", "Lies in the future");
    return iso;
  };

  const bsn = required("bsn", 9);
  if (bsn !== "" && !isValidBsn(bsn)) refuse("bsn", "malformed", "Not a valid BSN (nine digits passing the eleven-test)");
  const givenName = required("givenName", 100);
  const familyName = required("familyName", 100);
  const birthDate = date("birthDate", true);
  const street = optional("street", 120);
  const houseNumberText = required("houseNumber", 5);
  const houseNumber = Number(houseNumberText);
  if (houseNumberText !== "" && !(/^\d+$/.test(houseNumberText) && houseNumber >= 1))
    refuse("houseNumber", "malformed", "Not a house number");
  const houseNumberAddition = optional("houseNumberAddition", 10);
  const postcodeText = required("postcode", 7);
  const postcode = postcodeText === "" ? null : normalisePostcode(postcodeText);
  if (postcodeText !== "" && !postcode) refuse("postcode", "malformed", "Not a Dutch postcode (1234 AB)");
  const city = optional("city", 80);
  const householdText = required("householdSituation", 60);
  const householdSituation = householdBy.get(householdText.toLowerCase());
  if (householdText !== "" && !householdSituation) refuse("householdSituation", "notAllowed", "Not a known household situation");
  const householdId = optional("householdId", 40);
  const phone = optional("phone", 20);
  if (phone !== null && !PHONE.test(phone)) refuse("phone", "invalidPhone", "Not a phone number");
  const email = optional("email", 254);
  if (email !== null && !emailSchema.safeParse(email).success) refuse("email", "invalidEmail", "Not an email address");
  const benefitStartDate = date("benefitStartDate", true);
  const benefitEndDate = date("benefitEndDate", false);
  const reasonText = optional("benefitEndReason", 40);
  const benefitEndReason = reasonText === null ? null : (reasonBy.get(reasonText.toLowerCase()) ?? null);
  if (reasonText !== null && !benefitEndReason) refuse("benefitEndReason", "notAllowed", "Not a known reason");
  if (benefitEndDate && reasonText === null) refuse("benefitEndReason", "required", "An ended benefit names its reason");
  if (reasonText !== null && !benefitEndDate && !refusals.some((r) => r.field === "benefitEndDate"))
    refuse("benefitEndDate", "required", "A reason goes with an end date");
  if (birthDate && benefitStartDate && benefitStartDate < birthDate) refuse("benefitStartDate", "beforeBirthDate", "Before the birth date");
  if (benefitStartDate && benefitEndDate && benefitEndDate < benefitStartDate)
    refuse("benefitEndDate", "beforeBenefitStart", "Before the benefit started");

  if (refusals.length > 0 || !birthDate || !postcode || !householdSituation || !benefitStartDate) return { line, refusals };
  return {
    line,
    record: {
      bsn,
      givenName,
      familyName,
      birthDate,
      street,
      houseNumber,
      houseNumberAddition,
      postcode,
      city,
      householdSituation,
      householdId,
      phone,
      email,
      benefitStartDate,
      benefitEndDate,
      benefitEndReason,
    },
  };
}

/** The header line of the format. */
export function headerLine(): string {
  return `${REGISTRY_COLUMNS.map((c) => c.header).join(";")}\r\n`;
}

/** One record as a line of the format. */
export function recordLine(record: RegistryRecord): string {
  const cells: Record<RegistryField, string> = {
    bsn: record.bsn,
    givenName: record.givenName,
    familyName: record.familyName,
    birthDate: numericDutchDate(record.birthDate),
    street: record.street ?? "",
    houseNumber: String(record.houseNumber),
    houseNumberAddition: record.houseNumberAddition ?? "",
    postcode: record.postcode,
    city: record.city ?? "",
    householdSituation: HOUSEHOLD_WORDS[record.householdSituation],
    householdId: record.householdId ?? "",
    phone: record.phone ?? "",
    email: record.email ?? "",
    benefitStartDate: numericDutchDate(record.benefitStartDate),
    benefitEndDate: record.benefitEndDate ? numericDutchDate(record.benefitEndDate) : "",
    benefitEndReason: record.benefitEndReason ? END_REASON_WORDS[record.benefitEndReason] : "",
  };
  return `${REGISTRY_COLUMNS.map((c) => csvField(cells[c.field], ";")).join(";")}\r\n`;
}

/** The header line was wrong: nothing of the file is read further, nothing is written. */
export function wrongHeader(problems: InvalidParam[]): AppError {
  return new AppError(
    400,
    "importHeaderWrong",
    "Invalid input",
    "The header line is not that of the registry format: nothing was imported.",
    problems,
  );
}

/**
 * Reads a registry file row by row through csv-parse's stream: the header is checked first (a wrong one throws
 * before any row is read), then each row is parsed and handed on with its line number. `onRow` is called after each.
 */
export async function readRegistryFile(
  text: string,
  today: string,
  onRow?: (rowsRead: number) => void,
): Promise<{ rows: ParsedRow[]; header: string[] }> {
  const parser = Readable.from([text]).pipe(
    parse({ delimiter: ";", bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  const rows: ParsedRow[] = [];
  let header: string[] | undefined;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!header) {
      header = record;
      const problems = headerProblems(header);
      if (problems.length > 0) {
        parser.destroy();
        throw wrongHeader(problems);
      }
      continue;
    }
    rows.push(parseRow(record, info.lines, today));
    onRow?.(rows.length);
  }
  if (!header) throw wrongHeader([{ name: "header[0]", code: "headerWrong", reason: "The file is empty" }]);
  return { rows, header };
}
