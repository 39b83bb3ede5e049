import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { systemClock } from "@server/clock.js";
import { connectDatabase, type Db } from "@server/db/connection.js";
import { migrateToLatest } from "@server/db/migrate.js";
import { seedDemoPopulation } from "@server/demo/seed.js";
import { testDatabaseKind } from "@server/testing/test-app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Two server processes on one SQLite file: each transaction takes the write lock at BEGIN IMMEDIATE, so one
// process never checks capacity on what the other is about to change. (On PostgreSQL the in-process test
// concurrency.db.test.ts already runs its requests on separate connections.)
const PER_PROCESS = 20;
// Room for 8 of the 40 two-hour steps, so the processes write often enough to meet; below the ordinance's weekly norm
// of 20 hours, so capacity is the limit they meet.
const CAPACITY = 16;
const onSqlite = testDatabaseKind() === "sqlite";
const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const writer = path.resolve(import.meta.dirname, "../testing/plan-step-writer.ts");

if (!onSqlite) console.info("Skipping the two-process SQLite test: on PostgreSQL concurrency.db.test.ts covers separate connections.");

let dir: string;
let file: string;
let clientId: string;

interface Answer {
  status: number;
  code: string | null;
}

/** Starts a writer process; `ready` settles once it has started, `answers` once it has sent its requests. */
function startWriter(count: number) {
  const child = spawn(process.execPath, [tsx, writer, file, clientId, String(count)], { env: process.env });
  let out = "";
  const ready = new Promise<void>((resolve) =>
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (out.startsWith("ready\n")) resolve();
    }),
  );
  child.stderr.on("data", (chunk) => (out += chunk));
  const answers = new Promise<Answer[]>((resolve, reject) =>
    child.on("close", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code === 0) resolve(JSON.parse(last) as Answer[]);
      else reject(new Error(`writer exited with ${code}: ${out}`));
    }),
  );
  return { ready, answers, go: () => child.stdin.end("go\n") };
}

async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = connectDatabase(`sqlite:${file}`);
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

describe.runIf(onSqlite)("two server processes on one SQLite file", () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "nv-two-processes-"));
    file = path.join(dir, "naar-vermogen.sqlite");
    clientId = await withDatabase(async (db) => {
      await migrateToLatest(db);
      await seedDemoPopulation(db.kysely, { seed: 42, clients: 40, demoPassword: "demo", historyShare: 0, clock: systemClock });
      const consultant = await db.kysely
        .selectFrom("users")
        .select("id")
        .where("email", "=", "consulent@demo.local")
        .executeTakeFirstOrThrow();
      const client = await db.kysely
        .selectFrom("clients")
        .select("id")
        .where("consultant_id", "=", consultant.id)
        .executeTakeFirstOrThrow();
      await db.kysely.updateTable("clients").set({ capacity_hours_per_week: CAPACITY }).where("id", "=", client.id).execute();
      return client.id;
    });
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("store no more plan hours than the client's capacity", async () => {
    const writers = [startWriter(PER_PROCESS), startWriter(PER_PROCESS)];
    await Promise.all(writers.map((w) => w.ready));
    for (const w of writers) w.go();
    const answers = (await Promise.all(writers.map((w) => w.answers))).flat();
    for (const answer of answers) {
      if (answer.status !== 201) expect(answer).toEqual({ status: 409, code: "capacityExceeded" });
    }
    expect(answers.filter((a) => a.status === 201)).toHaveLength(CAPACITY / 2);
    const steps = await withDatabase((db) =>
      db.kysely.selectFrom("plan_steps").select("hours_per_week").where("client_id", "=", clientId).execute(),
    );
    expect(steps.reduce((sum, s) => sum + s.hours_per_week, 0)).toBe(CAPACITY);
  }, 120_000);
});
