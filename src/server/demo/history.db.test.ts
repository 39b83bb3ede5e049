import { TestClock } from "@server/clock.js";
import { createTestDatabase } from "@server/testing/test-app.js";
import { addDays, addMonths } from "@shared/dates.js";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PLACEMENT_EFFECT, monthIndex, treatedOn } from "./outcomes.js";
import { seedDemoPopulation } from "./seed.js";

const TODAY = "2026-11-28";
const clock = new TestClock(`${TODAY}T08:00:00.000Z`);
const opened: { drop(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(opened.splice(0).map((db) => db.drop()));
});

/** A population seeded as the demo seeds it (the default history share). */
async function seeded(seed: number, clients: number) {
  const db = await createTestDatabase();
  opened.push(db);
  await seedDemoPopulation(db.kysely, { seed, clients, demoPassword: "demo", clock });
  return db.kysely;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe("the demo's two-year history", () => {
  // One population of a few thousand clients for the shares and the outcomes: seeding it lays out about 2,000 letters.
  it("invites a third of the cohort, a quarter has an intake and a plan, and outcomes rise once a placement starts", async () => {
    const k = await seeded(17, 2400);
    const distinctClients = async (table: "invitations" | "intakes" | "plans") =>
      (await k.selectFrom(table).select("client_id").distinct().execute()).length;
    const invited = (await distinctClients("invitations")) / 2400;
    const intake = (await distinctClients("intakes")) / 2400;
    const planned = (await distinctClients("plans")) / 2400;
    expect(invited).toBeGreaterThan(0.29);
    expect(invited).toBeLessThan(0.38);
    expect(intake).toBeGreaterThan(0.21);
    expect(intake).toBeLessThan(0.29);
    expect(planned).toBeGreaterThan(0.2);
    expect(planned).toBeLessThanOrEqual(intake);
    // Registered letters were delivered or came back.
    const deliveries = new Set(
      (await k.selectFrom("letters").select("delivery_status").where("kind", "=", "invitation").execute()).map((l) => l.delivery_status),
    );
    expect(deliveries).toContain("delivered");
    expect(deliveries).toContain("returned");

    // Placements start staggered over the two years; some still run, others ended with a reason.
    const placements = await k.selectFrom("placements").select(["client_id", "started_on", "status"]).execute();
    const startMonths = new Set(placements.map((p) => p.started_on?.slice(0, 7)));
    expect(startMonths.size).toBeGreaterThan(12);
    expect(new Set(placements.map((p) => p.status))).toEqual(new Set(["active", "ended"]));
    const startedOn = new Map(placements.flatMap((p) => (p.started_on ? [[p.client_id, p.started_on]] : [])));

    // Check-ins (WHO-5) and the ladder assessments made with them, per client in time order.
    const checkIns = await k.selectFrom("check_ins").select(["client_id", "held_on", "who5_raw"]).orderBy("held_on").execute();
    const rungs = await k
      .selectFrom("ladder_assessments")
      .select(["client_id", "assessed_on", "rung"])
      .where("source", "=", "checkIn")
      .orderBy("assessed_on")
      .execute();
    expect(rungs).toHaveLength(checkIns.length);
    // The within-client change from before to after the start, against the change of clients never placed over the
    // same kind of span (first half of their check-ins against the second): a simple difference-in-differences.
    const change = (rows: { client_id: string; on: string; value: number }[]) => {
      const byClient = new Map<string, { on: string; value: number }[]>();
      for (const row of rows) byClient.set(row.client_id, [...(byClient.get(row.client_id) ?? []), row]);
      const treated: number[] = [];
      const untreated: number[] = [];
      for (const [clientId, series] of byClient) {
        const start = startedOn.get(clientId) ?? null;
        if (start) {
          const before = series.filter((o) => !treatedOn(start, o.on)).map((o) => o.value);
          const after = series.filter((o) => treatedOn(start, o.on)).map((o) => o.value);
          if (before.length > 0 && after.length > 0) treated.push(mean(after) - mean(before));
        } else if (series.length >= 2) {
          const half = Math.floor(series.length / 2);
          untreated.push(mean(series.slice(half).map((o) => o.value)) - mean(series.slice(0, half).map((o) => o.value)));
        }
      }
      return { treated, untreated, difference: mean(treated) - mean(untreated) };
    };
    const who5 = change(checkIns.map((c) => ({ client_id: c.client_id, on: c.held_on, value: c.who5_raw })));
    const ladder = change(rungs.map((r) => ({ client_id: r.client_id, on: r.assessed_on, value: r.rung })));
    expect(who5.treated.length).toBeGreaterThan(50);
    expect(who5.untreated.length).toBeGreaterThan(200);
    // The right sign, and about the built-in size (the spans differ a little, so the common trend does not cancel exactly).
    expect(who5.difference).toBeGreaterThan(DEMO_PLACEMENT_EFFECT.who5 / 2);
    expect(who5.difference).toBeLessThan(DEMO_PLACEMENT_EFFECT.who5 * 1.5);
    expect(ladder.difference).toBeGreaterThan(DEMO_PLACEMENT_EFFECT.ladderRung / 2);
    expect(ladder.difference).toBeLessThan(DEMO_PLACEMENT_EFFECT.ladderRung * 1.5);
    // Observations cover the two years, month 0 to month 24.
    const months = new Set(checkIns.map((c) => monthIndex(c.held_on, TODAY)));
    expect(Math.min(...months)).toBeLessThanOrEqual(3);
    expect(Math.max(...months)).toBe(24);

    // Accountability: the accepted caregiving is asked about every six months since it was formalised, over both years;
    // most answer on time, some late (after a reminder), some not at all.
    const care = new Map(
      (await k.selectFrom("caregiving").select(["id", "created_at"]).where("beyond_customary_care", "=", 1).execute()).map((c) => [
        c.id,
        c.created_at.slice(0, 10),
      ]),
    );
    const requests = await k.selectFrom("accountability_requests").selectAll().orderBy("requested_on").execute();
    expect(requests.length).toBeGreaterThan(20);
    for (const r of requests) {
      const formalisedOn = care.get(r.subject_id) as string;
      expect(r.subject_type).toBe("caregiving");
      expect([6, 12, 18, 24].map((m) => addMonths(formalisedOn, m))).toContain(r.requested_on);
      expect(r.requested_on <= TODAY).toBe(true);
      expect(r.status).toBe(r.responded_on === null ? "open" : "confirmed");
      // A reminder went to those still open on its day, fourteen days after the request.
      const remindOn = addDays(r.requested_on, 14);
      expect(r.reminded_on).toBe(remindOn <= TODAY && (r.responded_on === null || r.responded_on > remindOn) ? remindOn : null);
    }
    const years = new Set(requests.map((r) => r.requested_on.slice(0, 4)));
    expect(years).toEqual(new Set(["2025", "2026"]));
    // Of the requests whose answer is in (or long overdue): on time by the ordinance's 28 days, late, or never.
    const settled = requests.filter((r) => addDays(r.requested_on, 28 + 45) < TODAY);
    const share = (test: (r: (typeof settled)[number]) => boolean) => settled.filter(test).length / settled.length;
    const onTime = share((r) => r.responded_on !== null && r.responded_on <= addDays(r.requested_on, 28));
    const late = share((r) => r.responded_on !== null && r.responded_on > addDays(r.requested_on, 28));
    expect(onTime).toBeGreaterThan(0.5);
    expect(onTime).toBeLessThan(0.9);
    expect(late).toBeGreaterThan(0.05);
    expect(1 - onTime - late).toBeGreaterThan(0.02);
    // Each request and reminder has its letter.
    const letterKinds = new Map(
      (await k.selectFrom("letters").select(["id", "kind"]).where("kind", "like", "accountability%").execute()).map((l) => [l.id, l.kind]),
    );
    for (const r of requests) {
      expect(letterKinds.get(r.letter_id)).toBe("accountabilityRequest");
      if (r.reminder_letter_id) expect(letterKinds.get(r.reminder_letter_id)).toBe("accountabilityReminder");
    }
  }, 300_000);

  it("makes the same rows from the same seed", async () => {
    const rowsOf = async (seed: number) => {
      const k = await seeded(seed, 300);
      return {
        invitations: await k.selectFrom("invitations").select(["id", "client_id", "letter_id", "sequence"]).orderBy("id").execute(),
        letters: await k
          .selectFrom("letters")
          .select(["id", "sha256", "delivery_status"])
          .where("kind", "in", ["invitation", "planConfirmation", "placementAgreement", "accountabilityRequest", "accountabilityReminder"])
          .orderBy("id")
          .execute(),
        checkIns: await k.selectFrom("check_ins").select(["id", "client_id", "held_on", "who5_items"]).orderBy("id").execute(),
        ladder: await k.selectFrom("ladder_assessments").select(["id", "rung", "source", "assessed_on"]).orderBy("id").execute(),
        placements: await k
          .selectFrom("placements")
          .select(["id", "client_id", "started_on", "ended_on", "end_reason"])
          .orderBy("id")
          .execute(),
        accountability: await k
          .selectFrom("accountability_requests")
          .select(["id", "subject_id", "requested_on", "letter_id", "reminded_on", "status", "responded_on"])
          .orderBy("id")
          .execute(),
        // Sanctions are made through the services, which number their own rows: compared by client and status.
        sanctions: await k.selectFrom("sanctions").select(["client_id", "status"]).orderBy("client_id").orderBy("status").execute(),
      };
    };
    const first = await rowsOf(23);
    expect(first.checkIns.length).toBeGreaterThan(0);
    expect(first.letters.length).toBeGreaterThan(0);
    expect(await rowsOf(23)).toEqual(first);
  }, 300_000);
});
