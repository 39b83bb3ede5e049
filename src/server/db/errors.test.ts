import { describe, expect, it } from "vitest";
import { brokenUniqueRule, UNIQUE_RULES } from "./errors.js";

const sqlite = (columns: string) => Object.assign(new Error(`UNIQUE constraint failed: ${columns}`), { code: "SQLITE_CONSTRAINT_UNIQUE" });
const postgres = (constraint: string) =>
  Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505", constraint });

describe("brokenUniqueRule", () => {
  it.each([
    ["appointments_no_double_booking", "appointments.consultant_id, appointments.starts_at", "slotTaken"],
    ["plans_one_draft", "plans.client_id", "draftExists"],
    ["sanctions_one_per_appointment", "sanctions.appointment_id", "duplicateFact"],
    ["clients_bsn_key", "clients.bsn", "duplicateBsn"],
    // An index on an expression: SQLite names the index itself.
    ["match_plans_one_in_progress", "index 'match_plans_one_in_progress'", "planRunning"],
  ])("names the rule of %s on both databases", (index, columns, code) => {
    expect(brokenUniqueRule(postgres(index))?.code).toBe(code);
    expect(brokenUniqueRule(sqlite(columns))?.code).toBe(code);
  });

  it("refuses a violation of an index without a rule as alreadyExists, still a 409 and not a 500", () => {
    expect(brokenUniqueRule(postgres("some_new_index"))?.code).toBe("alreadyExists");
    expect(brokenUniqueRule(sqlite("letters.sha256"))?.code).toBe("alreadyExists");
  });

  it("leaves every other error alone", () => {
    expect(brokenUniqueRule(Object.assign(new Error("deadlock detected"), { code: "40P01" }))).toBeNull();
    expect(brokenUniqueRule(new Error("boom"))).toBeNull();
    expect(brokenUniqueRule(null)).toBeNull();
  });

  it("knows each index once", () => {
    expect(new Set(UNIQUE_RULES.map((r) => r.index)).size).toBe(UNIQUE_RULES.length);
    expect(new Set(UNIQUE_RULES.map((r) => r.columns)).size).toBe(UNIQUE_RULES.length);
  });
});
