import type { MatchInstance, MatchSolution } from "./instance.js";
import { nodeLayout } from "./instance.js";

/**
 * The placement network: source → client (capacity 1) → role (1 per pair, at the pair's cost) → organisation, when
 * the instance has organisations → sink. A role's outgoing arc carries its places, an organisation's its guidance
 * capacity. Solved in two steps:
 *
 * 1. **Most placed.** A maximum flow (a greedy start, then Dinic's algorithm) fixes how many clients can be placed
 *    at all. This is the step that proves that the clients left over cannot be placed, however the others move.
 * 2. **Least cost.** Goldberg's cost-scaling push–relabel method turns that flow into a least-cost flow of the
 *    same value: costs are scaled by (nodes + 1); each phase makes the flow ε-optimal for a smaller ε (÷ α) by
 *    partial augment–relabel steps from nodes with excess, with a periodic global price update (a bucketed
 *    shortest-path search towards the nodes in deficit). After the phase with ε = 1 the flow is optimal.
 *
 * The prices of step 2 are exact only up to 1/(nodes + 1); a label-correcting pass turns them into exact integer
 * potentials, which the certificate checks from scratch (see `verifyOptimal`). Once ε is small that pass is
 * tried after each phase: when it succeeds the flow is already optimal and the last phases are skipped.
 */
export interface SolveResult extends MatchSolution {
  /** Node potentials in the layout of `nodeLayout`: reduced costs ≥ 0 on every residual arc. */
  potentials: Float64Array;
  /** Cost-scaling phases run; fewer than planned when an early proof ended the scaling. */
  phases: number;
}

/**
 * Tuning, measured on the benchmark's city instances: ε shrinks 16-fold per phase, a partial augmenting path
 * has at most 2 arcs (client → role → deficit), and prices are updated globally after 3 relabels per node.
 */
const ALPHA = 16;
const MAX_PATH = 2;
const GLOBAL_UPDATE = 3;
/** Exact potentials are tried once ε is below 1/EARLY_PROOF of a cost unit. */
const EARLY_PROOF = 16;

/** A residual network in compressed sparse rows: the arcs out of node v are `firstOut[v] .. firstOut[v+1]-1`. */
interface Residual {
  nodes: number;
  firstOut: Int32Array;
  target: Int32Array;
  reverse: Int32Array;
  capacity: Int32Array;
  /** Per arc its capacity plus its reverse's: constant, so the reverse's residual is `total − capacity`. */
  total: Int32Array;
  /** Costs times `scale` (nodes + 1), for cost scaling; exact integers. */
  cost: Float64Array;
  scale: number;
  /** The arc of pair k. */
  pairArc: Int32Array;
  /** For a role or group node, its arc towards the sink; -1 for other nodes. */
  upArc: Int32Array;
}

function buildResidual(instance: MatchInstance): Residual {
  const { clientCount: n, roleCount: m, places, pairStart, pairRole, pairCost } = instance;
  const layout = nodeLayout(instance);
  const { source, sink, nodes } = layout;
  const edges = pairStart[n]!;
  const groups = instance.groupCapacity?.length ?? 0;
  const above = (j: number) => (groups ? layout.group(instance.roleGroup![j]!) : sink);
  const slots = 2 * (n + edges + m + groups);

  // Out-degree of every node in the residual network (each arc also sits reversed at its head).
  const firstOut = new Int32Array(nodes + 1);
  firstOut[source + 1] = n;
  for (let i = 0; i < n; i++) firstOut[layout.client(i) + 1] = pairStart[i + 1]! - pairStart[i]! + 1;
  for (let k = 0; k < edges; k++) firstOut[layout.role(pairRole[k]!) + 1]!++;
  for (let j = 0; j < m; j++) {
    firstOut[layout.role(j) + 1]!++;
    firstOut[above(j) + 1]!++;
  }
  for (let g = 0; g < groups; g++) {
    firstOut[layout.group(g) + 1]!++;
    firstOut[sink + 1]!++;
  }
  for (let v = 0; v < nodes; v++) firstOut[v + 1]! += firstOut[v]!;

  const fill = firstOut.slice(0, nodes);
  const target = new Int32Array(slots);
  const reverse = new Int32Array(slots);
  const capacity = new Int32Array(slots);
  const total = new Int32Array(slots);
  const cost = new Float64Array(slots);
  const scale = nodes + 1;
  const pairArc = new Int32Array(edges);
  const upArc = new Int32Array(nodes).fill(-1);
  const add = (from: number, to: number, cap: number, unitCost: number) => {
    const forward = fill[from]!++;
    const backward = fill[to]!++;
    target[forward] = to;
    target[backward] = from;
    reverse[forward] = backward;
    reverse[backward] = forward;
    capacity[forward] = cap;
    total[forward] = total[backward] = cap;
    cost[forward] = unitCost * scale;
    cost[backward] = -unitCost * scale;
    return forward;
  };
  for (let i = 0; i < n; i++) {
    for (let k = pairStart[i]!; k < pairStart[i + 1]!; k++) pairArc[k] = add(layout.client(i), layout.role(pairRole[k]!), 1, pairCost[k]!);
  }
  for (let i = 0; i < n; i++) add(source, layout.client(i), 1, 0);
  for (let j = 0; j < m; j++) upArc[layout.role(j)] = add(layout.role(j), above(j), places[j]!, 0);
  for (let g = 0; g < groups; g++) upArc[layout.group(g)] = add(layout.group(g), sink, instance.groupCapacity![g]!, 0);
  return { nodes, firstOut, target, reverse, capacity, total, cost, scale, pairArc, upArc };
}

/** Step 1: a maximum flow from source to sink: clients first take a free role greedily, then Dinic's algorithm. */
function maximumFlow(net: Residual, source: number, sink: number): number {
  const { nodes, firstOut, target, reverse, capacity, upArc } = net;
  let flow = 0;
  const send = (a: number) => {
    capacity[a]!--;
    capacity[reverse[a]!]!++;
  };
  // Clients with the fewest roles choose first: they have the least room to move later.
  const order = Int32Array.from({ length: firstOut[source + 1]! - firstOut[source]! }, (_, i) => firstOut[source]! + i);
  const degree = (s: number) => firstOut[target[s]! + 1]! - firstOut[target[s]!]!;
  order.sort((x, y) => degree(x) - degree(y));
  for (const s of order) {
    const client = target[s]!;
    for (let a = firstOut[client]!; a < firstOut[client + 1]!; a++) {
      const role = target[a]!;
      if (role === source || capacity[a] === 0) continue;
      const up = upArc[role]!;
      const above = target[up]!;
      if (capacity[up] === 0 || (above !== sink && capacity[upArc[above]!] === 0)) continue;
      send(s);
      send(a);
      send(up);
      if (above !== sink) send(upArc[above]!);
      flow++;
      break;
    }
  }
  const level = new Int32Array(nodes);
  const current = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
  const pathNodes = new Int32Array(nodes);
  const pathArcs = new Int32Array(nodes);
  for (;;) {
    level.fill(-1);
    level[source] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = source;
    while (qh < qt) {
      const u = queue[qh++]!;
      // Nodes as far as the sink or further lie on no shortest augmenting path.
      if (level[sink] !== -1 && level[u]! >= level[sink]!) break;
      for (let a = firstOut[u]!; a < firstOut[u + 1]!; a++) {
        const v = target[a]!;
        if (capacity[a]! > 0 && level[v] === -1) {
          level[v] = level[u]! + 1;
          queue[qt++] = v;
        }
      }
    }
    if (level[sink] === -1) return flow;
    current.set(firstOut.subarray(0, nodes));
    for (;;) {
      // One augmenting path along rising levels, by an iterative search with current arcs.
      let depth = 0;
      pathNodes[0] = source;
      while (depth >= 0 && pathNodes[depth] !== sink) {
        const u = pathNodes[depth]!;
        let a = current[u]!;
        const end = firstOut[u + 1]!;
        while (a < end && !(capacity[a]! > 0 && level[target[a]!] === level[u]! + 1)) a++;
        current[u] = a;
        if (a === end) {
          level[u] = -1;
          depth--;
          if (depth >= 0) current[pathNodes[depth]!]!++;
          continue;
        }
        pathArcs[depth] = a;
        pathNodes[++depth] = target[a]!;
      }
      if (depth < 0) break;
      let delta = Infinity;
      for (let i = 0; i < depth; i++) delta = Math.min(delta, capacity[pathArcs[i]!]!);
      for (let i = 0; i < depth; i++) {
        const a = pathArcs[i]!;
        capacity[a]! -= delta;
        capacity[reverse[a]!]! += delta;
      }
      flow += delta;
    }
  }
}

/** Step 2: cost scaling from the given feasible flow to a least-cost flow of the same value; returns exact potentials. */
function costScaling(net: Residual, onPhase?: (done: number, phases: number) => void): { potentials: Float64Array; phases: number } {
  const { nodes, firstOut, target, reverse, capacity, total, cost } = net;
  const arcs = target.length;
  let epsilon = 0;
  for (let a = 0; a < arcs; a++) epsilon = Math.max(epsilon, cost[a]!);
  const prices = new Float64Array(nodes);
  const excess = new Int32Array(nodes);
  // Per node a doubly linked list of its residual arcs (capacity > 0), so that a role with hundreds of candidate
  // clients scans only the few it holds. `nextOut` is the current arc: arcs before it are not admissible.
  const listHead = new Int32Array(nodes).fill(-1);
  const listNext = new Int32Array(arcs);
  const listPrev = new Int32Array(arcs);
  const nextOut = new Int32Array(nodes);
  const link = (u: number, a: number) => {
    const first = listHead[u]!;
    listPrev[a] = -1;
    listNext[a] = first;
    if (first !== -1) listPrev[first] = a;
    listHead[u] = a;
  };
  const unlink = (u: number, a: number) => {
    const before = listPrev[a]!;
    const after = listNext[a]!;
    if (before === -1) listHead[u] = after;
    else listNext[before] = after;
    if (after !== -1) listPrev[after] = before;
    if (nextOut[u] === a) nextOut[u] = after;
  };
  /** Moves `delta` units over arc a from u to v, keeping the residual lists in step. */
  const push = (a: number, u: number, v: number, delta: number) => {
    const b = reverse[a]!;
    capacity[a]! -= delta;
    if (capacity[a] === 0) unlink(u, a);
    if (capacity[b] === 0) link(v, b);
    capacity[b]! += delta;
    excess[u]! -= delta;
    excess[v]! += delta;
  };
  for (let u = 0; u < nodes; u++) {
    for (let a = firstOut[u + 1]! - 1; a >= firstOut[u]!; a--) if (capacity[a]! > 0) link(u, a);
  }
  const resetCurrentArcs = () => nextOut.set(listHead);

  // Nodes with excess, first in first out, each at most once.
  const active = new Int32Array(nodes + 1);
  const inQueue = new Uint8Array(nodes);
  let activeHead = 0;
  let activeTail = 0;
  const enqueue = (v: number) => {
    if (inQueue[v]) return;
    inQueue[v] = 1;
    active[activeTail] = v;
    activeTail = activeTail === nodes ? 0 : activeTail + 1;
  };
  const path = new Int32Array(MAX_PATH);
  // Buckets of nodes by rank for the global update, as doubly linked lists.
  const rank = new Float64Array(nodes);
  const done = new Uint8Array(nodes);
  const bucketHead = new Int32Array(nodes + 1);
  const bucketNext = new Int32Array(nodes);
  const bucketPrev = new Int32Array(nodes);
  const place = (v: number, r: number) => {
    if (rank[v]! <= nodes) {
      // Out of its old bucket first.
      const before = bucketPrev[v]!;
      const after = bucketNext[v]!;
      if (before === -1) bucketHead[rank[v]!] = after;
      else bucketNext[before] = after;
      if (after !== -1) bucketPrev[after] = before;
    }
    rank[v] = r;
    const first = bucketHead[r]!;
    bucketPrev[v] = -1;
    bucketNext[v] = first;
    if (first !== -1) bucketPrev[first] = v;
    bucketHead[r] = v;
  };

  /** Lowers prices by ε times each node's distance (in ε units) to a deficit node; keeps ε-optimality. */
  const globalUpdate = () => {
    const limit = nodes;
    const perEpsilon = 1 / epsilon;
    bucketHead.fill(-1);
    rank.fill(Infinity);
    done.fill(0);
    let toReach = 0;
    for (let v = 0; v < nodes; v++) {
      if (excess[v]! > 0) toReach += excess[v]!;
      if (excess[v]! < 0) place(v, 0);
    }
    let r = 0;
    for (; r <= limit && toReach > 0; r++) {
      while (bucketHead[r] !== -1 && toReach > 0) {
        const u = bucketHead[r]!;
        bucketHead[r] = bucketNext[u]!;
        if (bucketNext[u] !== -1) bucketPrev[bucketNext[u]!] = -1;
        done[u] = 1;
        if (excess[u]! > 0) toReach -= excess[u]!;
        const pu = prices[u]!;
        for (let b = firstOut[u]!; b < firstOut[u + 1]!; b++) {
          // The arc v → u is b's reverse: its residual is total − capacity, and its cost is −cost[b].
          const v = target[b]!;
          if (done[v] || total[b]! === capacity[b]!) continue;
          // Rounding the length down a little (the reciprocal) only lowers ranks, which keeps ε-optimality.
          const candidate = r + Math.floor((prices[v]! - cost[b]! - pu) * perEpsilon) + 1;
          if (candidate < rank[v]! && candidate <= limit) place(v, candidate);
        }
      }
      if (toReach === 0) break;
    }
    const cap = Math.min(r, limit);
    for (let v = 0; v < nodes; v++) {
      const k = done[v] ? rank[v]! : cap;
      if (k > 0) prices[v] = prices[v]! - k * epsilon;
    }
    resetCurrentArcs();
  };

  let phases = 0;
  for (let e = epsilon; e > 1; e = Math.max(1, Math.floor(e / ALPHA))) phases++;
  let phase = 0;
  onPhase?.(0, phases);
  while (epsilon > 1) {
    epsilon = Math.max(1, Math.floor(epsilon / ALPHA));
    // Saturate every arc of negative reduced cost: the flow is now 0-optimal but out of balance.
    for (let u = 0; u < nodes; u++) {
      const pu = prices[u]!;
      for (let a = listHead[u]!; a !== -1; ) {
        const after = listNext[a]!;
        const v = target[a]!;
        if (cost[a]! + pu - prices[v]! < 0) {
          push(a, u, v, capacity[a]!);
        }
        a = after;
      }
    }
    for (let v = 0; v < nodes; v++) if (excess[v]! > 0) enqueue(v);
    globalUpdate();
    let relabels = 0;
    while (activeHead !== activeTail) {
      const start = active[activeHead]!;
      if (excess[start]! <= 0) {
        inQueue[start] = 0;
        activeHead = activeHead === nodes ? 0 : activeHead + 1;
        continue;
      }
      // Walk admissible arcs (negative reduced cost) for a few steps, relabelling dead ends, towards a deficit.
      let length = 0;
      let tip = start;
      while (length < MAX_PATH && (tip === start || excess[tip]! >= 0)) {
        const pt = prices[tip]!;
        const from = nextOut[tip]!;
        let least = Infinity;
        let a = from;
        for (; a !== -1; a = listNext[a]!) {
          const reduced = cost[a]! + pt - prices[target[a]!]!;
          if (reduced < 0) break;
          if (reduced < least) least = reduced;
        }
        if (a !== -1) {
          nextOut[tip] = a;
          path[length++] = a;
          tip = target[a]!;
          continue;
        }
        // No admissible arc: lower the price just enough to create one (ε below the cheapest residual arc).
        for (let b = listHead[tip]!; b !== from; b = listNext[b]!) least = Math.min(least, cost[b]! + pt - prices[target[b]!]!);
        if (length > 0) {
          const back = reverse[path[length - 1]!]!;
          least = Math.min(least, cost[back]! + pt - prices[target[back]!]!);
        }
        prices[tip] = pt - (least + epsilon);
        nextOut[tip] = listHead[tip]!;
        relabels++;
        if (length > 0) tip = target[reverse[path[--length]!]!]!;
      }
      // Push along the path, as much as each node holds.
      let u = start;
      for (let i = 0; i < length; i++) {
        const a = path[i]!;
        const v = target[a]!;
        const delta = Math.min(capacity[a]!, excess[u]!);
        push(a, u, v, delta);
        if (excess[v]! > 0 && excess[v]! <= delta) enqueue(v);
        u = v;
      }
      if (relabels >= nodes * GLOBAL_UPDATE) {
        globalUpdate();
        relabels = 0;
      }
    }
    phase++;
    onPhase?.(phase, phases);
    // Once ε is small the flow is often optimal already: exact potentials within a few passes prove it, and the
    // remaining phases are skipped.
    if (epsilon > 1 && epsilon * EARLY_PROOF < net.scale) {
      const potentials = exactPotentials(net, prices, 3 * arcs);
      if (potentials) {
        onPhase?.(phases, phases);
        return { potentials, phases: phase };
      }
    }
  }
  return { potentials: exactPotentials(net, prices)!, phases: phase };
}

/**
 * Exact integer potentials from the scaled prices: start from the prices rounded down and correct labels until
 * every residual arc has a reduced cost ≥ 0. For an optimal flow there is no negative cycle and this ends; with
 * a budget (arcs scanned) it gives up and returns null, for a flow that may not be optimal yet.
 */
function exactPotentials(net: Residual, prices: Float64Array, budget = Infinity): Float64Array | null {
  const { nodes, firstOut, target, capacity, cost, scale } = net;
  let scanned = 0;
  const potential = new Float64Array(nodes);
  for (let v = 0; v < nodes; v++) potential[v] = Math.floor(prices[v]! / scale);
  // Label correcting: lower π(w) to π(v) + c while an arc v → w violates it.
  const queued = new Uint8Array(nodes).fill(1);
  const queue = new Int32Array(nodes + 1);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < nodes; v++) queue[tail++] = v;
  tail %= nodes + 1;
  while (head !== tail) {
    const v = queue[head]!;
    head = head === nodes ? 0 : head + 1;
    queued[v] = 0;
    scanned += firstOut[v + 1]! - firstOut[v]!;
    if (scanned > budget) return null;
    for (let a = firstOut[v]!; a < firstOut[v + 1]!; a++) {
      if (capacity[a]! <= 0) continue;
      const w = target[a]!;
      // Reduced cost c + π(v) − π(w) < 0: lower π(w).
      const allowed = cost[a]! / scale + potential[v]!;
      if (potential[w]! > allowed) {
        potential[w] = allowed;
        if (!queued[w]) {
          queued[w] = 1;
          queue[tail] = w;
          tail = tail === nodes ? 0 : tail + 1;
        }
      }
    }
  }
  return potential;
}

/** Solves an instance exactly; `onProgress(done, phases)` once the most placed is known and after each scaling phase. */
export function solveMatching(instance: MatchInstance, onProgress?: (done: number, steps: number) => void): SolveResult {
  const n = instance.clientCount;
  const { source, sink } = nodeLayout(instance);
  const net = buildResidual(instance);
  const placed = maximumFlow(net, source, sink);
  const { potentials, phases } = costScaling(net, onProgress);

  const assignment = new Array<number>(n).fill(-1);
  let cost = 0;
  for (let i = 0; i < n; i++) {
    for (let k = instance.pairStart[i]!; k < instance.pairStart[i + 1]!; k++) {
      if (net.capacity[net.pairArc[k]!] === 0) {
        assignment[i] = instance.pairRole[k]!;
        cost += instance.pairCost[k]!;
      }
    }
  }
  return { placed, cost, assignment, potentials, phases };
}
