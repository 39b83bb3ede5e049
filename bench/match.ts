/**
 * The matching benchmark, `npm run bench:match`. On the seeded 18,000 clients × 3,000 roles city instance (size C
 * of the generator) it compares, with the targets:
 * - whole processes, wall time including reading the instance and writing the answer: `naar-vermogen match`
 *   (through bin/, as a user runs it) against CLP's dual simplex on the same instance as a linear program
 *   (bench/lp.ts); target: ours at least 5× faster;
 * - solve time only, in process: our solver against LEMON's NetworkSimplex (bench/lemon/solve.cpp, compiled with
 *   g++ -O2 at run time; CostScaling is printed for information); target: ours within 1.5×.
 * Every answer is checked against ours: placed count and total cost, exactly. CLP and LEMON are Debian packages
 * (`coinor-clp`, `liblemon-dev`); when one is missing the benchmark says how to install it and skips that line.
 *
 * Options: `--seeds 1,2,3` (default 1), `--runs N` (default 5; CLP runs once per seed, it takes tens of seconds),
 * `--sizes S,C,R,X` adds the solve times per generator size with the targets of the matching issue, and
 * `--highs` adds HiGHS (WebAssembly) on sizes S and C of that table; HiGHS takes several minutes on C, so it is not run by
 * default. Not part of `npm test`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { verifyOptimal } from "@server/matching/certificate.js";
import { CITY_SIZES, cityInstance } from "@server/matching/generator.js";
import { solveMatching } from "@server/matching/solver.js";
import { readClpSolution, writeMps } from "./lp.js";

const { values: options } = parseArgs({
  options: {
    seeds: { type: "string", default: "1" },
    runs: { type: "string", default: "5" },
    sizes: { type: "string", default: "" },
    highs: { type: "boolean", default: false },
  },
});
const seeds = options.seeds.split(",").map(Number);
const RUNS = Number(options.runs);
const root = fileURLToPath(new URL("..", import.meta.url));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "nv-bench-match-"));

/** The targets of issue 12 for the city instance. */
const CLP_FACTOR = 5;
const LEMON_FACTOR = 1.5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const seconds = (s: number) => `${s.toFixed(3)} s`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
function commandExists(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}
/**
 * Runs a command to its end: wall seconds, and CPU seconds (user + system, from the shell's `times`), which the
 * other users of a shared machine disturb much less than the wall time.
 */
function timed(command: string, args: string[]): { seconds: number; cpu: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync("sh", ["-c", '"$0" "$@" > "$OUT"; status=$?; times >&2; exit $status', command, ...args], {
    encoding: "utf8",
    env: { ...process.env, OUT: path.join(work, "stdout.txt") },
  });
  const elapsed = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr}`);
  // `times` prints the shell's own times, then its children's: "1m2.5s 0m0.3s".
  const children = result.stderr.trim().split("\n").at(-1) ?? "";
  const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, [, min, sec]) => sum + Number(min) * 60 + Number(sec), 0);
  return { seconds: elapsed, cpu, stdout: fs.readFileSync(path.join(work, "stdout.txt"), "utf8") };
}

/** Compiles the LEMON program into the work folder; null (with the reason printed) when g++ or LEMON is missing. */
function compileLemon(): string | null {
  if (!commandExists("g++") || !fs.existsSync("/usr/include/lemon/network_simplex.h")) {
    console.log("LEMON comparison skipped: install g++ and LEMON with `sudo apt-get install g++ liblemon-dev`.");
    return null;
  }
  const binary = path.join(work, "lemon-solve");
  execFileSync("g++", ["-O2", "-o", binary, path.join(root, "bench/lemon/solve.cpp")], { stdio: "inherit" });
  return binary;
}
const hasClp = commandExists("clp");
if (!hasClp) console.log("CLP comparison skipped: install CLP with `sudo apt-get install coinor-clp`.");
const lemon = compileLemon();

interface Answer {
  placed: number;
  cost: number;
}
const agrees = (ours: Answer, other: Answer) => (ours.placed === other.placed && ours.cost === other.cost ? "yes" : "NO");
interface Timing {
  /** Wall seconds. */
  seconds: number;
  /** CPU seconds. */
  cpu: number;
}
const lines: Record<string, string>[] = [];
/**
 * Prints a ratio of medians, first / second, in wall time (what the target is about) and in CPU time (what the
 * target would be on an idle machine), each against the target factor.
 */
function compare(
  what: string,
  first: Timing[],
  second: Timing[],
  target: number,
  sense: "at most" | "at least",
  extra: Record<string, string>,
) {
  const wall = median(first.map((t) => t.seconds)) / median(second.map((t) => t.seconds));
  const cpu = median(first.map((t) => t.cpu)) / median(second.map((t) => t.cpu));
  const meets = (ratio: number) => (Number.isNaN(target) ? "–" : (sense === "at most" ? ratio <= target : ratio >= target) ? "yes" : "NO");
  const line = {
    comparison: what,
    wall: `${seconds(median(first.map((t) => t.seconds)))} / ${seconds(median(second.map((t) => t.seconds)))} = ${wall.toFixed(2)}×`,
    cpu: `${seconds(median(first.map((t) => t.cpu)))} / ${seconds(median(second.map((t) => t.cpu)))} = ${cpu.toFixed(2)}×`,
    target: Number.isNaN(target) ? "–" : `${sense === "at most" ? "≤" : "≥"} ${target}×`,
    "met (wall)": meets(wall),
    "met (cpu)": meets(cpu),
    ...extra,
  };
  console.log(Object.values(line).join(" | "));
  lines.push(line);
}

for (const seed of seeds) {
  const instance = cityInstance({ ...CITY_SIZES.C, seed });
  const name = `city C seed ${seed} (${instance.clientCount} × ${instance.roleCount}, ${instance.pairRole.length} pairs)`;
  const instanceFile = path.join(work, `city-${seed}.json`);
  fs.writeFileSync(instanceFile, JSON.stringify(instance));
  console.log(`\n${name}; load average ${load()}`);

  // In process: ours and LEMON's NetworkSimplex, solve only, one run of each in turn so that both see the same load.
  const ourTimes: Timing[] = [];
  const lemonTimes: Timing[] = [];
  let ours = solveMatching(instance);
  let lemonAnswer: Answer | null = null;
  for (let run = 0; run < RUNS; run++) {
    if (lemon) {
      lemonAnswer = JSON.parse(timed(lemon, [instanceFile, "network-simplex", "1"]).stdout) as Answer & Timing;
      lemonTimes.push(lemonAnswer as Answer & Timing);
    }
    (globalThis as { gc?: () => void }).gc?.();
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    ours = solveMatching(instance);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    ourTimes.push({ seconds, cpu: (cpu.user + cpu.system) / 1e6 });
  }
  verifyOptimal(instance, ours, ours.potentials);
  if (lemon && lemonAnswer) {
    compare(`in process, solve only: ours / LEMON NetworkSimplex (median of ${RUNS})`, ourTimes, lemonTimes, LEMON_FACTOR, "at most", {
      "same answer": agrees(ours, lemonAnswer),
    });
    const scaling = JSON.parse(timed(lemon, [instanceFile, "cost-scaling", "1"]).stdout) as Answer & Timing;
    compare("in process, solve only: ours / LEMON CostScaling (information, one run)", ourTimes, [scaling], Number.NaN, "at most", {
      "same answer": agrees(ours, scaling),
    });
  }

  // Whole processes: our command line against CLP.
  const outFile = path.join(work, `city-${seed}.out.json`);
  const cliTimes: Timing[] = [];
  for (let run = 0; run < RUNS; run++) {
    cliTimes.push(
      timed(process.execPath, [path.join(root, "bin/naar-vermogen.js"), "match", "--instance", instanceFile, "--out", outFile]),
    );
  }
  const written = JSON.parse(fs.readFileSync(outFile, "utf8")) as Answer & { assignment: number[] };
  verifyOptimal(instance, written, ours.potentials);
  if (hasClp) {
    const mps = path.join(work, `city-${seed}.mps`);
    const solution = path.join(work, `city-${seed}.clp.txt`);
    writeMps(instance, mps);
    const clp = timed("clp", [mps, "-dualsimplex", "-solution", solution]);
    const clpAnswer = readClpSolution(instance, solution);
    compare(
      `whole process: CLP dual simplex (one run) / naar-vermogen match (median of ${RUNS})`,
      [clp],
      cliTimes,
      CLP_FACTOR,
      "at least",
      {
        "same answer": clpAnswer.optimal ? agrees(written, clpAnswer) : "NO (CLP did not report an optimum)",
      },
    );
  } else {
    console.log(`naar-vermogen match: ${seconds(median(cliTimes.map((t) => t.seconds)))} (median of ${RUNS})`);
  }
  console.log(`load average after: ${load()}`);
}
if (lines.length) console.table(lines);

if (options.sizes || options.highs) {
  const { sizeTable } = await import("./match-sizes.js");
  await sizeTable((options.sizes || "S,C").split(",") as (keyof typeof CITY_SIZES)[], RUNS, options.highs);
}
fs.rmSync(work, { recursive: true, force: true });
