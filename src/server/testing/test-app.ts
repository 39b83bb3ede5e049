import { randomBytes } from "node:crypto";
import { createApp } from "@server/app.js";
import { type Clock, systemClock } from "@server/clock.js";
import { loadConfig } from "@server/config.js";
import { connectDatabase, type Db } from "@server/db/connection.js";
import { migrateToLatest } from "@server/db/migrate.js";
import { seedDemoPopulation } from "@server/demo/seed.js";
import type { FastifyInstance } from "fastify";
import pg from "pg";

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** The app's clock: a `TestClock` passed in lets the test set the date. */
  clock: Clock;
  close(): Promise<void>;
}

/** Which database this test project runs on: SQLite, or PostgreSQL at TEST_DATABASE_URL. */
export function testDatabaseKind(): "sqlite" | "postgres" {
  return process.env.NV_TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
}

/**
 * A fresh, migrated database for one test file: an in-memory SQLite database, or a schema of its own on
 * the PostgreSQL server (dropped on close), so files run in parallel without seeing each other's rows.
 */
export async function createTestDatabase(): Promise<Db & { drop(): Promise<void> }> {
  if (testDatabaseKind() === "sqlite") {
    const db = connectDatabase("sqlite::memory:");
    await migrateToLatest(db);
    return { ...db, drop: () => db.destroy() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is needed for the PostgreSQL tests");
  const schema = `nv_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = connectDatabase(url, { pgSchema: schema });
  await migrateToLatest(db);
  return {
    ...db,
    drop: async () => {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

/**
 * An app over a fresh database with a small seeded demo population (password "demo"), without history by default.
 * Pass a `TestClock` as `clock` to set "today" and "now" for the seed and every request.
 */
export async function createTestApp(
  options: { clients?: number; seed?: number; historyShare?: number; env?: Record<string, string>; clock?: Clock } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const clock = options.clock ?? systemClock;
  // No workflow history unless asked: tests build the history they assert on.
  await seedDemoPopulation(db.kysely, {
    seed: options.seed ?? 42,
    clients: options.clients ?? 280,
    demoPassword: "demo",
    historyShare: options.historyShare ?? 0,
    clock,
  });
  const app = await createApp({
    config: loadConfig({ NODE_ENV: "test", LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: "1000", ...options.env }),
    db,
    logger: false,
    webRoot: null,
    clock,
  });
  await app.ready();
  return {
    app,
    db,
    clock,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** Logs in through the API and returns the bearer header for later requests. */
export async function bearerFor(app: FastifyInstance, email: string, password = "demo"): Promise<{ authorization: string }> {
  const response = await app.inject({ method: "POST", url: "/api/v1/sessions", payload: { email, password } });
  if (response.statusCode !== 201) throw new Error(`login as ${email} failed: ${response.statusCode} ${response.body}`);
  return { authorization: `Bearer ${response.json().token as string}` };
}
