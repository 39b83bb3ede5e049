import { FIELD_ERROR_CODES, PROBLEM_CODES } from "@shared/problem-codes.js";
import { ApiError } from "@web/api/client.js";
import { problemMessage } from "@web/components/problems.js";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import nl from "./nl.json";

const languages = { nl, en };

function textAt(texts: Record<string, unknown>, section: string, code: string): unknown {
  const group = texts[section];
  return group && typeof group === "object" ? (group as Record<string, unknown>)[code] : undefined;
}

describe("messages for the server's problem codes", () => {
  for (const [language, texts] of Object.entries(languages)) {
    it(`has a ${language} message for every problem code`, () => {
      const missing = PROBLEM_CODES.filter((code) => typeof textAt(texts, "problems", code) !== "string");
      expect(missing).toEqual([]);
    });

    it(`has a general ${language} message for every field code`, () => {
      const missing = FIELD_ERROR_CODES.filter((code) => typeof textAt(texts, "fieldErrors", code) !== "string");
      expect(missing).toEqual([]);
    });
  }

  it("lists each code once", () => {
    expect(new Set(PROBLEM_CODES).size).toBe(PROBLEM_CODES.length);
    expect(new Set(FIELD_ERROR_CODES).size).toBe(FIELD_ERROR_CODES.length);
  });

  it("shows the Dutch message of a refusal instead of the server's English detail", async () => {
    const t = i18next.createInstance();
    await t.init({ lng: "nl", resources: { nl: { translation: nl } } });
    const refusal = new ApiError({
      status: 409,
      title: "Refused by a rule",
      detail: "All places of this role are taken.",
      code: "roleFull",
    });
    expect(problemMessage(t.t, refusal)).toBe(nl.problems.roleFull);
  });
});
