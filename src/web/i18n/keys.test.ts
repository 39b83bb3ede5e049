import { describe, expect, it } from "vitest";
import en from "./en.json";
import nl from "./nl.json";

/** Every text as its dotted key and its value. */
function textsOf(value: unknown, prefix = ""): [string, unknown][] {
  if (typeof value !== "object" || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) => textsOf(child, prefix ? `${prefix}.${key}` : key));
}

const keysOf = (value: unknown) => textsOf(value).map(([key]) => key);

describe("translations", () => {
  it("has every Dutch text in English too, and nothing English-only", () => {
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
  });

  it("leaves no text empty", () => {
    const empty = (texts: unknown) => textsOf(texts).flatMap(([key, text]) => (text === "" ? [key] : []));
    expect(empty(nl)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
