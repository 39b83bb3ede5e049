/**
 * Start-up of the command line: `naar-vermogen --help` as a whole process (bin → compiled CLI), the median of
 * several runs against its target. `npm run bench` reports it first, before the database work loads the machine;
 * `npx tsx bench/cli.ts` runs it alone.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const RUNS = 11;
const TARGET_SECONDS = 0.3;

/** One row of the benchmark table. */
export interface CliBenchRow {
  name: string;
  measured: string;
  target: string;
  met: boolean;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

// CPU time of waited-for children (Linux /proc: cutime + cstime, in clock ticks of 10 ms); null elsewhere.
function childCpuSeconds(): number | null {
  try {
    const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
    // After the ") " the fields start at number 3 (state); cutime and cstime are fields 16 and 17.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

/** Runs a Node process `RUNS` times (after one warm-up) and returns the median wall time and mean CPU time, in seconds. */
function timeProcess(args: string[]): { wall: number; cpu: number | null } {
  // Without the loader options of the process running the benchmark: the command starts as a user starts it.
  const env = { ...process.env, NODE_OPTIONS: "" };
  const run = () => {
    const result = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed:\n${result.stderr}`);
  };
  run();
  const walls: number[] = [];
  const cpuBefore = childCpuSeconds();
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    walls.push((performance.now() - started) / 1000);
  }
  const cpuAfter = childCpuSeconds();
  return { wall: median(walls), cpu: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / RUNS };
}

/** Measures `naar-vermogen --help` (building the CLI first if it is stale) next to a bare Node start. */
export function benchCliHelp(): CliBenchRow {
  const build = spawnSync(process.execPath, [path.join(ROOT, "scripts/build.mjs"), "--if-stale", "node"], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}`);
  const help = timeProcess(["bin/naar-vermogen.js", "--help"]);
  // Node's own start-up, which no change to this project can shorten: it explains a miss on a loaded machine.
  const bare = timeProcess(["-e", "0"]);
  const cpu = help.cpu === null ? "" : `, CPU ${help.cpu.toFixed(2)} s`;
  const met = help.wall <= TARGET_SECONDS;
  const over = help.wall - TARGET_SECONDS;
  // A miss says by how much, and whether Node's own start (a busy machine) or the command's own work explains it.
  const why = met
    ? ""
    : ` — ${over.toFixed(2)} s over: ${bare.wall >= over ? "Node alone takes most of it, the machine is busy" : "the command's own start-up"}`;
  return {
    name: "naar-vermogen --help (whole process)",
    measured: `median ${help.wall.toFixed(2)} s of ${RUNS}${cpu}; node -e 0 alone ${bare.wall.toFixed(2)} s${why}`,
    target: `≤ ${TARGET_SECONDS} s`,
    met,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const row = benchCliHelp();
  console.table([{ benchmark: row.name, measured: row.measured, target: row.target, met: row.met ? "yes" : "NO" }]);
  process.exit(row.met ? 0 : 1);
}
