import fc from "fast-check";
import highsLoader from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { OptimalityError, verifyOptimal } from "./certificate.js";
import { cityInstance } from "./generator.js";
import type { MatchInstance } from "./instance.js";
import { solveMatching } from "./solver.js";

let highs: Awaited<ReturnType<typeof highsLoader>>;
beforeAll(async () => {
  highs = await highsLoader();
});

/** The same problem as a linear program for HiGHS: its optimum is integral (the matrix is totally unimodular). */
function solveWithHighs(instance: MatchInstance): { placed: number; cost: number } {
  const edges = instance.pairRole.length;
  if (edges === 0) return { placed: 0, cost: 0 };
  const maxCost = Math.max(1, ...instance.pairCost.map(Math.abs));
  // One more placement always outweighs any difference in cost.
  const big = (2 * maxCost + 1) * (instance.clientCount + 1);
  const term = (k: number, weight: number) => `${weight >= 0 ? "+" : "-"} ${Math.abs(weight)} x${k}`;
  const lines = [
    "Minimize",
    ` obj: ${Array.from({ length: edges }, (_, k) => term(k, (instance.pairCost[k] ?? 0) - big)).join(" ")}`,
    "Subject To",
  ];
  for (let i = 0; i < instance.clientCount; i++) {
    const from = instance.pairStart[i] ?? 0;
    const ks = Array.from({ length: (instance.pairStart[i + 1] ?? 0) - from }, (_, d) => from + d);
    if (ks.length) lines.push(` c${i}: ${ks.map((k) => `+ x${k}`).join(" ")} <= 1`);
  }
  for (let j = 0; j < instance.roleCount; j++) {
    const ks = instance.pairRole.flatMap((r, k) => (r === j ? [k] : []));
    if (ks.length) lines.push(` r${j}: ${ks.map((k) => `+ x${k}`).join(" ")} <= ${instance.places[j]}`);
  }
  instance.groupCapacity?.forEach((capacity, g) => {
    const ks = instance.pairRole.flatMap((r, k) => (instance.roleGroup?.[r] === g ? [k] : []));
    if (ks.length) lines.push(` g${g}: ${ks.map((k) => `+ x${k}`).join(" ")} <= ${capacity}`);
  });
  lines.push("Bounds", ...Array.from({ length: edges }, (_, k) => ` 0 <= x${k} <= 1`), "End");
  const result = highs.solve(lines.join("\n"));
  if (result.Status !== "Optimal") throw new Error(`HiGHS: ${result.Status}`);
  let placed = 0;
  let cost = 0;
  for (let k = 0; k < edges; k++) {
    const x = Math.round((result.Columns[`x${k}`] as { Primal: number }).Primal);
    placed += x;
    cost += x * (instance.pairCost[k] ?? 0);
  }
  return { placed, cost };
}

/**
 * Small instances of every awkward kind: equal costs, single places, clients without pairs, spare places, and
 * roles grouped under organisations whose guidance capacity is tighter than their places.
 */
const instances = fc
  .record({
    clientCount: fc.integer({ min: 0, max: 9 }),
    roleCount: fc.integer({ min: 1, max: 6 }),
    maxPlaces: fc.integer({ min: 0, max: 4 }),
    equalCosts: fc.boolean(),
    density: fc.double({ min: 0, max: 1, noNaN: true }),
    groupCount: fc.integer({ min: 0, max: 3 }),
  })
  .chain(({ clientCount, roleCount, maxPlaces, equalCosts, density, groupCount }) =>
    fc
      .record({
        roleGroup: fc.array(fc.integer({ min: 0, max: Math.max(0, groupCount - 1) }), { minLength: roleCount, maxLength: roleCount }),
        groupCapacity: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: groupCount, maxLength: groupCount }),
        places: fc.array(fc.integer({ min: 0, max: maxPlaces }), { minLength: roleCount, maxLength: roleCount }),
        pairs: fc.array(
          fc.array(
            fc.record({
              role: fc.integer({ min: 0, max: roleCount - 1 }),
              cost: equalCosts ? fc.constant(7) : fc.integer({ min: -5, max: 40 }),
              keep: fc.double({ min: 0, max: 1, noNaN: true }),
            }),
            { maxLength: roleCount + 1 },
          ),
          { minLength: clientCount, maxLength: clientCount },
        ),
      })
      .map(({ places, pairs, roleGroup, groupCapacity }): MatchInstance => {
        const pairStart = [0];
        const pairRole: number[] = [];
        const pairCost: number[] = [];
        for (const client of pairs) {
          for (const pair of client) {
            if (pair.keep > density) continue;
            pairRole.push(pair.role);
            pairCost.push(pair.cost);
          }
          pairStart.push(pairRole.length);
        }
        const groups = groupCapacity.length ? { roleGroup, groupCapacity } : {};
        return { clientCount, roleCount, places, pairStart, pairRole, pairCost, ...groups };
      }),
  );

describe("the matching solver", () => {
  it("places as many clients as HiGHS at the same least cost, with a certificate, on random small instances", () => {
    fc.assert(
      fc.property(instances, (instance) => {
        const solution = solveMatching(instance);
        verifyOptimal(instance, solution, solution.potentials);
        const reference = solveWithHighs(instance);
        expect({ placed: solution.placed, cost: solution.cost }).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it("matches HiGHS on generated city instances, with and without organisations whose capacity is tighter than their places", () => {
    for (const seed of [1, 2, 3]) {
      const instance = cityInstance({ clients: 300, roles: 60, places: 250, seed, centres: 8 });
      const grouped: MatchInstance = {
        ...instance,
        roleGroup: Array.from({ length: instance.roleCount }, (_, j) => (j * 7 + seed) % 9),
        groupCapacity: Array.from({ length: 9 }, (_, g) => 10 + ((g * 5 + seed) % 25)),
      };
      for (const each of [instance, grouped]) {
        const solution = solveMatching(each);
        verifyOptimal(each, solution, solution.potentials);
        expect({ placed: solution.placed, cost: solution.cost }).toEqual(solveWithHighs(each));
      }
    }
  });

  it("finds an optimum that needs pairs beyond each client's cheapest five, which the search admits only when they pay", () => {
    // Ten clients, each with the same seven roles at rising cost; the five cheapest roles have one place each, so
    // five clients must take the sixth or seventh role, a pair the first search leaves out.
    const instance: MatchInstance = {
      clientCount: 10,
      roleCount: 7,
      places: [1, 1, 1, 1, 1, 1, 10],
      pairStart: Array.from({ length: 11 }, (_, i) => 7 * i),
      pairRole: Array.from({ length: 70 }, (_, k) => k % 7),
      pairCost: Array.from({ length: 70 }, (_, k) => 10 * (k % 7) + Math.floor(k / 7)),
    };
    const solution = solveMatching(instance);
    verifyOptimal(instance, solution, solution.potentials);
    expect({ placed: solution.placed, cost: solution.cost }).toEqual(solveWithHighs(instance));
    expect(solution.assignment.filter((j) => j >= 5)).toHaveLength(5);
  });

  it("solves degenerate and partly infeasible instances: nobody, no places, no pairs, equal costs, a group without capacity", () => {
    const cases: MatchInstance[] = [
      { clientCount: 0, roleCount: 2, places: [1, 1], pairStart: [0], pairRole: [], pairCost: [] },
      { clientCount: 3, roleCount: 2, places: [0, 0], pairStart: [0, 1, 2, 4], pairRole: [0, 1, 0, 1], pairCost: [3, 4, 5, 6] },
      { clientCount: 2, roleCount: 1, places: [2], pairStart: [0, 0, 0], pairRole: [], pairCost: [] },
      {
        clientCount: 6,
        roleCount: 3,
        places: [1, 1, 1],
        pairStart: [0, 3, 6, 9, 12, 15, 18],
        pairRole: Array.from({ length: 18 }, (_, k) => k % 3),
        pairCost: Array.from({ length: 18 }, () => 4),
      },
      {
        clientCount: 3,
        roleCount: 3,
        places: [2, 2, 2],
        pairStart: [0, 2, 4, 6],
        pairRole: [0, 1, 1, 2, 0, 2],
        pairCost: [-3, 2, 0, -1, 5, 5],
        roleGroup: [0, 1, 1],
        groupCapacity: [0, 1],
      },
    ];
    for (const instance of cases) {
      const solution = solveMatching(instance);
      verifyOptimal(instance, solution, solution.potentials);
      expect({ placed: solution.placed, cost: solution.cost }).toEqual(solveWithHighs(instance));
    }
  });

  it("solves a known instance: three clients for two single places, the cheapest two placed", () => {
    const instance: MatchInstance = {
      clientCount: 3,
      roleCount: 2,
      places: [1, 1],
      pairStart: [0, 2, 3, 4],
      pairRole: [0, 1, 0, 1],
      pairCost: [5, 1, 2, 3],
    };
    const solution = solveMatching(instance);
    // Client 0 gives way to client 1 for role 0 and takes role 1: two placed at 1 + 2.
    expect(solution).toMatchObject({ placed: 2, cost: 3, assignment: [1, 0, -1] });
  });

  it("fails the certificate for a corrupted solution: a costlier swap, an extra client in a full role, a missed placement", () => {
    const instance: MatchInstance = {
      clientCount: 3,
      roleCount: 2,
      places: [1, 2],
      pairStart: [0, 2, 4, 5],
      pairRole: [0, 1, 0, 1, 1],
      pairCost: [1, 9, 9, 1, 4],
    };
    const solution = solveMatching(instance);
    expect(() => verifyOptimal(instance, solution, solution.potentials)).not.toThrow();
    const swapped = { placed: 3, cost: 9 + 9 + 4, assignment: [1, 0, 1] };
    expect(() => verifyOptimal(instance, swapped, solution.potentials)).toThrow(OptimalityError);
    const overfull = { placed: 3, cost: 1 + 9 + 4, assignment: [0, 0, 1] };
    expect(() => verifyOptimal(instance, overfull, solution.potentials)).toThrow(/places/);
    const fewer = { placed: 2, cost: 1 + 1, assignment: [0, 1, -1] };
    expect(() => verifyOptimal(instance, fewer, solution.potentials)).toThrow(OptimalityError);
  });
});
