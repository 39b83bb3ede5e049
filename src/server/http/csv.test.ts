import { describe, expect, it } from "vitest";
import { csvField, spreadsheetSafe } from "./csv.js";

describe("csvField", () => {
  it("quotes a field holding its separator, a quote or a line break, and leaves others as they are", () => {
    expect(csvField("Jansen", ";")).toBe("Jansen");
    expect(csvField("a;b", ";")).toBe('"a;b"');
    expect(csvField("a;b", ",")).toBe("a;b");
    expect(csvField("a,b", ",")).toBe('"a,b"');
    expect(csvField('zei "ja"', ";")).toBe('"zei ""ja"""');
    expect(csvField("regel\nregel", ";")).toBe('"regel\nregel"');
  });
});

describe("spreadsheetSafe", () => {
  it("puts an apostrophe before text a spreadsheet would run as a formula", () => {
    for (const formula of ["=1+1", "+31", "-2", "@SUM(A1)", "\tx", "\rx"]) expect(spreadsheetSafe(formula)).toBe(`'${formula}`);
    for (const plain of ["Jansen", "van der Berg", "3082 TA Rotterdam", ""]) expect(spreadsheetSafe(plain)).toBe(plain);
  });
});
