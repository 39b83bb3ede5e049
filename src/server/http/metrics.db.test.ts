import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApp } from "@server/app.js";
import { loadConfig } from "@server/config.js";
import { insertPlan } from "@server/domains/matching/match-plans.repo.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, createTestDatabase, type TestApp } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TOKEN = "a-scrape-token-of-at-least-24-characters";
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clients: 30, env: { METRICS: "on", METRICS_TOKEN: TOKEN } });
});
afterAll(() => t.close());

async function scrape(): Promise<string> {
  const response = await t.app.inject({ url: "/metrics", headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.body;
}

/** The value of one sample line, e.g. `http_requests_total{method="GET",route="/x",status_class="2xx"}`. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return Number(expectDefined(line, series).slice(series.length + 1));
}

describe("Prometheus metrics (METRICS=on)", () => {
  it("counts and times requests by route pattern and status class, and names no client in a label", async () => {
    const consultant = await bearerFor(t.app, "consulent@demo.local");
    const list = await t.app.inject({ url: "/api/v1/clients", headers: consultant });
    const client = expectDefined(list.json().items[0] as { id: string } | undefined, "a client in the caseload");
    const detail = await t.app.inject({ url: `/api/v1/clients/${client.id}`, headers: consultant });
    expect(detail.statusCode).toBe(200);
    const bsn = detail.json().bsn as string;
    expect(bsn).toMatch(/^\d{9}$/);
    const before = await scrape();
    const route = 'method="GET",route="/api/v1/clients/:id",status_class="2xx"';
    const countBefore = sample(before, `http_requests_total{${route}}`);
    for (let i = 0; i < 3; i++) await t.app.inject({ url: `/api/v1/clients/${client.id}`, headers: consultant });
    await t.app.inject({ url: `/api/v1/clients/${randomUUID()}`, headers: consultant });
    await t.app.inject({ url: `/api/v1/no-such-route/${bsn}` });

    const text = await scrape();
    expect(sample(text, `http_requests_total{${route}}`)).toBe(countBefore + 3);
    expect(sample(text, `http_requests_total{method="GET",route="/api/v1/clients/:id",status_class="4xx"}`)).toBe(1);
    expect(sample(text, `http_requests_total{method="GET",route="unmatched",status_class="4xx"}`)).toBe(1);
    expect(sample(text, `http_request_duration_seconds_count{${route}}`)).toBe(countBefore + 3);
    expect(sample(text, `http_request_duration_seconds_bucket{le="+Inf",${route}}`)).toBe(countBefore + 3);
    expect(text).toContain("# TYPE http_request_duration_seconds histogram");
    expect(text).toContain("# TYPE nodejs_eventloop_lag_seconds gauge");
    // Neither an id nor a BSN ever reaches the exposition, and a scrape does not count itself.
    expect(text).not.toContain(client.id);
    expect(text).not.toContain(bsn);
    expect(text).not.toContain('route="/metrics"');
  });

  it("reports the background jobs in progress, read from the database", async () => {
    expect(sample(await scrape(), 'background_jobs_in_progress{job="matchPlan"}')).toBe(0);
    await insertPlan(t.db.kysely, {
      id: randomUUID(),
      district: null,
      status: "queued",
      progress: 0,
      summary: null,
      error: null,
      requested_by: null,
      created_at: t.clock.now().toISOString(),
      finished_at: null,
    });
    const text = await scrape();
    expect(sample(text, 'background_jobs_in_progress{job="matchPlan"}')).toBe(1);
    expect(sample(text, 'background_jobs_in_progress{job="daily"}')).toBe(0);
  });

  it("answers 401 to a scrape without the token or with another one", async () => {
    for (const headers of [{}, { authorization: "Bearer not-the-token-at-all-not-at-all" }, { authorization: TOKEN }]) {
      const response = await t.app.inject({ url: "/metrics", headers });
      expect(response.statusCode).toBe(401);
      expect(response.body).not.toContain("http_requests_total");
    }
  });
});

describe("metrics off (the default)", () => {
  it("answers 404 at /metrics, also when the web app is served", async () => {
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), "nv-metrics-web-"));
    fs.writeFileSync(path.join(webRoot, "index.html"), "<!doctype html><title>Naar Vermogen</title>");
    const db = await createTestDatabase();
    const app = await createApp({ config: loadConfig({ NODE_ENV: "test" }), db, logger: false, webRoot });
    try {
      expect((await app.inject({ url: "/clients" })).statusCode).toBe(200);
      const response = await app.inject({ url: "/metrics", headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.statusCode).toBe(404);
      expect(response.headers["content-type"]).toMatch(/application\/problem\+json/);
    } finally {
      await app.close();
      await db.drop();
      fs.rmSync(webRoot, { recursive: true, force: true });
    }
  });
});
