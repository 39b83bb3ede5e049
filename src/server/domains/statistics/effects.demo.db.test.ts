import { TestClock } from "@server/clock.js";
import { DEMO_PLACEMENT_EFFECT } from "@server/demo/outcomes.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { EFFECT_OUTCOMES, type StatisticsEffects } from "@shared/schemas/statistics.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The demo population's history has a known effect of starting a placement built in (`demo/outcomes.ts`); the estimate
 * from the system's own records must find it within its interval. This checks the estimator and the generator against
 * each other: a bias in either (a wrong comparison group, a wrong horizon, outcomes that move without the effect) shows.
 */
let t: TestApp;
let body: StatisticsEffects;

beforeAll(async () => {
  t = await createTestApp({ clients: 5000, seed: 20261203, historyShare: 1 / 3, clock: new TestClock("2026-12-02") });
  const response = await t.app.inject({
    url: "/api/v1/statistics/effects?resamples=500&seed=1",
    headers: await bearerFor(t.app, "onderzoeker@demo.local"),
  });
  expect(response.statusCode, response.body).toBe(200);
  body = response.json();
}, 600_000);

afterAll(async () => {
  await t?.close();
});

describe("the effect estimate on the demo population", () => {
  it.each(EFFECT_OUTCOMES)("recovers the built-in effect of a placement on %s within its 95%% interval", (outcome) => {
    const estimate = body.estimates.find((e) => e.treatment === "placementStarted" && e.outcome === outcome);
    expect(estimate?.horizonMonths).toBe(DEMO_PLACEMENT_EFFECT.horizonMonths);
    expect(estimate?.ciLow, JSON.stringify(estimate)).not.toBeNull();
    const truth = DEMO_PLACEMENT_EFFECT[outcome];
    expect(estimate?.ciLow as number).toBeLessThanOrEqual(truth);
    expect(estimate?.ciHigh as number).toBeGreaterThanOrEqual(truth);
    // Not merely a wide interval: it excludes no effect at all.
    expect(estimate?.ciLow as number).toBeGreaterThan(0);
  });
});
