/**
 * The matching problem as a linear program for CLP (Debian's `coinor-clp`), in free MPS format, and the reading
 * of CLP's solution file back into placed and cost.
 *
 * One variable x_k per pair, rows "each client at most once" and "each role at most its places" (and "each
 * organisation at most its capacity" when the instance has them). x_k ≤ 1 follows from the client row, so no
 * bounds are written. The constraint matrix is that of a bipartite flow problem, hence totally unimodular: a
 * basic optimal solution, which the simplex method returns, is integral.
 *
 * Objective, minimised: Σ (cost_k − M) x_k, a single objective with a reward M per placement that dominates
 * every cost difference. Why this gives the same lexicographic optimum as the solver (most placed, then least
 * cost): let C(p) be the least cost of an assignment placing p clients. By the theory of successive shortest
 * paths, C(p + 1) − C(p) is the cost of a shortest augmenting path, a simple path source → client → role →
 * client → … → role (→ organisation) → sink. Each of its forward pair arcs enters a different role, so it has
 * t ≤ min(n, m) of them and t − 1 backward ones, and costs at most t · (max(0, greatest) − min(0, least)).
 * With M = 1 + min(n, m) · (max(0, greatest) − min(0, least)) every further placement lowers C(p) − M·p, so
 * the objective is least at the most placed, and there at the least cost. The same M prices the bypass arc of
 * the LEMON program (bench/lemon/solve.cpp).
 */
import fs from "node:fs";
import type { MatchInstance } from "@server/matching/instance.js";

/** The per-placement reward M of the objective above. */
export function placementReward(instance: MatchInstance): number {
  let least = 0;
  let greatest = 0;
  for (const c of instance.pairCost) {
    if (c < least) least = c;
    if (c > greatest) greatest = c;
  }
  return 1 + Math.min(instance.clientCount, instance.roleCount) * (greatest - least);
}

/** Writes the instance as a free-format MPS file that `clp FILE -dualsimplex` reads. */
export function writeMps(instance: MatchInstance, file: string): void {
  const { clientCount: n, places, pairStart, pairRole, pairCost, roleGroup, groupCapacity } = instance;
  const reward = placementReward(instance);
  const pairsOf = (i: number) => ({ from: pairStart[i] ?? 0, to: pairStart[i + 1] ?? 0 });
  const clientRows: number[] = [];
  for (let i = 0; i < n; i++) if (pairsOf(i).to > pairsOf(i).from) clientRows.push(i);
  // Rows only for roles and organisations that some pair reaches; an empty row constrains nothing.
  const roleRows = [...new Set(pairRole)].sort((a, b) => a - b);
  const groupRows = roleGroup ? [...new Set(roleRows.map((j) => roleGroup[j] ?? 0))].sort((a, b) => a - b) : [];
  const out: string[] = ["NAME matching", "ROWS", " N obj"];
  for (const i of clientRows) out.push(` L c${i}`);
  for (const j of roleRows) out.push(` L r${j}`);
  for (const g of groupRows) out.push(` L g${g}`);
  out.push("COLUMNS");
  for (const i of clientRows) {
    const { from, to } = pairsOf(i);
    for (let k = from; k < to; k++) {
      const j = pairRole[k] ?? 0;
      const group = roleGroup ? ` g${roleGroup[j]} 1` : "";
      out.push(` x${k} obj ${(pairCost[k] ?? 0) - reward} c${i} 1 r${j} 1${group}`);
    }
  }
  out.push("RHS");
  for (const i of clientRows) out.push(` rhs c${i} 1`);
  for (const j of roleRows) out.push(` rhs r${j} ${places[j]}`);
  for (const g of groupRows) out.push(` rhs g${g} ${groupCapacity?.[g]}`);
  out.push("ENDATA", "");
  fs.writeFileSync(file, out.join("\n"));
}

/**
 * Placed and cost from CLP's solution file (`-solution FILE`, nonzero columns: index, name, value, reduced cost),
 * and whether CLP reported the optimum. Values are rounded, as the optimum is integral; a fractional value is an error.
 */
export function readClpSolution(instance: MatchInstance, file: string): { optimal: boolean; placed: number; cost: number } {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const optimal = /^Optimal/i.test(lines[0] ?? "");
  let placed = 0;
  let cost = 0;
  for (const line of lines.slice(1)) {
    const match = /^\s*\d+\s+x(\d+)\s+(\S+)/.exec(line);
    if (!match) continue;
    const value = Number(match[2]);
    const x = Math.round(value);
    if (Math.abs(value - x) > 1e-6) throw new Error(`CLP gave a fractional value ${value} for x${match[1]}`);
    placed += x;
    cost += x * (instance.pairCost[Number(match[1])] ?? Number.NaN);
  }
  return { optimal, placed, cost };
}
