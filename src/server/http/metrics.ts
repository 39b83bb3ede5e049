import { timingSafeEqual } from "node:crypto";
import type { Database } from "@server/db/schema.js";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { countPlansInProgress } from "../domains/matching/match-plans.repo.js";
import { countRunningRuns } from "../domains/scheduler/scheduler.repo.js";
import { unauthenticated } from "./errors.js";

export const METRICS_PATH = "/metrics";

/** Label of a request that matched no route: its URL is never a label (it may hold an id or a BSN). */
const UNMATCHED = "unmatched";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus metrics at `/metrics`: requests counted and timed per route pattern (`/api/v1/clients/:id`, never the
 * URL), method and status class; the process's default metrics (event-loop lag, memory, CPU, handles); and the
 * background jobs in progress, read from the database when scraped, so every instance reports the shared queue.
 * With a token configured, a scrape must send it as `Authorization: Bearer`, or gets 401.
 */
export function registerMetrics(app: FastifyInstance, db: Kysely<Database>, token: string | undefined): void {
  const register = new Registry();
  collectDefaultMetrics({ register });
  const labelNames = ["method", "route", "status_class"] as const;
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status class",
    labelNames,
    registers: [register],
  });
  const durations = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method, route pattern and status class",
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [register],
  });
  new Gauge({
    name: "background_jobs_in_progress",
    help: "Background jobs queued or running on this database: match plans (matchPlan) and daily job runs (daily)",
    labelNames: ["job"],
    registers: [register],
    async collect() {
      this.set({ job: "matchPlan" }, await countPlansInProgress(db));
      this.set({ job: "daily" }, await countRunningRuns(db));
    },
  });

  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? UNMATCHED;
    if (route === METRICS_PATH) return;
    const labels = { method: request.method, route, status_class: `${Math.floor(reply.statusCode / 100)}xx` };
    requests.inc(labels);
    durations.observe(labels, reply.elapsedTime / 1000);
  });

  app.get(METRICS_PATH, { schema: { hide: true } }, async (request, reply) => {
    const header = request.headers.authorization ?? "";
    if (token !== undefined && !(header.startsWith("Bearer ") && sameSecret(header.slice("Bearer ".length), token))) {
      throw unauthenticated("Send the metrics token in the Authorization header: Bearer <METRICS_TOKEN>.");
    }
    return reply.type(register.contentType).send(await register.metrics());
  });
}
