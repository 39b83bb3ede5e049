import { describe, expect, it } from "vitest";
import { isDutchMobile, normaliseDutchPhone } from "./phone.js";

describe("Dutch phone numbers", () => {
  it("accepts the ways people write a Dutch number, as ten digits", () => {
    for (const written of [
      "0612345678",
      "06-12345678",
      "06 12 34 56 78",
      "+31 6 12345678",
      "+31612345678",
      "0031612345678",
      "(010) 123 45 67",
    ]) {
      expect(normaliseDutchPhone(written), written).toMatch(/^0[1-9]\d{8}$/);
    }
    expect(normaliseDutchPhone("+31 (0)6")).toBeNull();
    expect(normaliseDutchPhone("010-1234567")).toBe("0101234567");
  });

  it("refuses what is not a Dutch number", () => {
    for (const written of ["", "12345", "061234567", "06123456789", "+32612345678", "0012345678", "06-1234567a", "+31 06 12345678"]) {
      expect(normaliseDutchPhone(written), written).toBeNull();
    }
  });

  it("knows a mobile number by its 06", () => {
    expect(isDutchMobile("+31 6 12345678")).toBe(true);
    expect(isDutchMobile("010 1234567")).toBe(false);
  });
});
