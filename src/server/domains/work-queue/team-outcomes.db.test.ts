import { TestClock } from "@server/clock.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addMonths } from "@shared/dates.js";
import type { TeamMemberOutcomes } from "@shared/schemas/work-queue.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { who5Percentage } from "./team.rules.js";

const TODAY = "2026-06-15";
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clients: 400, seed: 11, historyShare: 0.6, clock: new TestClock(TODAY) });
}, 120_000);
afterAll(() => t?.close());

describe("the team page's outcomes per consultant", () => {
  it("counts lasting placements, endings by attribution, the WHO-5 and open objections as the rows say", async () => {
    const lead = await bearerFor(t.app, "teamleider@demo.local");
    const response = await t.app.inject({ url: "/api/v1/team", headers: lead });
    expect(response.statusCode).toBe(200);
    const items: { consultantId: string; outcomes: TeamMemberOutcomes }[] = response.json().items;
    expect(items.length).toBeGreaterThan(0);
    const db = t.db.kysely;
    const threeMonthsAgo = addMonths(TODAY, -3);
    const placements = await db
      .selectFrom("placements")
      .innerJoin("clients", "clients.id", "placements.client_id")
      .select(["clients.consultant_id", "placements.started_on", "placements.ended_on", "placements.attributable_to"])
      .execute();
    const checkIns = await db
      .selectFrom("check_ins")
      .innerJoin("clients", "clients.id", "check_ins.client_id")
      .select(["clients.consultant_id", "check_ins.held_on", "check_ins.who5_raw"])
      .execute();
    let started = 0;
    let endings = 0;
    for (const { consultantId, outcomes } of items) {
      const own = placements.filter((p) => p.consultant_id === consultantId);
      const begun = own.filter((p) => p.started_on && p.started_on <= threeMonthsAgo);
      const lasted = begun.filter((p) => !p.ended_on || p.ended_on >= addMonths(p.started_on as string, 3));
      expect(outcomes.placementsStarted, consultantId).toBe(begun.length);
      expect(outcomes.placementsLasted, consultantId).toBe(lasted.length);
      const ended = own.filter((p) => p.ended_on && p.ended_on >= addMonths(TODAY, -12));
      expect(
        Object.values(outcomes.endings).reduce((a, b) => a + b, 0),
        consultantId,
      ).toBe(ended.length);
      expect(outcomes.endings.undetermined).toBe(
        ended.filter((p) => p.attributable_to === null || p.attributable_to === "undetermined").length,
      );
      const recent = checkIns.filter((c) => c.consultant_id === consultantId && c.held_on >= threeMonthsAgo && c.held_on <= TODAY);
      const mean = recent.length ? who5Percentage(recent.reduce((sum, c) => sum + c.who5_raw, 0) / recent.length) : null;
      expect(outcomes.who5Recent, consultantId).toBe(mean);
      started += begun.length;
      endings += ended.length;
    }
    // The demo history gives the team placements to count.
    expect(started).toBeGreaterThan(0);
    expect(endings).toBeGreaterThan(0);
  }, 60_000);
});
