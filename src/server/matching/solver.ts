import type { MatchInstance, MatchSolution } from "./instance.js";
import { nodeLayout } from "./instance.js";

/**
 * The placement network: source → client (capacity 1) → role (1 per pair, at the pair's cost) → organisation, when
 * the instance has organisations → sink. A role's outgoing arc carries its places, an organisation's its guidance
 * capacity. A bypass arc source → sink carries the clients left unplaced, at a cost per client above that of any
 * augmenting path, so the least-cost flow of all n units places as many clients as possible and, among those
 * placements, costs least.
 *
 * Solved by the primal network simplex method on a spanning tree (parent, depth and child lists per node), with a
 * block search for the entering arc: the most violating arc of the first block of √(arcs) arcs that has one, the
 * arcs stored interleaved so that a block spans the whole network. The leaving arc is the last blocking one of the
 * cycle, which keeps the tree strongly feasible, so degenerate pivots cannot cycle. Two things make it fast here:
 * - **Column generation.** Only each client's `CHEAPEST` cheapest pairs are searched at first; when none of them can
 *   enter, every other pair is priced once under the tree's potentials, those that would pay join the search, and the
 *   method goes on. When none would, the flow is optimal for all pairs.
 * - **A start that knows the costs.** The first tree hangs each client from the role of its cheapest pair, each role
 *   from its organisation or the sink, so the first potentials already price each client by its best role.
 *
 * The tree's potentials are exact integers and prove the answer (see `verifyOptimal`).
 */
export interface SolveResult extends MatchSolution {
  /** Node potentials in the layout of `nodeLayout`: reduced costs ≥ 0 on every residual arc. */
  potentials: Float64Array;
  /** Simplex pivots made. */
  pivots: number;
}

/** Arc states: at its lower bound, in the spanning tree, at its upper bound. */
const LOWER = 1;
const TREE = 0;
const UPPER = -1;
/** Pairs per client searched from the start, measured on the benchmark's city instances. */
const CHEAPEST = 5;

/** Solves an instance exactly: the most clients placed, at the least cost among those placements. */
export function solveMatching(instance: MatchInstance): SolveResult {
  const { clientCount: n, roleCount: m, places, pairStart, pairRole, pairCost } = instance;
  const layout = nodeLayout(instance);
  const { source, sink, nodes } = layout;
  const edges = pairStart[n]!;
  const groups = instance.groupCapacity?.length ?? 0;
  const root = nodes;
  const realArcs = n + 1 + edges + m + groups;
  const allArcs = realArcs + nodes;

  // Per arc (real arcs first, then one artificial arc per node): its ends, cost, capacity, flow and state.
  const tail = new Int32Array(allArcs);
  const head = new Int32Array(allArcs);
  const cost = new Float64Array(allArcs);
  const capacity = new Float64Array(allArcs);
  const flow = new Float64Array(allArcs);
  const state = new Int8Array(allArcs);
  // The search's view of each arc, in its residual direction: ends `from`, `to` at 2e, 2e + 1 and the cost that way,
  // so that its reduced cost is negative exactly when it may enter (a tree arc's is 0).
  const ends = new Int32Array(2 * realArcs);
  const priced = new Float64Array(realArcs);
  const orient = (e: number) => {
    const up = state[e] === UPPER;
    ends[2 * e] = up ? head[e]! : tail[e]!;
    ends[2 * e + 1] = up ? tail[e]! : head[e]!;
    priced[e] = up ? -cost[e]! : cost[e]!;
  };
  let greatest = 0;
  let least = 0;
  for (let k = 0; k < edges; k++) {
    greatest = Math.max(greatest, pairCost[k]!);
    least = Math.min(least, pairCost[k]!);
  }
  // Leaving a client unplaced costs more than any augmenting path can: the most placed comes first.
  const reward = 1 + Math.min(n, m) * (greatest - least);
  // The search starts with each client's CHEAPEST cheapest pairs; the others wait outside it until the potentials
  // show that one of them would pay (column generation), and a last pass over them all proves that none would.
  const chosen = new Uint8Array(edges);
  const cheapest = new Float64Array(CHEAPEST);
  let chosenCount = 0;
  for (let i = 0; i < n; i++) {
    const from = pairStart[i]!;
    const to = pairStart[i + 1]!;
    let threshold = Infinity;
    if (to - from > CHEAPEST) {
      // The CHEAPEST-th least cost, by insertion into a short sorted list.
      cheapest.fill(Infinity);
      for (let k = from; k < to; k++) {
        const c = pairCost[k]!;
        if (c >= cheapest[CHEAPEST - 1]!) continue;
        let x = CHEAPEST - 1;
        for (; x > 0 && cheapest[x - 1]! > c; x--) cheapest[x] = cheapest[x - 1]!;
        cheapest[x] = c;
      }
      threshold = cheapest[CHEAPEST - 1]!;
    }
    for (let k = from; k < to; k++) {
      if (pairCost[k]! <= threshold) {
        chosen[k] = 1;
        chosenCount++;
      }
    }
  }
  let active = n + 1 + chosenCount + m + groups;
  // Arcs are stored interleaved, every `skip`-th in turn, so that each block of the search sees the whole network.
  const skip = Math.max(3, Math.floor(active / nodes));
  let slot = 0;
  let lane = 0;
  const pairAt = new Int32Array(realArcs);
  const add = (from: number, to: number, cap: number, unitCost: number, at = -1) => {
    let a = at;
    if (at === -1) {
      a = slot;
      slot += skip;
      if (slot >= active) slot = ++lane;
    }
    tail[a] = from;
    head[a] = to;
    capacity[a] = cap;
    cost[a] = unitCost;
    state[a] = LOWER;
    orient(a);
    return a;
  };
  for (let i = 0; i < n; i++) add(source, layout.client(i), 1, 0);
  const bypass = add(source, sink, n, reward);
  // The searched pairs, client by client: their arcs are chosenArc[chosenStart[i] .. chosenStart[i + 1] - 1].
  const chosenStart = new Int32Array(n + 1);
  const chosenArc = new Int32Array(chosenCount);
  for (let i = 0, c = 0; i < n; i++) {
    for (let k = pairStart[i]!; k < pairStart[i + 1]!; k++) {
      if (!chosen[k]) continue;
      const e = add(layout.client(i), layout.role(pairRole[k]!), 1, pairCost[k]!);
      pairAt[e] = k;
      chosenArc[c++] = e;
    }
    chosenStart[i + 1] = c;
  }
  const above = (j: number) => (groups ? layout.group(instance.roleGroup![j]!) : sink);
  const upArc = Int32Array.from({ length: m + groups }, (_, j) =>
    j < m ? add(layout.role(j), above(j), places[j]!, 0) : add(layout.group(j - m), sink, instance.groupCapacity![j - m]!, 0),
  );

  // The starting tree, strongly feasible, with every arc in it towards the root except the sink's: the source and
  // the sink hang from an artificial root by artificial arcs carrying all n units (the sink's dearer than any real
  // path), each role and group with room from the node above it, and each client from the role of its cheapest
  // pair, so that the first potentials already price each client by its cheapest role. Nodes left over hang from
  // the root by artificial arcs towards it, which carry nothing; artificial arcs never enter again.
  const parent = new Int32Array(nodes + 1);
  const pred = new Int32Array(nodes + 1);
  const depth = new Int32Array(nodes + 1);
  const firstChild = new Int32Array(nodes + 1).fill(-1);
  const nextSibling = new Int32Array(nodes + 1).fill(-1);
  const prevSibling = new Int32Array(nodes + 1).fill(-1);
  const pi = new Float64Array(nodes + 1);
  const attach = (child: number, to: number) => {
    parent[child] = to;
    const first = firstChild[to]!;
    prevSibling[child] = -1;
    nextSibling[child] = first;
    if (first !== -1) prevSibling[first] = child;
    firstChild[to] = child;
  };
  const detach = (child: number) => {
    const before = prevSibling[child]!;
    const after = nextSibling[child]!;
    if (before === -1) firstChild[parent[child]!] = after;
    else nextSibling[before] = after;
    if (after !== -1) prevSibling[after] = before;
  };
  parent[root] = -1;
  pred[root] = -1;
  const hang = (v: number, e: number) => {
    const up = head[e] === v ? tail[e]! : head[e]!;
    state[e] = TREE;
    orient(e);
    pred[v] = e;
    attach(v, up);
    depth[v] = depth[up]! + 1;
    pi[v] = head[e] === v ? pi[up]! + cost[e]! : pi[up]! - cost[e]!;
  };
  const artificialArc = (v: number, toRoot: boolean, units: number, unitCost: number) => {
    const e = realArcs + v;
    tail[e] = toRoot ? v : root;
    head[e] = toRoot ? root : v;
    capacity[e] = Infinity;
    flow[e] = units;
    cost[e] = unitCost;
    return e;
  };
  hang(source, artificialArc(source, true, n, 0));
  hang(sink, artificialArc(sink, n === 0, n, n === 0 ? 0 : 3 * reward + 1));
  const reached = new Uint8Array(nodes);
  reached[sink] = 1;
  for (let x = 0; x < groups + m; x++) {
    const v = x < groups ? layout.group(x) : layout.role(x - groups);
    const e = upArc[x < groups ? m + x : x - groups]!;
    if (capacity[e]! > 0 && reached[head[e]!]) {
      hang(v, e);
      reached[v] = 1;
    } else hang(v, artificialArc(v, true, 0, 0));
  }
  for (let i = 0; i < n; i++) {
    let best = -1;
    for (let c = chosenStart[i]!; c < chosenStart[i + 1]!; c++) {
      const e = chosenArc[c]!;
      if (reached[head[e]!] && (best === -1 || cost[e]! < cost[best]!)) best = e;
    }
    hang(layout.client(i), best === -1 ? artificialArc(layout.client(i), true, 0, 0) : best);
  }

  /** Brings the waiting arcs that would now pay into the search; false when none would. */
  const admit = () => {
    const before = active;
    for (let i = 0; i < n; i++) {
      const p = pi[layout.client(i)]!;
      for (let k = pairStart[i]!; k < pairStart[i + 1]!; k++) {
        const j = layout.role(pairRole[k]!);
        if (chosen[k] || pairCost[k]! + p - pi[j]! >= 0) continue;
        chosen[k] = 1;
        pairAt[add(layout.client(i), j, 1, pairCost[k]!, active++)] = k;
      }
    }
    return active > before;
  };
  let block = Math.max(10, Math.ceil(Math.sqrt(active)));
  let next = 0;
  let pivots = 0;
  for (;;) {
    // Block search: the most violating arc in the first block of arcs that has one.
    let entering = -1;
    let most = 0;
    let end = active;
    let e = next;
    for (let count = block; ; ) {
      const stop = Math.min(end, e + count);
      count -= stop - e;
      for (; e < stop; e++) {
        const reduced = priced[e]! + pi[ends[2 * e]!]! - pi[ends[2 * e + 1]!]!;
        if (reduced < most) {
          most = reduced;
          entering = e;
        }
      }
      if (count === 0) {
        if (entering !== -1) break;
        count = block;
      }
      if (e === end) {
        // Wrapped round: the second part, from the first arc up to where this search began.
        if (end !== active || next === 0) break;
        end = next;
        e = 0;
      }
      if (e === next && end === next) break;
    }
    if (entering === -1) {
      if (admit()) {
        block = Math.max(10, Math.ceil(Math.sqrt(active)));
        continue;
      }
      break;
    }
    next = e === active ? 0 : e;
    pivots++;

    // The cycle the entering arc closes: flow goes from `first` over the arc to `second`, up to the join and back.
    const first = state[entering] === LOWER ? tail[entering]! : head[entering]!;
    const second = state[entering] === LOWER ? head[entering]! : tail[entering]!;
    let u = first;
    let v = second;
    while (u !== v) {
      if (depth[u]! > depth[v]!) u = parent[u]!;
      else if (depth[v]! > depth[u]!) v = parent[v]!;
      else {
        u = parent[u]!;
        v = parent[v]!;
      }
    }
    const join = u;
    // The leaving arc: the last blocking arc of the cycle from the join, which keeps the tree strongly feasible.
    let delta = capacity[entering]!;
    let side = 0;
    let out = -1;
    for (let w = first; w !== join; w = parent[w]!) {
      const e = pred[w]!;
      // Flow runs down from the parent to w.
      const room = tail[e] === w ? flow[e]! : capacity[e]! - flow[e]!;
      if (room < delta) {
        delta = room;
        out = w;
        side = 1;
      }
    }
    for (let w = second; w !== join; w = parent[w]!) {
      const e = pred[w]!;
      // Flow runs up from w to the parent.
      const room = tail[e] === w ? capacity[e]! - flow[e]! : flow[e]!;
      if (room <= delta) {
        delta = room;
        out = w;
        side = 2;
      }
    }
    if (delta > 0) {
      flow[entering]! += state[entering] === LOWER ? delta : -delta;
      for (let w = first; w !== join; w = parent[w]!) {
        const e = pred[w]!;
        flow[e]! += tail[e] === w ? -delta : delta;
      }
      for (let w = second; w !== join; w = parent[w]!) {
        const e = pred[w]!;
        flow[e]! += tail[e] === w ? delta : -delta;
      }
    }
    if (side === 0) {
      state[entering] = -state[entering]!;
      orient(entering);
      continue;
    }
    const leaving = pred[out]!;
    state[leaving] = flow[leaving] === 0 ? LOWER : UPPER;
    state[entering] = TREE;
    if (leaving < realArcs) orient(leaving);
    orient(entering);
    // Re-hang the subtree below the leaving arc from the entering arc: reverse the path from `low` up to `out`.
    const low = side === 1 ? first : second;
    const high = side === 1 ? second : first;
    let child = low;
    let newParent = high;
    let arc = entering;
    for (;;) {
      const oldParent = parent[child]!;
      const oldArc = pred[child]!;
      detach(child);
      attach(child, newParent);
      pred[child] = arc;
      if (child === out) break;
      newParent = child;
      child = oldParent;
      arc = oldArc;
    }
    // Potentials and depths of the re-hung subtree, walked depth first through the child lists.
    const sigma = tail[entering] === low ? pi[high]! - cost[entering]! - pi[low]! : pi[high]! + cost[entering]! - pi[low]!;
    let w = low;
    pi[w]! += sigma;
    depth[w] = depth[high]! + 1;
    for (;;) {
      let to = firstChild[w]!;
      if (to === -1) {
        while (w !== low && nextSibling[w] === -1) w = parent[w]!;
        if (w === low) break;
        to = nextSibling[w]!;
      }
      w = to;
      pi[w]! += sigma;
      depth[w] = depth[parent[w]!]! + 1;
    }
  }

  const assignment = new Array<number>(n).fill(-1);
  let total = 0;
  for (let e = 0; e < active; e++) {
    const k = pairAt[e]!;
    if (tail[e] === source || tail[e]! > n || flow[e] === 0) continue;
    assignment[tail[e]! - 1] = pairRole[k]!;
    total += pairCost[k]!;
  }
  const potentials = new Float64Array(nodes);
  for (let v = 0; v < nodes; v++) potentials[v] = pi[v]! - pi[source]!;
  return { placed: n - flow[bypass]!, cost: total, assignment, potentials, pivots };
}
