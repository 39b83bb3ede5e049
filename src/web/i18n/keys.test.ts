import { describe, expect, it } from "vitest";
import en from "./en.json";
import nl from "./nl.json";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe("translations", () => {
  it("has every Dutch text in English too, and nothing English-only", () => {
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
  });

  it("leaves no text empty", () => {
    const empty = (texts: unknown) => keysOf(texts).filter((key) => key.split(".").reduce<any>((node, part) => node[part], texts) === "");
    expect(empty(nl)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
