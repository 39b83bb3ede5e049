import type { MatchInstance, MatchSolution } from "./instance.js";

/** A solution that is infeasible or not optimal: the solver is wrong and nothing may use its answer. */
export class OptimalityError extends Error {
  constructor(message: string) {
    super(`Matching certificate failed: ${message}`);
    this.name = "OptimalityError";
  }
}

/**
 * Proves a solution optimal from scratch, trusting nothing of the solver but its potentials (the dual):
 * 1. feasible: each client on one of its own pairs at most, no role over its places, the cost adds up;
 * 2. least cost for its number placed: every residual arc has a reduced cost ≥ 0 under the potentials, i.e. a
 *    free pair is never cheaper than its ends' potentials allow, a chosen pair never dearer, and a role with
 *    free places (or an unplaced client) is priced at the sink (source);
 * 3. most placed: no augmenting path from the source to the sink in the residual network.
 * Throws `OptimalityError` on the first violation.
 */
export function verifyOptimal(instance: MatchInstance, solution: MatchSolution, potentials: ArrayLike<number>): void {
  const { clientCount: n, roleCount: m, places, pairStart, pairRole, pairCost } = instance;
  const source = 0;
  const sink = n + m + 1;
  const pi = (node: number) => potentials[node]!;
  const role = (j: number) => 1 + n + j;
  const used = new Int32Array(m);
  const chosenPair = new Int32Array(n).fill(-1);
  let cost = 0;
  let placed = 0;
  for (let i = 0; i < n; i++) {
    const j = solution.assignment[i]!;
    if (j === -1) continue;
    let pair = -1;
    for (let k = pairStart[i]!; k < pairStart[i + 1]!; k++) {
      if (pairRole[k] === j && (pair === -1 || pairCost[k]! < pairCost[pair]!)) pair = k;
    }
    if (pair === -1) throw new OptimalityError(`client ${i} is assigned role ${j}, which is not one of its pairs`);
    chosenPair[i] = pair;
    used[j]!++;
    cost += pairCost[pair]!;
    placed++;
  }
  for (let j = 0; j < m; j++) if (used[j]! > places[j]!) throw new OptimalityError(`role ${j} has ${used[j]} clients for ${places[j]} places`);
  if (placed !== solution.placed || cost !== solution.cost) throw new OptimalityError(`reported ${solution.placed} placed at ${solution.cost}; the assignment places ${placed} at ${cost}`);

  const negative = (value: number, what: string) => {
    if (value < 0) throw new OptimalityError(`${what} has reduced cost ${value} < 0`);
  };
  for (let i = 0; i < n; i++) {
    const c = 1 + i;
    if (chosenPair[i] === -1) negative(pi(source) - pi(c), `source → client ${i} (unplaced)`);
    else negative(pi(c) - pi(source), `client ${i} → source (placed)`);
    for (let k = pairStart[i]!; k < pairStart[i + 1]!; k++) {
      const r = role(pairRole[k]!);
      if (k === chosenPair[i]) negative(-pairCost[k]! + pi(r) - pi(c), `chosen pair ${k} (client ${i})`);
      else negative(pairCost[k]! + pi(c) - pi(r), `free pair ${k} (client ${i})`);
    }
  }
  for (let j = 0; j < m; j++) {
    if (used[j]! < places[j]!) negative(pi(role(j)) - pi(sink), `role ${j} → sink (free places)`);
    if (used[j]! > 0) negative(pi(sink) - pi(role(j)), `sink → role ${j} (used places)`);
  }

  // No augmenting path: search the residual network from the source.
  const seen = new Uint8Array(n + m + 2);
  const clientsOfRole: number[][] = Array.from({ length: m }, () => []);
  for (let i = 0; i < n; i++) if (chosenPair[i] !== -1) clientsOfRole[solution.assignment[i]!]!.push(i);
  const stack: number[] = [];
  for (let i = 0; i < n; i++) {
    if (chosenPair[i] === -1) {
      seen[1 + i] = 1;
      stack.push(1 + i);
    }
  }
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node <= n) {
      const i = node - 1;
      for (let k = pairStart[i]!; k < pairStart[i + 1]!; k++) {
        const r = role(pairRole[k]!);
        if (k !== chosenPair[i] && !seen[r]) {
          if (used[pairRole[k]!]! < places[pairRole[k]!]!) throw new OptimalityError(`client ${i} could still be placed through role ${pairRole[k]}`);
          seen[r] = 1;
          stack.push(r);
        }
      }
    } else {
      for (const i of clientsOfRole[node - 1 - n]!) {
        if (!seen[1 + i]) {
          seen[1 + i] = 1;
          stack.push(1 + i);
        }
      }
    }
  }
}
