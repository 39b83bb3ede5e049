import { TestClock } from "@server/clock.js";
import { createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthlyAllowanceCap } from "../domains/expenses/expenses.rules.js";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clients: 600, historyShare: 0.5, clock: new TestClock("2026-10-01") });
});

afterAll(async () => {
  await t?.close();
});

describe("the demo's hosts as partners", () => {
  it("names the contact person and records the introduction of every started placement", async () => {
    const started = await t.db.kysely
      .selectFrom("placements")
      .select(["host_contact_person", "introduction_held_on", "started_on", "introduction_client_verdict"])
      .where("started_on", "is not", null)
      .execute();
    expect(started.length).toBeGreaterThan(0);
    for (const p of started) {
      expect(p.host_contact_person).toBeTruthy();
      expect(p.introduction_held_on && p.started_on && p.introduction_held_on < p.started_on).toBe(true);
    }
  });

  it("holds some expense allowances, each within the month's tax-free limit", async () => {
    const rows = await t.db.kysely
      .selectFrom("placement_expenses")
      .innerJoin("placements", "placements.id", "placement_expenses.placement_id")
      .select(["placement_expenses.amount_cents", "placements.hours_per_week", "placement_expenses.paid_on"])
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    const limits = { year: 2026, hourly_cents: 560, monthly_cents: 21000, yearly_cents: 210000 };
    for (const row of rows) expect(row.amount_cents).toBeLessThanOrEqual(monthlyAllowanceCap(limits, row.hours_per_week));
    expect(rows.some((r) => r.paid_on === null)).toBe(true);
  });
});
