import { refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import { HOUSEHOLD_SITUATIONS } from "@shared/enums.js";
import { QUASI_IDENTIFIERS, RESEARCH_EXPORT_COLUMNS } from "@shared/schemas/research-export.js";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageOn, buildResearchExport, type ExportFacts, monthsBetween, pseudonymOf, who5BandOf } from "./research-export.build.js";
import { RESEARCH_EXPORT_DICTIONARY } from "./research-export.dictionary.js";
import {
  ANY,
  anonymise,
  assertExportPeriod,
  assertKAnonymous,
  GENERALISATION_LADDERS,
  GENERALISATION_STEPS,
  generalise,
  K_ANONYMITY,
  monthsOf,
  type QuasiFacts,
  type QuasiRow,
  RESEARCH_EXPORT_REFUSALS,
} from "./research-export.rules.js";

const facts = (overrides: Partial<QuasiFacts> = {}): QuasiFacts => ({
  ageYears: 33,
  district: "Charlois",
  monthsOnBenefit: 30,
  household: "single",
  ...overrides,
});
const rowsOf = (n: number, month: string, overrides: Partial<QuasiFacts> = {}): QuasiRow[] =>
  Array.from({ length: n }, () => ({ month, facts: facts(overrides) }));

/** The smallest number of rows sharing month and quasi-identifiers in a parsed CSV. */
function smallestClass(records: Record<string, string>[]): number {
  const sizes = new Map<string, number>();
  for (const r of records) {
    const key = [r.month, ...QUASI_IDENTIFIERS.map((qi) => r[qi])].join("|");
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return Math.min(...sizes.values());
}

describe("research export rules", () => {
  it("has a refused and a passing case for every refusal code", () => {
    const cases: Record<string, { refused: () => void; allowed: () => void }> = {
      "to:beforeStart": {
        refused: () => assertExportPeriod("2026-03-01", "2026-02-28", "2026-06-15"),
        allowed: () => assertExportPeriod("2026-03-01", "2026-03-01", "2026-06-15"),
      },
      "to:dateInFuture": {
        refused: () => assertExportPeriod("2026-03-01", "2026-06-16", "2026-06-15"),
        allowed: () => assertExportPeriod("2026-03-01", "2026-06-15", "2026-06-15"),
      },
      "to:tooLong": {
        refused: () => assertExportPeriod("2023-06-01", "2026-06-15", "2026-06-15"),
        allowed: () => assertExportPeriod("2023-07-01", "2026-06-15", "2026-06-15"),
      },
      notKAnonymous: {
        refused: () => assertKAnonymous([...Array(K_ANONYMITY).fill("a"), ...Array(K_ANONYMITY - 1).fill("b")]),
        allowed: () => assertKAnonymous([...Array(K_ANONYMITY).fill("a"), ...Array(K_ANONYMITY).fill("b")]),
      },
    };
    expect(Object.keys(cases).sort()).toEqual([...RESEARCH_EXPORT_REFUSALS].sort());
    expect(refusalCodesIn(new URL("./research-export.rules.ts", import.meta.url))).toEqual([...RESEARCH_EXPORT_REFUSALS].sort());
    for (const [code, c] of Object.entries(cases)) {
      expect(refusalOf(c.refused), code).toBe(code);
      expect(refusalOf(c.allowed), code).toBeNull();
    }
  });

  it("lists the months of a period across a year's end", () => {
    expect(monthsOf("2025-11-15", "2026-02-01")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("makes each quasi-identifier coarser up its ladder, ending in one value for everyone", () => {
    const f = facts({ ageYears: 27, district: "Charlois", monthsOnBenefit: 70, household: "coupleWithChildren" });
    const labels = (qi: (typeof QUASI_IDENTIFIERS)[number]) => GENERALISATION_LADDERS[qi].map((level) => level.label(f));
    expect(labels("ageBand")).toEqual(["25-29", "18-29", "18-39", ANY]);
    expect(labels("district")).toEqual(["Charlois", "Rotterdam-Zuid", ANY]);
    expect(labels("benefitBand")).toEqual(["60-119", "60+", "60+", ANY]);
    expect(labels("household")).toEqual(["coupleWithChildren", "withChildren", ANY]);
    // Every step is one level coarser than the one before, in one quasi-identifier.
    for (let i = 1; i < GENERALISATION_STEPS.length; i++) {
      const before = GENERALISATION_STEPS[i - 1] as Record<string, number>;
      const after = GENERALISATION_STEPS[i] as Record<string, number>;
      expect(QUASI_IDENTIFIERS.reduce((sum, qi) => sum + (after[qi] ?? 0) - (before[qi] ?? 0), 0)).toBe(1);
    }
  });

  it("releases the finest level when every group already holds k clients", () => {
    const rows = [...rowsOf(5, "2026-01"), ...rowsOf(6, "2026-01", { district: "Overschie" })];
    const result = anonymise(rows);
    expect(result.step).toEqual(GENERALISATION_STEPS[0]);
    expect(result.released.every(Boolean)).toBe(true);
    expect(result.smallestClass).toBe(5);
  });

  it("generalises district to the city area when two districts of one area are too small apart", () => {
    const rows = [
      ...rowsOf(300, "2026-01", { district: "Noord" }),
      ...rowsOf(3, "2026-01", { district: "Charlois" }),
      ...rowsOf(3, "2026-01", { district: "Feijenoord" }),
    ];
    const result = anonymise(rows);
    expect(result.released.every(Boolean)).toBe(true);
    expect(result.valuesOf(300).district).toBe("Rotterdam-Zuid");
    expect(result.valuesOf(300)).toEqual(generalise(rows[300]?.facts as QuasiFacts, result.step));
  });

  it("suppresses a small group instead of coarsening everyone when it is at most 1 % of the rows", () => {
    const rows = [...rowsOf(500, "2026-01"), ...rowsOf(2, "2026-01", { district: "Pernis", ageYears: 64 })];
    const result = anonymise(rows);
    expect(result.step).toEqual(GENERALISATION_STEPS[0]);
    expect(result.suppressedRows).toBe(2);
    expect(result.released.filter((r) => !r)).toHaveLength(2);
  });

  it("suppresses a month with fewer than k clients in all, at the coarsest step", () => {
    const result = anonymise(rowsOf(K_ANONYMITY - 1, "2026-01"));
    expect(result.released.some(Boolean)).toBe(false);
    expect(result.smallestClass).toBeNull();
  });

  it("bands WHO-5 on the percentage scale, ages in whole years and time on benefit in whole months", () => {
    expect([0, 7, 8, 12, 13, 25].map(who5BandOf)).toEqual(["0-28", "0-28", "29-50", "29-50", "51-100", "51-100"]);
    expect(ageOn("1990-06-15", "2026-06-14")).toBe(35);
    expect(ageOn("1990-06-15", "2026-06-15")).toBe(36);
    expect(monthsBetween("2024-01-31", "2024-03-01")).toBe(1);
    expect(monthsBetween("2024-01-01", "2024-03-01")).toBe(2);
  });

  it("gives the same client the same pseudonym under the same key, and another under another key", () => {
    expect(pseudonymOf("c-1", "k".repeat(32))).toBe(pseudonymOf("c-1", "k".repeat(32)));
    expect(pseudonymOf("c-1", "k".repeat(32))).not.toBe(pseudonymOf("c-1", "x".repeat(32)));
    expect(pseudonymOf("c-1", "k".repeat(32))).toMatch(/^[0-9a-f]{32}$/);
  });

  it("describes every column of the file in the dictionary, with a ladder for each quasi-identifier", () => {
    expect(RESEARCH_EXPORT_DICTIONARY.columns.map((c) => c.name)).toEqual([...RESEARCH_EXPORT_COLUMNS]);
    for (const c of RESEARCH_EXPORT_DICTIONARY.columns) {
      expect(c.generalisation.length > 0).toBe((QUASI_IDENTIFIERS as readonly string[]).includes(c.name));
    }
  });
});

// Generated populations: each client carries every direct identifier the register holds, beside the facts the export reads.
const digits = (n: number) => fc.stringMatching(new RegExp(`^[1-9][0-9]{${n - 1}}$`));
const day = (fromYear: number, toYear: number) =>
  fc
    .record({ y: fc.integer({ min: fromYear, max: toYear }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const person = fc.record({
  id: fc.uuid(),
  bsn: digits(9),
  givenName: fc.stringMatching(/^[A-Z][a-z]{5,10}$/),
  familyName: fc.stringMatching(/^[A-Z][a-z]{5,10}$/),
  email: fc.emailAddress(),
  phone: digits(10).map((d) => `06${d.slice(2)}`),
  postcode: fc.stringMatching(/^30[0-9]{2} [A-Z]{2}$/),
  houseNumber: fc.integer({ min: 100, max: 999 }),
  birthDate: day(1958, 2006),
  district: fc.constantFrom("Charlois", "Feijenoord", "Noord", "Overschie", "Pernis", null),
  benefitStartDate: day(2010, 2026),
  household: fc.constantFrom(...HOUSEHOLD_SITUATIONS),
  rung: fc.integer({ min: 1, max: 6 }),
  who5Raw: fc.integer({ min: 0, max: 25 }),
  placed: fc.boolean(),
});

describe("research export on generated populations (property)", () => {
  it("releases only groups of at least k clients, and never a direct identifier", () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 120 }), (people) => {
        const input: ExportFacts = {
          // The extra fields stand for everything else in the register: the export must not let any of it through.
          clients: people as unknown as ExportFacts["clients"],
          ladder: people.map((p) => ({ clientId: p.id, rung: p.rung, on: "2026-01-10" })),
          checkIns: people.map((p) => ({ clientId: p.id, who5Raw: p.who5Raw, on: "2026-02-10" })),
          placements: people
            .filter((p) => p.placed)
            .map((p) => ({ clientId: p.id, startedOn: "2026-01-05", endedOn: "2026-02-20", endReason: "completed", hours: 6 })),
          steps: [],
          exemptions: [],
          sanctions: [],
        };
        const { csv, summary } = buildResearchExport({ facts: input, from: "2026-01-01", to: "2026-03-31", pseudonymKey: "k".repeat(32) });
        const records = parse(csv, { columns: true }) as Record<string, string>[];
        expect(records).toHaveLength(summary.rowCount);
        if (records.length > 0) expect(smallestClass(records)).toBeGreaterThanOrEqual(K_ANONYMITY);
        const cells = new Set(records.flatMap((r) => Object.values(r)));
        for (const p of people) {
          for (const value of [p.id, p.bsn, p.email, p.phone, p.postcode, p.birthDate, p.givenName, p.familyName]) {
            expect(csv.includes(value), value).toBe(false);
          }
          expect(cells.has(String(p.houseNumber))).toBe(false);
        }
      }),
      { seed: 20261203, numRuns: 60 },
    );
  });
});
