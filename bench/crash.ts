/**
 * Crash safety: many concurrent client registrations through the HTTP API of the compiled server
 * (`node dist/node/server.js`), `kill -9` of the server while they run, a restart, and then a count of the
 * acknowledged registrations (answered 201) that are in the database — all must be — with the database's own
 * integrity check. Three rounds on SQLite and three on PostgreSQL (a database of its own on the server of
 * TEST_DATABASE_URL, dropped afterwards). `npm run bench` reports it last; `npx tsx bench/crash.ts` runs it alone.
 * The server listens on a free port, or on BENCH_PORT when set.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { systemClock } from "@server/clock.js";
import { connectDatabase } from "@server/db/connection.js";
import { migrateToLatest } from "@server/db/migrate.js";
import { seedDemoPopulation } from "@server/demo/seed.js";
import { completeBsn } from "@shared/validation/bsn.js";
import Database from "better-sqlite3";
import pg from "pg";

const ROOT = path.resolve(import.meta.dirname, "..");
// The server is killed once this many registrations of the round were acknowledged, while the writers still send.
const KILL_AFTER = [150, 400, 800];
const WRITERS = 16;
const TARGET = "every acknowledged write found, integrity ok";

/** One row of the benchmark table. */
export interface CrashBenchRow {
  name: string;
  measured: string;
  target: string;
  met: boolean;
  /** Why the part was not run; a skipped row neither passes nor fails the benchmark. */
  skipped?: string;
}

/** Why the PostgreSQL parts are not run, or null when TEST_DATABASE_URL names a server. */
export function postgresSkipReason(): string | null {
  return process.env.TEST_DATABASE_URL
    ? null
    : "TEST_DATABASE_URL is not set; set it to a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/test) to run the PostgreSQL parts";
}

/** What the database holds after a restart: the bench's clients and the consistency checks' findings. */
interface Findings {
  /** Ids and BSNs of the clients the bench registered (BSN prefix 97). */
  clientIds: Set<string>;
  bsns: Set<string>;
  /** What was checked, for the report. */
  checks: string;
  /** Problems found by the integrity and cross-table checks; empty when all is well. */
  problems: string[];
}

/** The database under test: how the server reaches it, and how the bench inspects and removes it. */
interface Target {
  engine: string;
  url: string;
  inspect(): Promise<Findings>;
  remove(): Promise<void>;
}

// Every bench BSN starts with 97 (the demo's start with 99, the tests' with 98), unique over all rounds.
let bsnCounter = 0;
function nextBsn(): string {
  for (;;) {
    const bsn = completeBsn(`97${String(++bsnCounter).padStart(6, "0")}`);
    if (bsn) return bsn;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A running server process and the tail of its output, for the message when it fails to start. */
interface Server {
  process: ChildProcess;
  output: () => string;
}

/** Starts the compiled server on the database and resolves once it answers its health check, with the time taken. */
async function startServer(url: string, port: number): Promise<{ server: Server; seconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, "dist/node/server.js")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      DATABASE_URL: url,
      PORT: String(port),
      HOST: "127.0.0.1",
      NV_SCHEDULER: "off",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const server = { process: child, output: () => output };
  while (performance.now() - started < 60_000) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return { server, seconds: (performance.now() - started) / 1000 };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`the server on ${url} did not start:\n${output}`);
}

async function killHard(server: Server): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  const exited = new Promise((resolve) => server.process.once("exit", resolve));
  server.process.kill("SIGKILL");
  await exited;
}

interface WriteRound {
  acknowledged: Set<string>; // ids of the clients registered with 201
  inFlight: string[]; // BSNs sent before the kill that never got an answer
  refused: Map<number, number>; // status → count of answers other than 201
}

/** Registers clients from `WRITERS` concurrent loops until `killAfter` are acknowledged, then kills the server mid-write. */
async function writeAndKill(server: Server, port: number, killAfter: number): Promise<WriteRound> {
  const base = `http://127.0.0.1:${port}/api/v1`;
  const login = await fetch(`${base}/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "consulent@demo.local", password: "demo" }),
  });
  if (login.status !== 201) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const headers = { "content-type": "application/json", authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const round: WriteRound = { acknowledged: new Set(), inFlight: [], refused: new Map() };
  let killed: Promise<void> | null = null;
  // Bounded even when the server refuses every write: it is killed after 30 s at the latest.
  const deadline = performance.now() + 30_000;
  const writer = async () => {
    while (!killed) {
      const bsn = nextBsn();
      const body = JSON.stringify({
        bsn,
        givenName: "Crash",
        familyName: `Proef ${bsn}`,
        birthDate: "1980-06-15",
        postcode: "3084 AB",
        houseNumber: 7,
        benefitStartDate: "2016-01-01",
        householdSituation: "single",
      });
      try {
        const response = await fetch(`${base}/clients`, { method: "POST", headers, body });
        // The answer counts once its body has arrived whole: only then has the server acknowledged the write.
        const answer = (await response.json()) as { id?: string };
        if (response.status === 201 && answer.id) round.acknowledged.add(answer.id);
        else round.refused.set(response.status, (round.refused.get(response.status) ?? 0) + 1);
      } catch {
        round.inFlight.push(bsn);
        return;
      }
      if (round.acknowledged.size >= killAfter || performance.now() > deadline) killed ??= killHard(server);
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  await killed;
  return round;
}

const BENCH_CLIENTS = "SELECT id, bsn FROM clients WHERE bsn LIKE '97%'";
// A registration is one transaction: the client row and its audit event are both there, or neither is.
const CROSS_CHECKS = [
  {
    problem: "registered clients without their audit event",
    count: `SELECT count(*) AS n FROM clients c WHERE c.bsn LIKE '97%' AND NOT EXISTS
      (SELECT 1 FROM audit_events a WHERE a.action = 'client.create' AND a.subject_id = c.id)`,
  },
  {
    problem: "registration audit events without their client",
    count: `SELECT count(*) AS n FROM audit_events a WHERE a.action = 'client.create' AND NOT EXISTS
      (SELECT 1 FROM clients c WHERE c.id = a.subject_id)`,
  },
];

function findings(rows: { id: string; bsn: string }[], checks: string, problems: string[]): Findings {
  return { clientIds: new Set(rows.map((r) => r.id)), bsns: new Set(rows.map((r) => r.bsn)), checks, problems };
}

function sqliteTarget(dir: string): Target {
  const file = path.join(dir, "crash.sqlite");
  return {
    engine: "SQLite",
    url: `sqlite:${file}`,
    inspect: async () => {
      const db = new Database(file, { readonly: true });
      try {
        const integrity = db.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
        const problems = integrity.map((r) => r.integrity_check).filter((message) => message !== "ok");
        const foreignKeys = (db.pragma("foreign_key_check") as unknown[]).length;
        if (foreignKeys > 0) problems.push(`${foreignKeys} rows break a foreign key`);
        for (const check of CROSS_CHECKS) {
          const n = (db.prepare(check.count).get() as { n: number }).n;
          if (n > 0) problems.push(`${n} ${check.problem}`);
        }
        const rows = db.prepare(BENCH_CLIENTS).all() as { id: string; bsn: string }[];
        return findings(rows, "integrity_check, foreign_key_check", problems);
      } finally {
        db.close();
      }
    },
    remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

type Query = <T extends pg.QueryResultRow>(text: string) => Promise<T[]>;

async function postgresTarget(serverUrl: string): Promise<Target> {
  const name = `nv_crash_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const query: Query = async (text) => {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    engine: "PostgreSQL",
    url: url.toString(),
    inspect: async () => {
      const { checks, problems } = await checkIndexes(query);
      for (const check of CROSS_CHECKS) {
        const n = Number((await query<{ n: string }>(check.count))[0]?.n);
        if (n > 0) problems.push(`${n} ${check.problem}`);
      }
      return findings(await query<{ id: string; bsn: string }>(BENCH_CLIENTS), checks, problems);
    },
    remove: async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

// amcheck verifies every B-tree index against its table (heapallindexed); where the extension is not installed the
// cross-table checks stand alone.
async function checkIndexes(query: Query): Promise<{ checks: string; problems: string[] }> {
  try {
    await query("CREATE EXTENSION IF NOT EXISTS amcheck");
  } catch {
    return { checks: "amcheck not available", problems: [] };
  }
  try {
    const checked = await query(`SELECT bt_index_check(c.oid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_am am ON am.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE am.amname = 'btree' AND n.nspname = 'public'`);
    return { checks: `amcheck over ${checked.length} indexes`, problems: [] };
  } catch (error) {
    return { checks: "amcheck", problems: [`amcheck: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

/** Three rounds of write, kill -9, restart and count on one database; one row of figures. */
async function crashRounds(target: Target): Promise<CrashBenchRow> {
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  const acknowledged = new Set<string>();
  let inFlight = 0;
  let inFlightCommitted = 0;
  let slowestRestart = 0;
  let missingAfterLastRound = 0;
  const problems: string[] = [];
  let server: Server | null = null;
  try {
    const setup = connectDatabase(target.url);
    await migrateToLatest(setup);
    await seedDemoPopulation(setup.kysely, { seed: 7, clients: 40, historyShare: 0, demoPassword: "demo", clock: systemClock });
    await setup.destroy();
    server = (await startServer(target.url, port)).server;
    for (const [index, killAfter] of KILL_AFTER.entries()) {
      const round = await writeAndKill(server, port, killAfter);
      for (const id of round.acknowledged) acknowledged.add(id);
      const restart = await startServer(target.url, port);
      server = restart.server;
      slowestRestart = Math.max(slowestRestart, restart.seconds);
      const found = await target.inspect();
      const missing = [...acknowledged].filter((id) => !found.clientIds.has(id)).length;
      const committed = round.inFlight.filter((bsn) => found.bsns.has(bsn)).length;
      inFlight += round.inFlight.length;
      inFlightCommitted += committed;
      missingAfterLastRound = missing;
      if (missing > 0) problems.push(`round ${index + 1}: ${missing} acknowledged writes missing`);
      problems.push(...found.problems.map((problem) => `round ${index + 1}: ${problem}`));
      const refused = [...round.refused].map(([status, count]) => `${count}× ${status}`).join(", ");
      console.log(
        `crash ${target.engine} round ${index + 1}: killed after ${round.acknowledged.size} acknowledged with ${round.inFlight.length} in flight` +
          ` (${committed} of them committed)${refused ? `, refused ${refused}` : ""}; restarted in ${restart.seconds.toFixed(1)} s;` +
          ` ${acknowledged.size - missing} of ${acknowledged.size} acknowledged found; integrity (${found.checks}, client ↔ audit event) ${found.problems.length === 0 ? "ok" : found.problems.join("; ")}` +
          ` — ${missing === 0 && found.problems.length === 0 ? "PASS" : "FAIL"}`,
      );
    }
  } finally {
    if (server) await killHard(server);
    await target.remove();
  }
  return {
    name: `crash: kill -9 mid-write, ${target.engine} (${KILL_AFTER.length} rounds, ${WRITERS} writers)`,
    measured:
      `${acknowledged.size} acknowledged, ${acknowledged.size - missingAfterLastRound} found; ` +
      `${inFlight} in flight at the kills (${inFlightCommitted} committed); ${problems.length === 0 ? "integrity ok" : problems.join("; ")}; ` +
      `slowest restart ${slowestRestart.toFixed(1)} s`,
    target: TARGET,
    met: problems.length === 0,
  };
}

/** The crash run on SQLite, and on PostgreSQL when TEST_DATABASE_URL names a server. */
export async function benchCrash(): Promise<CrashBenchRow[]> {
  const build = spawnSync(process.execPath, [path.join(ROOT, "scripts/build.mjs"), "--if-stale", "node"], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}`);
  const rows = [await crashRounds(sqliteTarget(fs.mkdtempSync(path.join(os.tmpdir(), "nv-crash-"))))];
  const postgres = process.env.TEST_DATABASE_URL;
  const skipped = postgresSkipReason();
  if (postgres) rows.push(await crashRounds(await postgresTarget(postgres)));
  else if (skipped) {
    process.stderr.write(`Skipping the crash run on PostgreSQL: ${skipped}.\n`);
    rows.push({
      name: "crash: kill -9 mid-write, PostgreSQL",
      measured: "skipped: TEST_DATABASE_URL not set",
      target: TARGET,
      met: true,
      skipped,
    });
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const rows = await benchCrash();
  console.table(
    rows.map((r) => ({ benchmark: r.name, measured: r.measured, target: r.target, met: r.skipped ? "SKIPPED" : r.met ? "yes" : "NO" })),
  );
  process.exit(rows.every((r) => r.met || r.skipped) ? 0 : 1);
}
