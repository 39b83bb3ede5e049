import { REGISTRY_COLUMNS } from "@shared/schemas/registry.js";
import { describe, expect, it } from "vitest";
import {
  decodeRegistryFile,
  headerLine,
  headerProblems,
  parseDutchDate,
  parseRow,
  type RegistryRecord,
  readRegistryFile,
  recordLine,
} from "./registry-csv.js";

const today = "2026-12-03";
const record: RegistryRecord = {
  bsn: "111222333",
  givenName: "Anneke",
  familyName: "van den Berg; de Jong",
  birthDate: "1975-02-28",
  street: 'Straat "Oost"',
  houseNumber: 14,
  houseNumberAddition: "bis",
  postcode: "3084 AB",
  city: "Rotterdam",
  householdSituation: "coupleWithChildren",
  householdId: "HH-17",
  phone: "010-1234567",
  email: "anneke@voorbeeld.nl",
  benefitStartDate: "2012-06-01",
  benefitEndDate: "2026-11-30",
  benefitEndReason: "otherIncome",
};

describe("the registry file format", () => {
  it("writes a record and reads it back the same, quotes and semicolons included", async () => {
    const { rows } = await readRegistryFile(headerLine() + recordLine(record), today);
    expect(rows).toEqual([{ line: 2, record }]);
  });

  it("writes Dutch dates and the benefits administration's words", () => {
    const line = recordLine(record);
    expect(line).toContain(";28-02-1975;");
    expect(line).toContain(";gehuwd of samenwonend met kinderen;");
    expect(line.trimEnd().endsWith(";ander inkomen")).toBe(true);
  });

  it("reads UTF-8, with or without its byte order mark, and otherwise Windows-1252", () => {
    expect(decodeRegistryFile(Buffer.from("\uFEFFZoë", "utf8"))).toEqual({ text: "Zoë", encoding: "utf-8" });
    expect(decodeRegistryFile(Buffer.from("Zoë", "latin1"))).toEqual({ text: "Zoë", encoding: "windows-1252" });
    // Windows-1252 has letters where Latin-1 has control codes: 0x80 is the euro sign.
    expect(decodeRegistryFile(Buffer.from([0x80, 0x93, 0x94, 0x8a])).text).toBe("€“”Š");
  });

  it("names each wrong, missing or extra column of the header", () => {
    const headers = REGISTRY_COLUMNS.map((c) => c.header);
    expect(headerProblems(headers)).toEqual([]);
    expect(headerProblems(headers.map((h) => h.toUpperCase()))).toEqual([]);
    expect(headerProblems([...headers.slice(0, 3), "Geb.datum", ...headers.slice(4)]).map((p) => p.name)).toEqual(["header[3]"]);
    expect(headerProblems(headers.slice(0, -1)).map((p) => p.name)).toEqual([`header[${headers.length - 1}]`]);
    expect(headerProblems([...headers, "Opmerking"]).map((p) => p.name)).toEqual([`header[${headers.length}]`]);
  });

  it("refuses a wrong header before reading any row", async () => {
    await expect(readRegistryFile("BSN;Naam\r\n123;x\r\n", today)).rejects.toMatchObject({ status: 400, code: "importHeaderWrong" });
    await expect(readRegistryFile("", today)).rejects.toMatchObject({ code: "importHeaderWrong" });
  });

  it("reads only real dates as DD-MM-JJJJ", () => {
    expect(parseDutchDate("29-02-2024")).toBe("2024-02-29");
    expect(parseDutchDate("29-02-2023")).toBeNull();
    expect(parseDutchDate("2024-02-29")).toBeNull();
  });
});

describe("a row of the file", () => {
  const cells = (overrides: Partial<Record<string, string>>) => {
    const values: Record<string, string> = {
      BSN: "111222333",
      Voornamen: "Anneke",
      Achternaam: "van den Berg",
      Geboortedatum: "28-02-1975",
      Straat: "Oost",
      Huisnummer: "14",
      Huisnummertoevoeging: "bis",
      Postcode: "3084ab",
      Woonplaats: "Rotterdam",
      Leefsituatie: "Gehuwd of samenwonend met kinderen",
      Huishoudnummer: "HH-17",
      Telefoonnummer: "010-1234567",
      "E-mailadres": "anneke@voorbeeld.nl",
      "Ingangsdatum uitkering": "01-06-2012",
      "Einddatum uitkering": "30-11-2026",
      "Reden einde uitkering": "ander inkomen",
      ...overrides,
    };
    return REGISTRY_COLUMNS.map((c) => values[c.header] ?? "");
  };
  const refusalsOf = (overrides: Partial<Record<string, string>>) => {
    const parsed = parseRow(cells(overrides), 7, today);
    return "refusals" in parsed ? parsed.refusals.map((r) => `${r.column}:${r.code}`) : [];
  };

  it("is read into a record when every field is right", () => {
    expect(parseRow(cells({}), 7, today)).toEqual({ line: 7, record: { ...record, familyName: "van den Berg", street: "Oost" } });
  });

  it("is refused with the column and reason of each wrong field", () => {
    expect(refusalsOf({ BSN: "123456789" })).toEqual(["BSN:malformed"]);
    expect(refusalsOf({ Voornamen: "" })).toEqual(["Voornamen:required"]);
    expect(refusalsOf({ Geboortedatum: "31-02-1975" })).toEqual(["Geboortedatum:malformed"]);
    expect(refusalsOf({ Huisnummer: "12a" })).toEqual(["Huisnummer:malformed"]);
    expect(refusalsOf({ Postcode: "0123 AB" })).toEqual(["Postcode:malformed"]);
    expect(refusalsOf({ Leefsituatie: "samen" })).toEqual(["Leefsituatie:notAllowed"]);
    expect(refusalsOf({ Telefoonnummer: "bel mij" })).toEqual(["Telefoonnummer:invalidPhone"]);
    expect(refusalsOf({ "E-mailadres": "geen-adres" })).toEqual(["E-mailadres:invalidEmail"]);
    expect(refusalsOf({ "Ingangsdatum uitkering": "01-01-1970" })).toEqual(["Ingangsdatum uitkering:beforeBirthDate"]);
    expect(refusalsOf({ "Einddatum uitkering": "04-12-2026" })).toEqual(["Einddatum uitkering:dateInFuture"]);
    expect(refusalsOf({ "Einddatum uitkering": "01-01-2010" })).toEqual(["Einddatum uitkering:beforeBenefitStart"]);
    expect(refusalsOf({ "Reden einde uitkering": "" })).toEqual(["Reden einde uitkering:required"]);
    expect(refusalsOf({ "Einddatum uitkering": "" })).toEqual(["Einddatum uitkering:required"]);
    expect(refusalsOf({ "Reden einde uitkering": "pensioen" })).toEqual(["Reden einde uitkering:notAllowed"]);
  });

  it("is refused whole when it has another number of fields", () => {
    expect(parseRow(["111222333", "Anneke"], 3, today)).toEqual({
      line: 3,
      refusals: [expect.objectContaining({ column: "BSN", code: "malformed" })],
    });
  });
});
