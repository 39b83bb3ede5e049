import { describe, expect, it } from "vitest";
import { nullCharacterPaths } from "./text-input.js";

describe("nullCharacterPaths", () => {
  it("names every string holding a NUL character by its path, in arrays and nested objects too", () => {
    const body = { name: "a\u0000", ok: "fine", list: ["x", "y\u0000"], nested: { deep: [{ text: "\u0000" }] }, n: 1 };
    expect(nullCharacterPaths(body)).toEqual(["name", "list.1", "nested.deep.0.text"]);
  });

  it("names a key holding one, and a body that is itself such a string", () => {
    expect(nullCharacterPaths({ "a\u0000": 1 })).toEqual(["a\\0"]);
    expect(nullCharacterPaths("\u0000")).toEqual(["body"]);
  });

  it("finds nothing in text without one", () => {
    expect(nullCharacterPaths({ text: "\u202Eevil\u200B", list: [null, true, 3] })).toEqual([]);
  });
});
