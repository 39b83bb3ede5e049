import fs from "node:fs";
import path from "node:path";
import { APPOINTMENT_STATUSES } from "@shared/schemas/appointments.js";

const SERVER = path.join(import.meta.dirname, "..");
const AUDIT_CALL = /\brecord(System)?Audit\(|insertAuditEvent\(/;
const ACTION_LITERAL = /["'`]([a-z][a-zA-Z]*\.[a-z][a-zA-Z]*(?:\.[a-z][a-zA-Z]*)?)["'`]/g;
const ACTION_FIELD = /action:\s*"([a-z][a-zA-Z]*\.[a-z][a-zA-Z]*(?:\.[a-z][a-zA-Z]*)?)"/g;
const TEMPLATE_ACTION = /action:\s*`([a-zA-Z]+)\.\$\{/g;
/** Dotted literals in auditing files that are not actions: field paths named in a refusal or a letter, joined columns. */
const NOT_ACTIONS = new Set([
  "agreement.endDate",
  "agreement.hoursPerWeek",
  "remedy.from",
  "remedy.until",
  "caregiving.status",
  "clients.id",
  "users.id",
]);

/** Actions written as a template: what each can become. */
export const TEMPLATE_EXPANSIONS: Record<string, string[]> = {
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

/**
 * Every audit action the server can record, as its sources write them (tests only: `test.*` actions aside), and the
 * prefixes of the actions written as a template.
 */
export function auditActionsInSources(): { actions: Set<string>; templates: Set<string> } {
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
