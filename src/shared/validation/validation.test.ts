import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DISTRICTS, districtForPostcode, postcodeAreasOf } from "../districts.js";
import { completeBsn, isValidBsn, mayHoldBsn } from "./bsn.js";
import { isValidKvkNumber } from "./kvk.js";
import { normalisePostcode } from "./postcode.js";

describe("BSN eleven-test", () => {
  it("accepts known valid numbers and rejects their one-digit mutations", () => {
    expect(isValidBsn("111222333")).toBe(true);
    expect(isValidBsn("123456782")).toBe(true);
    expect(isValidBsn("111222334")).toBe(false);
    expect(isValidBsn("123456781")).toBe(false);
  });

  it("rejects wrong lengths, letters and all zeros", () => {
    for (const value of ["", "12345678", "1234567820", "12345678a", "000000000", " 11122233"]) {
      expect(isValidBsn(value), value).toBe(false);
    }
  });

  it("completeBsn yields a valid BSN for every prefix that has a check digit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000_000, max: 99_999_999 }), (n) => {
        const bsn = completeBsn(String(n));
        if (bsn !== null) expect(isValidBsn(bsn)).toBe(true);
        // Exactly one of the ten possible last digits passes, or none.
        const passing = Array.from({ length: 10 }, (_, d) => `${n}${d}`).filter(isValidBsn);
        expect(passing).toEqual(bsn ? [bsn] : []);
      }),
    );
  });

  it("mayHoldBsn spots a BSN however it is written, and lets names and postcodes through", () => {
    for (const text of ["123456782", "12345678", "123.456.782", "1234 56 782", "bsn 123-45-6782", "12 34 56 78", "0612345678"]) {
      expect(mayHoldBsn(text), text).toBe(true);
    }
    for (const text of ["de Vries", "3084 AB", "3084", "Jansen 12", "1234567", "3084 AB 12"]) {
      expect(mayHoldBsn(text), text).toBe(false);
    }
  });
});

describe("postcode", () => {
  it("normalises spacing and case", () => {
    expect(normalisePostcode("3084ab")).toBe("3084 AB");
    expect(normalisePostcode(" 3084 Ab ")).toBe("3084 AB");
  });

  it("rejects malformed postcodes and letter pairs PostNL does not issue", () => {
    for (const value of ["0123 AB", "308 AB", "3084 A", "3084 ABC", "ABCD 12", "3084 SS", "3084-AB"]) {
      expect(normalisePostcode(value), value).toBeNull();
    }
  });
});

describe("KvK number", () => {
  it("is exactly eight digits", () => {
    expect(isValidKvkNumber("12345678")).toBe(true);
    expect(isValidKvkNumber("1234567")).toBe(false);
    expect(isValidKvkNumber("1234567a")).toBe(false);
  });
});

describe("district table", () => {
  it("has Rotterdam's 14 districts, each reachable from one of its postcodes", () => {
    expect(DISTRICTS).toHaveLength(14);
    for (const district of DISTRICTS) {
      const areas = postcodeAreasOf(district);
      expect(areas.length, district).toBeGreaterThan(0);
      for (const area of areas) expect(districtForPostcode(`${area} AA`)).toBe(district);
    }
  });

  it("maps the edges of ranges and leaves addresses outside Rotterdam unmapped", () => {
    expect(districtForPostcode("3081 AA")).toBe("Charlois");
    expect(districtForPostcode("3083 AA")).toBe("Feijenoord");
    expect(districtForPostcode("3032 AA")).toBe("Centrum");
    expect(districtForPostcode("3195 AA")).toBe("Pernis");
    expect(districtForPostcode("1011 AB")).toBeNull();
    expect(districtForPostcode("3017 AA")).toBeNull();
  });

  it("no postcode area belongs to two districts", () => {
    const seen = new Map<number, string>();
    for (const district of DISTRICTS) {
      for (const area of postcodeAreasOf(district)) {
        expect(seen.get(area), `${area}`).toBeUndefined();
        seen.set(area, district);
      }
    }
  });
});
