import fs from "node:fs";
import path from "node:path";
import { auditActionsInSources, TEMPLATE_EXPANSIONS } from "@server/testing/audit-actions.js";
import { AUDIT_CATEGORIES } from "@shared/enums.js";
import en from "@web/i18n/en.json";
import nl from "@web/i18n/nl.json";
import { describe, expect, it } from "vitest";

/** The text at a dotted key, as i18next finds it (`.` separates levels; `:` is no namespace separator here). */
function textAt(texts: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), texts);
}

const LANGUAGES = { nl, en } as const;
const SERVER = path.join(import.meta.dirname, "..", "..");

describe("the audit log in words", () => {
  const { actions } = auditActionsInSources();
  const every = [...actions, ...Object.values(TEMPLATE_EXPANSIONS).flat()].filter((action) => !action.startsWith("test."));

  it("has a label for every audit action the server records, in Dutch and in English", () => {
    expect(every.length).toBeGreaterThan(100);
    for (const [language, texts] of Object.entries(LANGUAGES)) {
      const missing = every.filter((action) => typeof textAt(texts, `auditActions.${action}`) !== "string");
      expect(missing, language).toEqual([]);
    }
  });

  it("has a label for every kind (category), read:profile included", () => {
    for (const [language, texts] of Object.entries(LANGUAGES)) {
      const categories = (texts as { auditCategories: Record<string, unknown> }).auditCategories;
      expect(
        AUDIT_CATEGORIES.filter((category) => typeof categories[category] !== "string"),
        language,
      ).toEqual([]);
    }
  });

  it("names every kind of record an audit event is about, in both languages", () => {
    const subjects = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith(".ts") && !entry.name.includes(".test."))
          for (const [, subject] of fs.readFileSync(full, "utf8").matchAll(/subjectType: "([a-zA-Z]+)"/g))
            if (subject) subjects.add(subject);
      }
    };
    walk(SERVER);
    expect(subjects.size).toBeGreaterThan(20);
    for (const [language, texts] of Object.entries(LANGUAGES)) {
      const missing = [...subjects].filter((subject) => typeof textAt(texts, `auditSubjects.${subject}`) !== "string");
      expect(missing, language).toEqual([]);
    }
  });
});
