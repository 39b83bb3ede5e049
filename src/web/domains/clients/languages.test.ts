import { describe, expect, it } from "vitest";
import { emptyClientValues, toCreateInput } from "./clientFormModel.js";
import { COMMON_LANGUAGES, languageCodesOf, otherLanguages } from "./languages.js";

describe("the languages of the client form", () => {
  it("reads the form's codes as a list without repeats, as the API takes them", () => {
    expect(languageCodesOf("nl, AR,  tr nl")).toEqual(["nl", "ar", "tr"]);
    expect(languageCodesOf("")).toEqual([]);
  });

  it("sends the chosen languages as codes", () => {
    const input = toCreateInput({ ...emptyClientValues(), languages: "nl, ar, ta" });
    expect(input.languages).toEqual(["nl", "ar", "ta"]);
  });

  it("offers every other language by its name in the UI language, in alphabetical order", () => {
    const dutch = otherLanguages("nl");
    const tamil = dutch.find((option) => option.value === "ta");
    expect(tamil?.label).toBe("Tamil");
    expect(dutch.find((option) => option.value === "sq")?.label).toBe("Albanees");
    expect(otherLanguages("en").find((option) => option.value === "sq")?.label).toBe("Albanian");
    const labels = dutch.map((option) => option.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "nl")));
  });

  it("offers no language twice and no code without a name", () => {
    const codes = otherLanguages("nl").map((option) => option.value);
    for (const code of COMMON_LANGUAGES) expect(codes).not.toContain(code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const option of otherLanguages("nl")) expect(option.label).not.toBe(option.value);
  });

  it("fits the API's rule for a language code", () => {
    for (const code of [...COMMON_LANGUAGES, ...otherLanguages("nl").map((option) => option.value)]) expect(code).toMatch(/^[a-z]{2,3}$/);
  });
});
