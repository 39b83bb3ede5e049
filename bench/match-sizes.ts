/**
 * The per-size part of the matching benchmark (`npm run bench:match -- --sizes S,C,R,X [--highs]`): seeded city-like
 * instances of each generator size, the median of several solves with the process's peak memory, the targets of
 * the matching issue, and optionally HiGHS on sizes S and C with placed and cost compared exactly.
 */
import { verifyOptimal } from "@server/matching/certificate.js";
import { CITY_SIZES, cityInstance } from "@server/matching/generator.js";
import type { MatchInstance } from "@server/matching/instance.js";
import { solveMatching } from "@server/matching/solver.js";
import highsLoader from "highs";

/** The matching issue's solve-time targets on a 2-core machine; S has none, it is the quick check. */
const TARGET_SECONDS: Record<string, number | undefined> = { C: 1, R: 0.3, X: 5 };

/** HiGHS gets this long per linear program; beyond it the table says so. */
const HIGHS_SECONDS = 600;

/**
 * The same problem for HiGHS as two linear programs (the matrix is totally unimodular, so their optima are
 * integral): the most clients placed, then the least cost at that number. Two clean objectives solve faster than
 * one with a big weight on placing.
 */
function highsSolve(highs: Awaited<ReturnType<typeof highsLoader>>, instance: MatchInstance) {
  const edges = instance.pairRole.length;
  const byRole: number[][] = Array.from({ length: instance.roleCount }, () => []);
  instance.pairRole.forEach((j, k) => {
    byRole[j]?.push(k);
  });
  const rows: string[] = [];
  for (let i = 0; i < instance.clientCount; i++) {
    const from = instance.pairStart[i] ?? 0;
    const to = instance.pairStart[i + 1] ?? 0;
    if (to > from) rows.push(` c${i}: ${Array.from({ length: to - from }, (_, d) => `+ x${from + d}`).join(" ")} <= 1`);
  }
  byRole.forEach((ks, j) => {
    if (ks.length) rows.push(` r${j}: ${ks.map((k) => `+ x${k}`).join(" ")} <= ${instance.places[j]}`);
  });
  const bounds = ["Bounds", ...Array.from({ length: edges }, (_, k) => ` 0 <= x${k} <= 1`), "End"];
  const all = Array.from({ length: edges }, (_, k) => `+ x${k}`).join(" ");
  const started = performance.now();
  const mostPlaced = highs.solve(["Maximize", ` obj: ${all}`, "Subject To", ...rows, ...bounds].join("\n"), { time_limit: HIGHS_SECONDS });
  if (mostPlaced.Status !== "Optimal")
    return { placed: -1, cost: -1, seconds: (performance.now() - started) / 1000, status: mostPlaced.Status };
  const placed = Math.round(mostPlaced.ObjectiveValue);
  const costs = instance.pairCost.map((c, k) => `+ ${c} x${k}`).join(" ");
  const leastCost = highs.solve(
    ["Minimize", ` obj: ${costs}`, "Subject To", ...rows, ` placed: ${all} >= ${placed}`, ...bounds].join("\n"),
    { time_limit: HIGHS_SECONDS },
  );
  return { placed, cost: Math.round(leastCost.ObjectiveValue), seconds: (performance.now() - started) / 1000, status: leastCost.Status };
}

/** Solves seeds 1–3 of each size `runs` times, prints the table, and HiGHS on S and C when asked. */
export async function sizeTable(sizes: (keyof typeof CITY_SIZES)[], runs: number, withHighs: boolean): Promise<void> {
  // Our solver first on every instance, so the process's peak memory is ours alone; HiGHS (WebAssembly memory
  // never shrinks) afterwards.
  const rows: (Record<string, string | number> & { size: string; seed: number; placed: number; cost: number; median: number })[] = [];
  for (const size of sizes) {
    for (const seed of [1, 2, 3]) {
      const instance = cityInstance({ ...CITY_SIZES[size], seed });
      const times: number[] = [];
      let solution = solveMatching(instance);
      for (let run = 0; run < runs; run++) {
        // Collect the last run's arrays first, so the peak is one solve's, not several awaiting collection.
        (globalThis as { gc?: () => void }).gc?.();
        const started = performance.now();
        solution = solveMatching(instance);
        times.push((performance.now() - started) / 1000);
      }
      verifyOptimal(instance, solution, solution.potentials);
      const median = times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? Number.NaN;
      console.log(`${size} seed ${seed}: ${solution.placed} placed at ${solution.cost} in ${median.toFixed(3)} s (median of ${runs})`);
      rows.push({
        size,
        seed,
        median,
        instance: `${size} seed ${seed}`,
        pairs: instance.pairRole.length,
        placed: solution.placed,
        cost: solution.cost,
        "ours (s)": median.toFixed(3),
        "peak RSS MB": Math.round(process.resourceUsage().maxRSS / 1024),
        target: TARGET_SECONDS[size] ? `≤ ${TARGET_SECONDS[size]} s` : "–",
        met: TARGET_SECONDS[size] ? (median <= TARGET_SECONDS[size] ? "yes" : "NO") : "–",
      });
    }
  }
  const highs = withHighs ? await highsLoader() : null;
  for (const row of rows) {
    const reference =
      highs && (row.size === "S" || row.size === "C")
        ? highsSolve(highs, cityInstance({ ...CITY_SIZES[row.size as keyof typeof CITY_SIZES], seed: row.seed }))
        : null;
    if (!reference) {
      Object.assign(row, { "HiGHS (s)": "–", "same answer": "–", ratio: "–" });
      continue;
    }
    const finished = reference.status === "Optimal";
    row["HiGHS (s)"] = finished ? reference.seconds.toFixed(2) : `> ${HIGHS_SECONDS} (${reference.status})`;
    row["same answer"] = finished ? (reference.placed === row.placed && reference.cost === row.cost ? "yes" : "NO") : "–";
    row.ratio = `${finished ? "" : "> "}${(reference.seconds / row.median).toFixed(1)}×`;
    console.log(`HiGHS on ${row.instance}: ${row["HiGHS (s)"]} s, same answer: ${row["same answer"]}`);
  }
  console.table(rows.map(({ size, seed, median, ...shown }) => shown));
}
