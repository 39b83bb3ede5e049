/**
 * A placement instance in compressed sparse rows: client i may take role `pairRole[k]` at cost `pairCost[k]`
 * for k in `pairStart[i] .. pairStart[i+1]-1`; role j has `places[j]` places. Costs are integers.
 */
export interface MatchInstance {
  clientCount: number;
  roleCount: number;
  places: number[];
  pairStart: number[];
  pairRole: number[];
  pairCost: number[];
  /**
   * Optional: the group (host organisation) of each role, and per group how many placements its guidance hours
   * carry. Places of the roles of one group then share the group's capacity.
   */
  roleGroup?: number[];
  groupCapacity?: number[];
}

/** Node numbers of the placement network: source, clients, roles, groups, sink. */
export function nodeLayout(instance: MatchInstance) {
  const n = instance.clientCount;
  const m = instance.roleCount;
  const g = instance.groupCapacity?.length ?? 0;
  return {
    source: 0,
    client: (i: number) => 1 + i,
    role: (j: number) => 1 + n + j,
    group: (k: number) => 1 + n + m + k,
    sink: 1 + n + m + g,
    nodes: n + m + g + 2,
  };
}

/** The best assignment: as many clients placed as possible, then the least total cost. */
export interface MatchSolution {
  placed: number;
  cost: number;
  /** Per client the role index, or -1 when unplaced. */
  assignment: number[];
}

/** Checks the shape of an instance (lengths, ranges, integers); throws with the first problem found. */
export function assertValidInstance(instance: MatchInstance): void {
  const { clientCount: n, roleCount: m, places, pairStart, pairRole, pairCost } = instance;
  const fail = (message: string): never => {
    throw new Error(`Invalid instance: ${message}`);
  };
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(m) || m < 0) fail("clientCount and roleCount are whole numbers ≥ 0");
  if (places.length !== m) fail(`places has ${places.length} entries for ${m} roles`);
  if (places.some((p) => !Number.isInteger(p) || p < 0)) fail("places are whole numbers ≥ 0");
  if (pairStart.length !== n + 1 || pairStart[0] !== 0) fail("pairStart has clientCount + 1 entries and starts at 0");
  for (let i = 0; i < n; i++) if (pairStart[i + 1]! < pairStart[i]!) fail(`pairStart decreases at client ${i}`);
  const e = pairStart[n]!;
  if (pairRole.length !== e || pairCost.length !== e) fail(`pairRole and pairCost have ${e} entries`);
  if (pairRole.some((r) => !Number.isInteger(r) || r < 0 || r >= m)) fail("pairRole holds role indexes");
  if (pairCost.some((c) => !Number.isSafeInteger(c) || Math.abs(c) > MAX_COST))
    fail(`pairCost holds integers of at most ${MAX_COST} in size`);
  const { roleGroup, groupCapacity } = instance;
  if ((roleGroup === undefined) !== (groupCapacity === undefined)) fail("roleGroup and groupCapacity come together");
  if (roleGroup && groupCapacity) {
    if (roleGroup.length !== m) fail(`roleGroup has ${roleGroup.length} entries for ${m} roles`);
    if (roleGroup.some((k) => !Number.isInteger(k) || k < 0 || k >= groupCapacity.length)) fail("roleGroup holds group indexes");
    if (groupCapacity.some((c) => !Number.isInteger(c) || c < 0)) fail("groupCapacity holds whole numbers ≥ 0");
  }
}

/** Costs stay this small so that scaled costs and prices remain exact in double precision. */
export const MAX_COST = 100_000;
