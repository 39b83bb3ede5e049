/**
 * Load on a real server: the compiled server (`node dist/node/server.js`) on a SQLite copy of the full demo
 * population, driven by autocannon at 50 and 200 connections on the health endpoint, a consultant's caseload, client
 * records and the work queue; then the health endpoint's latency while a city-wide placement plan is made. Throughput is reported as a ratio to the health endpoint's in the same run (the anchor:
 * what this machine answers when a request does almost nothing), latency as p99, and beside them the server's CPU time
 * per request (Linux), which other work on a shared machine moves much less than throughput. `npm run bench` runs it;
 * `npx tsx bench/load.ts` runs it alone (`BENCH_PORT` picks the port, `BENCH_LOAD_SECONDS` the duration per step).
 *
 * The seeded database is kept in the system's temporary folder, keyed by the demo's sources and the migrations, and
 * every run works on a copy of it, so only the first run after a change to the demo seeds (about a minute).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { systemClock } from "@server/clock.js";
import { connectDatabase } from "@server/db/connection.js";
import { migrateToLatest } from "@server/db/migrate.js";
import { seedDemoPopulation } from "@server/demo/seed.js";
import autocannon from "autocannon";

const ROOT = path.resolve(import.meta.dirname, "..");
const SEED = 20261128;
const CLIENTS = 18000;
const CONNECTIONS = [50, 200];
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 8);
/** Targets: the caseload's throughput as a share of the health endpoint's, the work queue's p99 at 200 connections. */
const CASELOAD_SHARE = 0.15;
const WORK_QUEUE_P99_MS = 500;

/** One row of the benchmark table. */
export interface LoadBenchRow {
  name: string;
  measured: string;
  target: string;
  met: boolean;
}

interface Measured {
  endpoint: string;
  connections: number;
  perSecond: number;
  p99: number;
  max: number;
  failures: number;
  /** The server process's CPU time (user and system) per answered request, in microseconds; NaN where unknown. */
  cpuPerRequest: number;
}

/**
 * The CPU time a process has used, in milliseconds, from /proc (Linux); NaN elsewhere. On a machine shared with other
 * work the throughput ratios move with the others' load; the CPU a request costs the server moves much less.
 */
function cpuMillisOf(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command; in ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Files whose change changes the demo population: the seed itself and the schema it is written in. */
function seedKey(): string {
  const hash = crypto.createHash("sha256").update(`${SEED}:${CLIENTS}:${process.version}`);
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));
  for (const file of [...walk(path.join(ROOT, "src/server/demo")), ...walk(path.join(ROOT, "src/server/db/migrations"))].sort()) {
    hash.update(path.relative(ROOT, file)).update(fs.readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/** The seeded database for this demo, made once (about a minute) and kept until the demo or the migrations change. */
async function seededDatabase(): Promise<string> {
  const dir = path.join(os.tmpdir(), "naar-vermogen-bench");
  const file = path.join(dir, `demo-${seedKey()}.sqlite`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const partial = `${file}.${process.pid}`;
  process.stderr.write(`Seeding the demo population once into ${file} …`);
  const db = connectDatabase(`sqlite:${partial}`);
  await migrateToLatest(db);
  await seedDemoPopulation(db.kysely, { seed: SEED, clients: CLIENTS, demoPassword: "demo", clock: systemClock });
  await db.destroy();
  fs.renameSync(partial, file);
  process.stderr.write(" done\n");
  return file;
}

async function freePort(): Promise<number> {
  if (process.env.BENCH_PORT) return Number(process.env.BENCH_PORT);
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Starts the compiled server on a copy of the seeded database and waits until it answers. */
async function startServer(database: string, port: number): Promise<{ server: ChildProcess; base: string }> {
  const build = spawnSync(process.execPath, [path.join(ROOT, "scripts/build.mjs"), "--if-stale", "node"], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}`);
  const env = {
    ...process.env,
    // As a user starts it: no loader of the process running the benchmark.
    NODE_OPTIONS: "",
    NODE_ENV: "development",
    DATABASE_URL: `sqlite:${database}`,
    HOST: "127.0.0.1",
    PORT: String(port),
    // The daily job is measured on its own in run.ts; here the server only answers requests.
    NV_SCHEDULER: "off",
    LOG_LEVEL: "warn",
  };
  const server = spawn(process.execPath, ["--enable-source-maps", path.join(ROOT, "dist/node/server.js")], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server stopped with code ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return { server, base };
    } catch {
      // Not listening yet (migrating the copy).
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error("the server did not answer within two minutes");
}

async function login(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "demo" }),
  });
  if (!response.ok) throw new Error(`login of ${email} failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Drives one endpoint with autocannon; `paths` are taken in turn, one per request. */
async function measure(
  server: ChildProcess,
  base: string,
  endpoint: string,
  connections: number,
  paths: string[],
  token?: string,
): Promise<Measured> {
  let next = 0;
  const cpuBefore = cpuMillisOf(server.pid);
  const result = await autocannon({
    url: base,
    connections,
    duration: SECONDS,
    // Long enough that a slow answer is measured, not dropped as a time-out.
    timeout: 60,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  });
  return {
    endpoint,
    connections,
    perSecond: result.requests.average,
    p99: result.latency.p99,
    max: result.latency.max,
    failures: result.errors + result.timeouts + result.non2xx,
    cpuPerRequest: ((cpuMillisOf(server.pid) - cpuBefore) * 1000) / Math.max(1, result.requests.total),
  };
}

/** Runs the load benchmark and returns its rows: every measurement, then the targets. */
export async function benchLoad(): Promise<LoadBenchRow[]> {
  const seeded = await seededDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nv-load-"));
  const copy = path.join(dir, "load.sqlite");
  fs.copyFileSync(seeded, copy);
  const { server, base } = await startServer(copy, await freePort());
  try {
    // One login for all connections: the login throttle plays no part.
    const token = await login(base, "consulent@demo.local");
    const page = (await (await fetch(`${base}/api/v1/clients?pageSize=100`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      items: { id: string }[];
    };
    const records = page.items.map((c) => `/api/v1/clients/${c.id}`);
    const endpoints: [string, string[], string | undefined][] = [
      ["health", ["/api/v1/health"], undefined],
      ["caseload", ["/api/v1/clients"], token],
      ["client record", records, token],
      ["work queue", ["/api/v1/work-queue"], token],
    ];
    // A short warm-up, so that the first measurement does not pay for the JIT and the page cache.
    await measure(server, base, "warm-up", 10, ["/api/v1/clients", "/api/v1/work-queue", ...records.slice(0, 5)], token);
    const results: Measured[] = [];
    for (const connections of CONNECTIONS) {
      for (const [endpoint, paths, auth] of endpoints) results.push(await measure(server, base, endpoint, connections, paths, auth));
      // The anchor again after the others, averaged with the first: a machine busy with other work for part of the
      // run moves the ratios less.
      const again = await measure(server, base, "health", connections, ["/api/v1/health"]);
      const first = results.find((r) => r.endpoint === "health" && r.connections === connections);
      if (first) {
        first.perSecond = (first.perSecond + again.perSecond) / 2;
        first.p99 = Math.max(first.p99, again.p99);
        first.max = Math.max(first.max, again.max);
        first.failures += again.failures;
        first.cpuPerRequest = (first.cpuPerRequest + again.cpuPerRequest) / 2;
      }
    }
    return [...rowsOf(results), await healthDuringPlan(base, await login(base, "admin@demo.local"))];
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * How long the health endpoint takes while a city-wide placement plan is made: one request at a time, until the plan
 * is done. What the plan computes runs on a worker thread; what remains here is loading its facts and storing it.
 */
async function healthDuringPlan(base: string, token: string): Promise<LoadBenchRow> {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const started = performance.now();
  const { id } = (await (await fetch(`${base}/api/v1/match-plans`, { method: "POST", headers, body: "{}" })).json()) as { id: string };
  const times: number[] = [];
  let status = "queued";
  while (status === "queued" || status === "running") {
    const sent = performance.now();
    await fetch(`${base}/api/v1/health`);
    times.push(performance.now() - sent);
    status = ((await (await fetch(`${base}/api/v1/match-plans/${id}`, { headers })).json()) as { status: string }).status;
  }
  times.sort((a, b) => a - b);
  const p99 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)] ?? Number.NaN;
  return {
    name: "load: health during a city-wide placement plan",
    measured: `p99 ${p99.toFixed(0)} ms, max ${(times.at(-1) ?? Number.NaN).toFixed(0)} ms of ${times.length}; plan ${status} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    target: "",
    met: status === "done",
  };
}

function rowsOf(results: Measured[]): LoadBenchRow[] {
  const find = (endpoint: string, connections: number) => {
    const found = results.find((r) => r.endpoint === endpoint && r.connections === connections);
    if (!found) throw new Error(`no measurement of ${endpoint} at ${connections}`);
    return found;
  };
  const rows: LoadBenchRow[] = results.map((r) => {
    const health = find("health", r.connections);
    const share = r.perSecond / health.perSecond;
    const failures = r.failures > 0 ? `, ${r.failures} failed` : "";
    return {
      name: `load: ${r.endpoint}, ${r.connections} connections`,
      measured: `${r.perSecond.toFixed(0)} req/s (${(share * 100).toFixed(1)} % of health), p99 ${r.p99} ms, max ${r.max} ms, CPU ${r.cpuPerRequest.toFixed(0)} µs/req${failures}`,
      target: "",
      met: r.failures === 0,
    };
  });
  for (const connections of CONNECTIONS) {
    const caseload = find("caseload", connections);
    const health = find("health", connections);
    const share = caseload.perSecond / health.perSecond;
    rows.push({
      name: `load: caseload throughput, ${connections} connections`,
      measured: `${(share * 100).toFixed(1)} % of health (${caseload.perSecond.toFixed(0)} of ${health.perSecond.toFixed(0)} req/s); by CPU per request ${((100 * health.cpuPerRequest) / caseload.cpuPerRequest).toFixed(1)} %`,
      target: `≥ ${CASELOAD_SHARE * 100} % of health`,
      met: share >= CASELOAD_SHARE,
    });
  }
  // The target is absolute; the health endpoint's p99 in the same run shows how much of it the machine takes.
  const queue = find("work queue", 200);
  const health = find("health", 200);
  rows.push({
    name: "load: work queue p99, 200 connections",
    measured: `${queue.p99} ms (${(queue.p99 / health.p99).toFixed(1)}× health's p99 of ${health.p99} ms)`,
    target: `≤ ${WORK_QUEUE_P99_MS} ms`,
    met: queue.p99 <= WORK_QUEUE_P99_MS,
  });
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const rows = await benchLoad();
  console.table(
    rows.map((r) => ({ benchmark: r.name, measured: r.measured, target: r.target, met: r.met ? (r.target ? "PASS" : "") : "FAIL" })),
  );
  process.exit(rows.every((r) => r.met) ? 0 : 1);
}
