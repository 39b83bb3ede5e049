import { auditActionsInSources, TEMPLATE_EXPANSIONS } from "@server/testing/audit-actions.js";
import { describe, expect, it } from "vitest";
import { ACCESS_PURPOSES, ACTIONS_WITHOUT_CLIENT, purposeOf } from "./access-purposes.js";

describe("the purpose of every access in plain words", () => {
  const { actions, templates } = auditActionsInSources();
  const explained = new Set([...Object.keys(ACCESS_PURPOSES), ...ACTIONS_WITHOUT_CLIENT]);

  it("finds the audit actions in the sources", () => {
    expect(actions.size).toBeGreaterThan(60);
    expect(actions).toContain("client.read");
    expect(actions).toContain("objection.lateness");
  });

  it("has a sentence, or a reason to have none, for every audit action the server records", () => {
    const missing = [...actions].filter((action) => !explained.has(action) && !action.startsWith("test."));
    expect(missing).toEqual([]);
  });

  it("knows what every action written as a template can become, and explains each", () => {
    expect([...templates].filter((prefix) => !(prefix in TEMPLATE_EXPANSIONS))).toEqual([]);
    const missing = Object.values(TEMPLATE_EXPANSIONS)
      .flat()
      .filter((action) => !(action in ACCESS_PURPOSES));
    expect(missing).toEqual([]);
  });

  it("gives each sentence in Dutch and English, short and ending in a full stop", () => {
    for (const [action, purpose] of Object.entries(ACCESS_PURPOSES)) {
      for (const text of [purpose.nl, purpose.en]) {
        expect(text, action).toMatch(/^[A-Z].*\.$/);
        expect(text.length, action).toBeLessThanOrEqual(140);
      }
      expect(purpose.nl, action).not.toBe(purpose.en);
    }
  });

  it("never lists an action both with a sentence and as one without a client", () => {
    expect(ACTIONS_WITHOUT_CLIENT.filter((action) => action in ACCESS_PURPOSES)).toEqual([]);
  });

  it("falls back to read or changed for an unknown action", () => {
    expect(purposeOf("someday.read", "read:sensitive").nl).toBe("Uw dossier is bekeken.");
    expect(purposeOf("someday.write", "write").en).toBe("Your file was changed.");
    expect(purposeOf("client.read", "read:sensitive")).toBe(ACCESS_PURPOSES["client.read"]);
  });
});
