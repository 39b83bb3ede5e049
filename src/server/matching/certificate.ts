import { type MatchInstance, type MatchSolution, nodeLayout } from "./instance.js";

/** A solution that is infeasible or not optimal: the solver is wrong and nothing may use its answer. */
export class OptimalityError extends Error {
  constructor(message: string) {
    super(`Matching certificate failed: ${message}`);
    this.name = "OptimalityError";
  }
}

/**
 * Proves a solution optimal from scratch, trusting nothing of the solver but its potentials (the dual):
 * 1. feasible: each client on one of its own pairs at most, no role over its places, no group (host organisation)
 *    over its capacity, the cost adds up;
 * 2. least cost for its number placed: every residual arc has a reduced cost ≥ 0 under the potentials, i.e. a
 *    free pair is never cheaper than its ends' potentials allow, a chosen pair never dearer, and a role with
 *    free places (or an unplaced client, or a group with room) is priced at the next node up;
 * 3. most placed: no augmenting path from the source to the sink in the residual network.
 * Throws `OptimalityError` on the first violation.
 */
export function verifyOptimal(instance: MatchInstance, solution: MatchSolution, potentials: ArrayLike<number>): void {
  const { clientCount: n, roleCount: m, places, pairStart, pairRole, pairCost } = instance;
  const layout = nodeLayout(instance);
  const { source, sink } = layout;
  const groups = instance.groupCapacity?.length ?? 0;
  const pi = (node: number) => potentials[node]!;
  // Where a role's placements flow next: its group, or the sink.
  const above = (j: number) => (groups ? layout.group(instance.roleGroup![j]!) : sink);
  const used = new Int32Array(m);
  const groupUsed = new Int32Array(groups);
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
    if (groups) groupUsed[instance.roleGroup![j]!]!++;
    cost += pairCost[pair]!;
    placed++;
  }
  for (let j = 0; j < m; j++)
    if (used[j]! > places[j]!) throw new OptimalityError(`role ${j} has ${used[j]} clients for ${places[j]} places`);
  for (let g = 0; g < groups; g++) {
    if (groupUsed[g]! > instance.groupCapacity![g]!)
      throw new OptimalityError(`group ${g} has ${groupUsed[g]} clients for a capacity of ${instance.groupCapacity![g]}`);
  }
  if (placed !== solution.placed || cost !== solution.cost)
    throw new OptimalityError(`reported ${solution.placed} placed at ${solution.cost}; the assignment places ${placed} at ${cost}`);

  const negative = (value: number, what: string) => {
    if (value < 0) throw new OptimalityError(`${what} has reduced cost ${value} < 0`);
  };
  /** Checks the residual arcs of an arc from → to with cost 0 carrying `flow` of `capacity`. */
  const zeroCostArc = (from: number, to: number, flow: number, capacity: number, what: string) => {
    if (flow < capacity) negative(pi(from) - pi(to), `${what} (room left)`);
    if (flow > 0) negative(pi(to) - pi(from), `${what} (in use, reversed)`);
  };
  for (let i = 0; i < n; i++) {
    const c = layout.client(i);
    zeroCostArc(source, c, chosenPair[i] === -1 ? 0 : 1, 1, `source → client ${i}`);
    for (let k = pairStart[i]!; k < pairStart[i + 1]!; k++) {
      const r = layout.role(pairRole[k]!);
      if (k === chosenPair[i]) negative(-pairCost[k]! + pi(r) - pi(c), `chosen pair ${k} (client ${i})`);
      else negative(pairCost[k]! + pi(c) - pi(r), `free pair ${k} (client ${i})`);
    }
  }
  for (let j = 0; j < m; j++) zeroCostArc(layout.role(j), above(j), used[j]!, places[j]!, `role ${j} → ${groups ? "group" : "sink"}`);
  for (let g = 0; g < groups; g++) zeroCostArc(layout.group(g), sink, groupUsed[g]!, instance.groupCapacity![g]!, `group ${g} → sink`);

  // No augmenting path: search the residual network from the unplaced clients.
  const seen = new Uint8Array(layout.nodes);
  const clientsOfRole: number[][] = Array.from({ length: m }, () => []);
  const rolesOfGroup: number[][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < n; i++) if (chosenPair[i] !== -1) clientsOfRole[solution.assignment[i]!]!.push(i);
  for (let j = 0; j < m; j++) if (groups && used[j]! > 0) rolesOfGroup[instance.roleGroup![j]!]!.push(j);
  const stack: number[] = [];
  const visit = (node: number) => {
    if (node === sink) throw new OptimalityError("an unplaced client could still be placed: there is an augmenting path");
    if (!seen[node]) {
      seen[node] = 1;
      stack.push(node);
    }
  };
  for (let i = 0; i < n; i++) if (chosenPair[i] === -1) visit(layout.client(i));
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node <= n) {
      const i = node - 1;
      for (let k = pairStart[i]!; k < pairStart[i + 1]!; k++) if (k !== chosenPair[i]) visit(layout.role(pairRole[k]!));
    } else if (node <= n + m) {
      const j = node - 1 - n;
      for (const i of clientsOfRole[j]!) visit(layout.client(i));
      if (used[j]! < places[j]!) visit(above(j));
    } else {
      const g = node - 1 - n - m;
      for (const j of rolesOfGroup[g]!) visit(layout.role(j));
      if (groupUsed[g]! < instance.groupCapacity![g]!) visit(sink);
    }
  }
}
