import { createApp } from "@server/app.js";
import { TestClock } from "@server/clock.js";
import { loadConfig } from "@server/config.js";
import { connectDatabase, type Db } from "@server/db/connection.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { buildClient } from "@server/testing/factories.js";
import { bearerFor, createTestApp, type TestApp, testDatabaseKind } from "@server/testing/test-app.js";
import { addMonths, todayInAmsterdam } from "@shared/dates.js";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Two listening servers, each with its own connection pool, over one PostgreSQL schema: what runs behind a proxy.
// SQLite is one process's engine (two apps in one process on one file would wait on each other's write lock while
// holding the event loop), so this file runs on PostgreSQL only.
const onPostgres = testDatabaseKind() === "postgres";
if (!onPostgres) console.info("Skipping the two-instance test: several instances share one PostgreSQL database (TEST_DATABASE_URL).");

const today = todayInAmsterdam();
// Contributions are formalised seven months ago, so the daily job has accountability requests to make today.
const clock = new TestClock(addMonths(today, -7));
const CAPACITY = 16;

let t: TestApp;
const instances: { app: FastifyInstance; db: Db; base: string }[] = [];
/** Every status either server answered, to show that none was a server error. */
const answered: number[] = [];

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field
  body: any;
}

/** One HTTP request to an instance (0 or 1) over the network. */
async function call(instance: number, method: string, url: string, token?: string, payload?: unknown): Promise<Answer> {
  const { base } = expectDefined(instances[instance]);
  const response = await fetch(`${base}/api/v1${url}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(payload === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
  });
  answered.push(response.status);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function logIn(instance: number, email: string): Promise<string> {
  const answer = await call(instance, "POST", "/sessions", undefined, { email, password: "demo" });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.token;
}

/**
 * Sends two requests while a third connection holds back writes to `table`, and lets them go once both wait there:
 * so they meet at the database, however fast the first would otherwise be done or the second arrive.
 */
async function meetAt(table: "match_plans" | "scheduler_leases", send: () => Promise<Answer[]>): Promise<Answer[]> {
  const schema = expectDefined(t.db.schema);
  const blocker = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL, options: `-c search_path=${schema}` });
  await blocker.connect();
  try {
    await blocker.query("BEGIN");
    await blocker.query(`LOCK TABLE ${table} IN EXCLUSIVE MODE`);
    const answers = send();
    for (let waiting = 0, i = 0; waiting < 2; i++) {
      if (i === 200) throw new Error(`the requests did not reach ${table}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { rows } = await blocker.query(
        `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
         WHERE NOT l.granted AND c.relname = $1 AND c.relnamespace = $2::regnamespace`,
        [table, schema],
      );
      waiting = rows[0].n;
    }
    await blocker.query("COMMIT");
    return await answers;
  } finally {
    await blocker.end();
  }
}

describe.runIf(onPostgres)("two instances on one PostgreSQL database", () => {
  let capacityClient: string;
  let contributingClients: string[];

  beforeAll(async () => {
    t = await createTestApp({ clients: 60, clock });
    const consultant = await bearerFor(t.app, "consulent@demo.local");
    const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
    const clients = await t.db.kysely
      .selectFrom("clients")
      .select("id")
      .where("consultant_id", "=", me.id)
      .orderBy("id")
      .limit(5)
      .execute();
    contributingClients = clients.slice(0, 4).map((c) => c.id);
    capacityClient = expectDefined(clients[4]).id;
    for (const { id } of clients) {
      await t.db.kysely.updateTable("clients").set({ capacity_hours_per_week: 20 }).where("id", "=", id).execute();
    }
    await t.db.kysely.updateTable("clients").set({ capacity_hours_per_week: CAPACITY }).where("id", "=", capacityClient).execute();
    for (const id of contributingClients) {
      const created = await t.app.inject({
        method: "POST",
        url: `/api/v1/clients/${id}/contributions`,
        headers: consultant,
        payload: {
          kind: "existingVolunteerWork",
          organisationName: "Buurthuis",
          description: "Koffie schenken",
          hoursPerWeek: 3,
          since: "2024-01-01",
        },
      });
      expect(created.statusCode).toBe(201);
    }
    clock.set(today);
    for (const name of ["instance-a", "instance-b"]) {
      const db = connectDatabase(expectDefined(process.env.TEST_DATABASE_URL), { pgSchema: expectDefined(t.db.schema) });
      const app = await createApp({
        config: loadConfig({ NODE_ENV: "test", LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: "1000" }),
        db,
        logger: false,
        webRoot: null,
        clock,
        instance: name,
      });
      const base = await app.listen({ port: 0, host: "127.0.0.1" });
      instances.push({ app, db, base });
    }
  });

  afterAll(async () => {
    for (const { app, db } of instances) {
      await app.close();
      await db.destroy();
    }
    await t?.close();
  });

  it("share sessions: a login on one is known to the other, and a logout on one ends it on both", async () => {
    const emails = ["consulent@demo.local", "teamleider@demo.local", "admin@demo.local", "onderzoeker@demo.local"];
    const tokens = await Promise.all(emails.flatMap((email) => [logIn(0, email), logIn(1, email)]));
    const mine = await Promise.all(tokens.map((token, i) => call((i + 1) % 2, "GET", "/me", token)));
    expect(mine.map((m) => m.body.email)).toEqual(emails.flatMap((email) => [email, email]));
    const [fromA] = tokens;
    expect((await call(1, "DELETE", "/sessions/current", fromA)).status).toBe(204);
    expect((await call(0, "GET", "/me", fromA)).status).toBe(401);
  });

  it("serve writes, a placement plan and the daily job at once: no duplicates, no lost writes, no server errors", async () => {
    const [consultantA, consultantB, leadB, adminA, adminB] = await Promise.all([
      logIn(0, "consulent@demo.local"),
      logIn(1, "consulent@demo.local"),
      logIn(1, "teamleider@demo.local"),
      logIn(0, "admin@demo.local"),
      logIn(1, "admin@demo.local"),
    ]);
    const consultants = [consultantA, consultantB];
    const registrations = Array.from({ length: 16 }, (_, i) => buildClient({ familyName: `Parallel-${i}` }));
    const planStep = (i: number) => ({ type: "languageCourse", title: `Taalles ${i}`, hoursPerWeek: 2, startDate: today });
    const [registered, steps, planStarts, reads, dailyRuns] = await Promise.all([
      Promise.all(registrations.map((body, i) => call(i % 2, "POST", "/clients", consultants[i % 2], body))),
      Promise.all(
        Array.from({ length: 20 }, (_, i) => call(i % 2, "POST", `/clients/${capacityClient}/plan-steps`, consultants[i % 2], planStep(i))),
      ),
      // A plan started on each instance at the same moment: one is made, the other refused.
      meetAt("match_plans", () => Promise.all([call(0, "POST", "/match-plans", adminA, {}), call(1, "POST", "/match-plans", adminB, {})])),
      // Meanwhile the second instance serves the consultant and the team lead.
      Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          i % 2 === 0 ? call(1, "GET", "/clients?pageSize=20", consultantB) : call(1, "GET", "/match-plans", leadB),
        ),
      ),
      // The daily job, asked of both at the same moment: the lease lets one instance run it.
      meetAt("scheduler_leases", () =>
        Promise.all([
          call(0, "POST", "/scheduler/runs", adminA, { job: "daily" }),
          call(1, "POST", "/scheduler/runs", adminB, { job: "daily" }),
        ]),
      ),
    ]);

    // Every registration stored once.
    expect(registered.map((r) => r.status)).toEqual(registrations.map(() => 201));
    const stored = await t.db.kysely
      .selectFrom("clients")
      .select("bsn")
      .where(
        "bsn",
        "in",
        registrations.map((r) => r.bsn),
      )
      .execute();
    expect(stored.map((r) => r.bsn).sort()).toEqual(registrations.map((r) => r.bsn).sort());

    // The client's capacity met exactly, never exceeded, whichever instance took the step.
    expect(steps.filter((s) => s.status === 201)).toHaveLength(CAPACITY / 2);
    for (const step of steps.filter((s) => s.status !== 201))
      expect({ status: step.status, code: step.body.code }).toEqual({ status: 409, code: "capacityExceeded" });
    const hours = await t.db.kysely.selectFrom("plan_steps").select("hours_per_week").where("client_id", "=", capacityClient).execute();
    expect(hours.reduce((sum, s) => sum + s.hours_per_week, 0)).toBe(CAPACITY);

    // One plan made; the start on the other instance refused with planRunning.
    const started = planStarts.filter((p) => p.status === 202);
    expect(started).toHaveLength(1);
    expect(planStarts.filter((p) => p.status !== 202).map((p) => [p.status, p.body.code])).toEqual([[409, "planRunning"]]);
    expect(reads.map((r) => r.status)).toEqual(reads.map(() => 200));
    const planId = expectDefined(started[0]).body.id as string;
    let plan: Answer | undefined;
    for (let i = 0; i < 300; i++) {
      plan = await call(1, "GET", `/match-plans/${planId}`, adminB);
      if (!["queued", "running"].includes(plan.body.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(plan?.body.status, plan?.body.error).toBe("done");
    expect(await t.db.kysely.selectFrom("match_plans").select("id").execute()).toEqual([{ id: planId }]);

    // The daily job: run by one instance, refused by the other while it ran; what it made, made once.
    expect(dailyRuns.map((r) => [r.status, r.status === 201 ? r.body.status : r.body.code]).sort()).toEqual([
      [201, "succeeded"],
      [409, "jobRunning"],
    ]);
    const runs = await t.db.kysely.selectFrom("scheduler_runs").select("instance").where("run_date", "=", today).execute();
    expect(runs).toHaveLength(1);
    const requests = await t.db.kysely.selectFrom("accountability_requests").select("subject_id").execute();
    expect(requests).toHaveLength(contributingClients.length);
    expect(new Set(requests.map((r) => r.subject_id)).size).toBe(contributingClients.length);

    expect(answered.filter((status) => status >= 500)).toEqual([]);
  }, 120_000);
});
