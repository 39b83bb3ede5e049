import fs from "node:fs";
import { verifyOptimal } from "@server/matching/certificate.js";
import { assertValidInstance, type MatchInstance } from "@server/matching/instance.js";
import { solveMatching } from "@server/matching/solver.js";

/**
 * `naar-vermogen match`: solves an instance file (compressed sparse rows) to the most clients placed at the
 * least cost, proves the answer with its certificate, and writes `{ placed, cost, assignment }`.
 */
export async function runMatch(options: { instance: string; out: string }): Promise<void> {
  const instance = JSON.parse(fs.readFileSync(options.instance, "utf8")) as MatchInstance;
  assertValidInstance(instance);
  const started = performance.now();
  const solution = solveMatching(instance);
  verifyOptimal(instance, solution, solution.potentials);
  const seconds = (performance.now() - started) / 1000;
  fs.writeFileSync(options.out, `${JSON.stringify({ placed: solution.placed, cost: solution.cost, assignment: solution.assignment })}\n`);
  console.log(
    `Placed ${solution.placed} of ${instance.clientCount} clients at cost ${solution.cost} in ${seconds.toFixed(2)} s; optimality certificate checked.`,
  );
}
