import { createTestApp, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BUDDIES } from "./buddies.js";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clients: 400, historyShare: 0.3 });
}, 240_000);
afterAll(() => t.close());

describe("the demo's Overschie buddy group", () => {
  it("has trained buddies with their agreement, pairs with meetings, and one pairing ended", async () => {
    const k = t.db.kysely;
    const buddies = await k
      .selectFrom("buddies")
      .innerJoin("clients", "clients.id", "buddies.client_id")
      .innerJoin("decisions", "decisions.id", "buddies.decision_id")
      .select(["clients.district", "decisions.type", "buddies.trained_on", "buddies.since"])
      .execute();
    expect(buddies.length).toBe(DEMO_BUDDIES);
    for (const buddy of buddies) {
      expect(buddy).toMatchObject({ district: "Overschie", type: "buddyAgreement" });
      expect(buddy.trained_on < buddy.since).toBe(true);
    }
    const pairings = await k.selectFrom("buddy_pairings").select(["id", "status"]).execute();
    expect(pairings.length).toBeGreaterThanOrEqual(DEMO_BUDDIES);
    expect(pairings.filter((p) => p.status === "ended").length).toBe(1);
    const meetings = await k.selectFrom("buddy_meetings").select("pairing_id").execute();
    expect(new Set(meetings.map((m) => m.pairing_id)).size).toBe(pairings.length);
    const contributions = await k.selectFrom("contributions").select("kind").where("kind", "=", "peerBuddy").execute();
    expect(contributions.length).toBe(DEMO_BUDDIES);
  });
});
