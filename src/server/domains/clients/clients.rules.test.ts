import { refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import {
  assertAccessReasonGiven,
  assertBenefitEndAfterStart,
  assertBenefitRunning,
  assertBsnFree,
  assertWithinRegistryAge,
  hasBenefitEnded,
  hasReachedStatePensionAge,
  type StatePensionAge,
  statePensionDate,
} from "./clients.rules.js";

const clientId = "8a6e0804-2bd3-4b7a-b7c4-6e4b2a1f0c11";

/** A small table in the shape of the Dutch one: an open start, a row with months, an open end. */
const PENSION_AGES: StatePensionAge[] = [
  { bornFrom: null, bornUntil: "1956-05-31", years: 66, months: 7 },
  { bornFrom: "1956-06-01", bornUntil: "1960-12-31", years: 67, months: 0 },
  { bornFrom: "1961-01-01", bornUntil: null, years: 67, months: 3 },
];

describe("clients refusals", () => {
  /** Each refusal the rules file can give, with a case that gives it and a neighbouring case that passes. */
  const table: Record<string, { refused: () => void; allowed: () => void }> = {
    duplicateBsn: {
      refused: () => assertBsnFree({ clientId, inScope: true }),
      allowed: () => assertBsnFree(undefined),
    },
    bsnNeedsReview: {
      refused: () => assertBsnFree({ clientId, inScope: false }),
      allowed: () => assertBsnFree(undefined),
    },
    underMinimumAge: {
      refused: () => assertWithinRegistryAge("2008-12-04", "2026-12-03", PENSION_AGES),
      allowed: () => assertWithinRegistryAge("2008-12-03", "2026-12-03", PENSION_AGES),
    },
    statePensionAge: {
      // Born in 1959: 67 years, reached on 2026-12-03.
      refused: () => assertWithinRegistryAge("1959-12-03", "2026-12-03", PENSION_AGES),
      allowed: () => assertWithinRegistryAge("1959-12-04", "2026-12-03", PENSION_AGES),
    },
    benefitAlreadyEnded: {
      refused: () => assertBenefitRunning({ benefit_end_date: "2026-11-30" }),
      allowed: () => assertBenefitRunning({ benefit_end_date: null }),
    },
    "accessReason:required": {
      refused: () => assertAccessReasonGiven("admin", undefined),
      allowed: () => assertAccessReasonGiven("admin", "dataRequest"),
    },
    "benefitEndDate:beforeBenefitStart": {
      refused: () => assertBenefitEndAfterStart("2020-01-01", "2019-12-31"),
      allowed: () => assertBenefitEndAfterStart("2020-01-01", "2020-01-01"),
    },
  };

  it("has a case for every refusal code in clients.rules.ts", () => {
    expect(Object.keys(table).sort()).toEqual(refusalCodesIn(new URL("./clients.rules.ts", import.meta.url)));
  });

  it.each(Object.entries(table))("refuses with %s and lets the neighbouring case pass", (code, { refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });

  it("asks a reason of administrators only", () => {
    for (const role of ["consultant", "teamLead", "host", "client", "researcher"] as const)
      expect(
        refusalOf(() => assertAccessReasonGiven(role, undefined)),
        role,
      ).toBeNull();
  });

  it("names birthDate when refusing for age", () => {
    for (const birthDate of ["2010-01-01", "1950-01-01"]) {
      try {
        assertWithinRegistryAge(birthDate, "2026-12-03", PENSION_AGES);
        expect.unreachable();
      } catch (error) {
        expect((error as { invalidParams?: { name: string }[] }).invalidParams?.[0]?.name).toBe("birthDate");
      }
    }
  });

  it("tells nothing of a holder outside the caller's scope: the refusal is the same for any of them", () => {
    const refusal = (id: string) => {
      try {
        assertBsnFree({ clientId: id, inScope: false });
      } catch (error) {
        return JSON.stringify(error);
      }
    };
    expect(refusal(clientId)).toBe(refusal("0f3c2a6e-9a51-4f7e-8f5b-2f1d3c4b5a69"));
    expect(refusal(clientId)).not.toContain(clientId);
  });
});

describe("state pension age", () => {
  it("adds the row's years and months to the birth date, by the row the birth date falls in", () => {
    expect(statePensionDate("1956-05-31", PENSION_AGES)).toBe("2022-12-31");
    expect(statePensionDate("1956-06-01", PENSION_AGES)).toBe("2023-06-01");
    expect(statePensionDate("1961-01-01", PENSION_AGES)).toBe("2028-04-01");
  });

  it("knows no date for a birth date the table does not cover, and then applies none", () => {
    const closed = PENSION_AGES.slice(0, 2);
    expect(statePensionDate("1970-01-01", closed)).toBeNull();
    expect(hasReachedStatePensionAge("1970-01-01", "2100-01-01", closed)).toBe(false);
  });

  it("is reached on the day itself, not the day before", () => {
    expect(hasReachedStatePensionAge("1961-01-01", "2028-03-31", PENSION_AGES)).toBe(false);
    expect(hasReachedStatePensionAge("1961-01-01", "2028-04-01", PENSION_AGES)).toBe(true);
  });
});

describe("benefit end", () => {
  it("counts as ended from its last day on", () => {
    expect(hasBenefitEnded(null, "2026-12-03")).toBe(false);
    expect(hasBenefitEnded("2026-12-04", "2026-12-03")).toBe(false);
    expect(hasBenefitEnded("2026-12-03", "2026-12-03")).toBe(true);
  });
});
