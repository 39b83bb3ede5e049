import type { MatchInstance, MatchSolution } from "./instance.js";

/**
 * Min-cost maximum flow on the network source → client (1) → role (1 per pair) → sink (places), solved by the
 * primal–dual method: a Dijkstra over reduced costs sets the node potentials, then a blocking flow is pushed over
 * the arcs of zero reduced cost (as in Dinic's algorithm) before the next Dijkstra. Costs stay exact integers.
 *
 * The result carries the potentials, which certify optimality (see `verifyOptimal`).
 */
export interface SolveResult extends MatchSolution {
  /** Node potentials: source 0, clients 1..n, roles n+1..n+m, sink n+m+1. */
  potentials: Float64Array;
}

class Network {
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly to: Int32Array;
  readonly cap: Int32Array;
  readonly cost: Float64Array;
  private count = 0;

  constructor(
    readonly nodes: number,
    arcs: number,
  ) {
    this.head = new Int32Array(nodes).fill(-1);
    this.next = new Int32Array(arcs * 2);
    this.to = new Int32Array(arcs * 2);
    this.cap = new Int32Array(arcs * 2);
    this.cost = new Float64Array(arcs * 2);
  }

  /** Adds an arc and its reverse; returns the arc's index (its reverse is index ^ 1). */
  add(from: number, to: number, capacity: number, cost: number): number {
    const a = this.count;
    this.to[a] = to;
    this.cap[a] = capacity;
    this.cost[a] = cost;
    this.next[a] = this.head[from]!;
    this.head[from] = a;
    this.to[a + 1] = from;
    this.cap[a + 1] = 0;
    this.cost[a + 1] = -cost;
    this.next[a + 1] = this.head[to]!;
    this.head[to] = a + 1;
    this.count += 2;
    return a;
  }
}

/** A binary min-heap of node indexes keyed by a distance array, with lazy deletion. */
class Heap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.nodes = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
  }

  push(node: number, key: number): void {
    if (this.size === this.nodes.length) {
      const nodes = new Int32Array(this.nodes.length * 2);
      nodes.set(this.nodes);
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.nodes = nodes;
      this.keys = keys;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.nodes[i] = this.nodes[parent]!;
      this.keys[i] = this.keys[parent]!;
      i = parent;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
  }

  /** Removes the smallest; returns its node, its key in `lastKey`. */
  lastKey = 0;
  pop(): number {
    const top = this.nodes[0]!;
    this.lastKey = this.keys[0]!;
    const node = this.nodes[--this.size]!;
    const key = this.keys[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= key) break;
      this.nodes[i] = this.nodes[child]!;
      this.keys[i] = this.keys[child]!;
      i = child;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
    return top;
  }
}

function buildNetwork(instance: MatchInstance) {
  const { clientCount: n, roleCount: m, places, pairStart, pairRole, pairCost } = instance;
  const edges = pairStart[n]!;
  const source = 0;
  const sink = n + m + 1;
  const network = new Network(n + m + 2, n + edges + m);
  // Pair arcs first, so arc 2k is pair k.
  for (let i = 0; i < n; i++) {
    for (let k = pairStart[i]!; k < pairStart[i + 1]!; k++) network.add(1 + i, 1 + n + pairRole[k]!, 1, pairCost[k]!);
  }
  for (let i = 0; i < n; i++) network.add(source, 1 + i, 1, 0);
  for (let j = 0; j < m; j++) network.add(1 + n + j, sink, places[j]!, 0);
  return { network, source, sink };
}

/** Potentials that make every arc's reduced cost ≥ 0 at the start (the network is acyclic). */
function initialPotentials(instance: MatchInstance): Float64Array {
  const { clientCount: n, roleCount: m, pairStart, pairRole, pairCost } = instance;
  const potentials = new Float64Array(n + m + 2);
  let lowest = 0;
  for (let k = 0; k < pairStart[n]!; k++) {
    const role = 1 + n + pairRole[k]!;
    if (pairCost[k]! < potentials[role]!) potentials[role] = pairCost[k]!;
  }
  for (let j = 0; j < m; j++) lowest = Math.min(lowest, potentials[1 + n + j]!);
  potentials[n + m + 1] = lowest;
  return potentials;
}

/** Solves an instance exactly; `onProgress(placed, clientCount)` after each phase. */
export function solveMatching(instance: MatchInstance, onProgress?: (placed: number, total: number) => void): SolveResult {
  const n = instance.clientCount;
  const { network, source, sink } = buildNetwork(instance);
  const { head, next, to, cap, cost } = network;
  const nodes = network.nodes;
  const potentials = initialPotentials(instance);
  const distance = new Float64Array(nodes);
  const level = new Int32Array(nodes);
  const current = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
  const heap = new Heap(Math.max(16, nodes));
  const stackNodes = new Int32Array(nodes);
  const stackArcs = new Int32Array(nodes);
  const reduced = (a: number, from: number) => cost[a]! + potentials[from]! - potentials[to[a]!]!;
  let flow = 0;

  for (;;) {
    // Dijkstra over reduced costs from the source.
    distance.fill(Infinity);
    distance[source] = 0;
    heap.size = 0;
    heap.push(source, 0);
    while (heap.size > 0) {
      const u = heap.pop();
      const d = heap.lastKey;
      if (d > distance[u]!) continue;
      // Nodes not settled yet lie at least as far as the sink: the potential update below caps them there.
      if (u === sink) break;
      for (let a = head[u]!; a !== -1; a = next[a]!) {
        if (cap[a]! <= 0) continue;
        const v = to[a]!;
        const candidate = d + reduced(a, u);
        if (candidate < distance[v]!) {
          distance[v] = candidate;
          heap.push(v, candidate);
        }
      }
    }
    if (distance[sink] === Infinity) break;
    // New potentials; nodes out of reach move by the sink's distance, which keeps reduced costs ≥ 0.
    const reach = distance[sink]!;
    for (let v = 0; v < nodes; v++) potentials[v] = potentials[v]! + Math.min(distance[v]!, reach);

    // Blocking flow on the admissible arcs (positive residual, zero reduced cost).
    for (;;) {
      level.fill(-1);
      level[source] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = source;
      while (qh < qt) {
        const u = queue[qh++]!;
        for (let a = head[u]!; a !== -1; a = next[a]!) {
          const v = to[a]!;
          if (cap[a]! > 0 && level[v] === -1 && reduced(a, u) === 0) {
            level[v] = level[u]! + 1;
            queue[qt++] = v;
          }
        }
      }
      if (level[sink] === -1) break;
      current.set(head);
      // Iterative DFS: unit augmentations (every path through a client carries at most one unit).
      let pushed = 0;
      for (;;) {
        let depth = 0;
        stackNodes[0] = source;
        let found = false;
        while (depth >= 0) {
          const u = stackNodes[depth]!;
          if (u === sink) {
            found = true;
            break;
          }
          let a = current[u]!;
          while (a !== -1) {
            const v = to[a]!;
            if (cap[a]! > 0 && level[v] === level[u]! + 1 && reduced(a, u) === 0) break;
            a = next[a]!;
          }
          current[u] = a;
          if (a === -1) {
            // Dead end: retreat and skip the arc that led here.
            level[u] = -1;
            depth--;
            if (depth >= 0) current[stackNodes[depth]!] = next[stackArcs[depth]!]!;
            continue;
          }
          stackArcs[depth] = a;
          stackNodes[++depth] = to[a]!;
        }
        if (!found) break;
        for (let i = 0; i < depth; i++) {
          const a = stackArcs[i]!;
          cap[a] = cap[a]! - 1;
          cap[a ^ 1] = cap[a ^ 1]! + 1;
        }
        pushed++;
      }
      flow += pushed;
      if (pushed === 0) break;
    }
    onProgress?.(flow, n);
  }

  const assignment = new Array<number>(n).fill(-1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let k = instance.pairStart[i]!; k < instance.pairStart[i + 1]!; k++) {
      // Pair k is arc 2k; a used pair has no residual capacity left.
      if (cap[2 * k] === 0) {
        assignment[i] = instance.pairRole[k]!;
        total += instance.pairCost[k]!;
      }
    }
  }
  return { placed: flow, cost: total, assignment, potentials };
}
