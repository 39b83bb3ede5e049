import fs from "node:fs";
import path from "node:path";
import { APPOINTMENT_STATUSES } from "@shared/schemas/appointments.js";
import { describe, expect, it } from "vitest";
import { ACCESS_PURPOSES, ACTIONS_WITHOUT_CLIENT, purposeOf } from "./access-purposes.js";

const SERVER = path.join(import.meta.dirname, "..", "..");
const AUDIT_CALL = /\brecord(System)?Audit\(|insertAuditEvent\(/;
const ACTION_LITERAL = /["'`]([a-z][a-zA-Z]*\.[a-z][a-zA-Z]*)["'`]/g;
const ACTION_FIELD = /action:\s*"([a-z][a-zA-Z]*\.[a-z][a-zA-Z]*)"/g;
const TEMPLATE_ACTION = /action:\s*`([a-zA-Z]+)\.\$\{/g;
/** Dotted literals in auditing files that are not actions: field paths named in a refusal or a letter. */
const NOT_ACTIONS = new Set(["agreement.endDate", "agreement.hoursPerWeek", "remedy.from", "remedy.until", "caregiving.status"]);
/** Actions written as a template: what each can become. */
const TEMPLATE_EXPANSIONS: Record<string, string[]> = {
  appointment: APPOINTMENT_STATUSES.filter((status) => status !== "planned").map((status) => `appointment.${status}`),
  placement: ["placement.accept", "placement.decline"],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "testing" ? [] : sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.includes(".test.") ? [full] : [];
  });
}

/** Every audit action the server can record, as its sources write them. */
function auditActionsInSources(): { actions: Set<string>; templates: Set<string> } {
  const actions = new Set<string>();
  const templates = new Set<string>();
  for (const file of sourceFiles(SERVER)) {
    const text = fs.readFileSync(file, "utf8");
    // In a file that records audit events every dotted literal counts (a policy's name aside); elsewhere `action:`.
    const audits = AUDIT_CALL.test(text);
    for (const match of text.matchAll(audits ? ACTION_LITERAL : ACTION_FIELD)) {
      const literal = match[1];
      if (!literal || NOT_ACTIONS.has(literal) || text.slice(Math.max(0, match.index - 6), match.index) === "roles(") continue;
      actions.add(literal);
    }
    for (const [, prefix] of text.matchAll(TEMPLATE_ACTION)) if (prefix) templates.add(prefix);
  }
  return { actions, templates };
}

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
