import { describe, expect, it } from "vitest";
import { z } from "zod";
import { jsonStringList, parseJsonColumn } from "./json.js";

describe("JSON columns", () => {
  it("are read through their schema", () => {
    expect(parseJsonColumn(jsonStringList, '["koken","tuin"]')).toEqual(["koken", "tuin"]);
    expect(parseJsonColumn(z.object({ code: z.string().optional() }), '{"code":"notCulpable","extra":1}')).toEqual({ code: "notCulpable" });
  });

  it("refuse a stored value of another shape instead of passing it on", () => {
    expect(() => parseJsonColumn(jsonStringList, "[1,2]")).toThrow();
    expect(() => parseJsonColumn(jsonStringList, '{"a":"b"}')).toThrow();
    expect(() => parseJsonColumn(jsonStringList, "not json")).toThrow(SyntaxError);
  });
});
