import { seededRandom as random } from "@shared/random.js";
import type { MatchInstance } from "./instance.js";

export interface CityOptions {
  clients: number;
  roles: number;
  /** All places together; spread over the roles. */
  places: number;
  seed: number;
  /** Neighbourhood centres clients and roles cluster around. */
  centres?: number;
}

/**
 * A city-like instance: clients and roles clustered around neighbourhood centres on a 25 × 25 km map; each
 * client is feasible for its 20–100 nearest roles, at a cost from distance (in 10 m), a spare-hours penalty,
 * guidance over-provision and noise. Role lists are found through a grid, so C and X sizes build in seconds.
 */
export function cityInstance(options: CityOptions): MatchInstance {
  const rnd = random(options.seed);
  const centres = Array.from({ length: options.centres ?? 60 }, () => [rnd() * 25, rnd() * 25] as const);
  const near = () => {
    const [cx, cy] = centres[Math.floor(rnd() * centres.length)]!;
    const spread = 0.4 + rnd() * 1.6;
    return [cx + (rnd() - 0.5) * 2 * spread, cy + (rnd() - 0.5) * 2 * spread] as const;
  };
  const roles = Array.from({ length: options.roles }, near);
  const places = new Array<number>(options.roles).fill(0);
  for (let p = 0; p < options.places; p++) places[Math.floor(rnd() * options.roles)]!++;
  const guidance = Array.from({ length: options.roles }, () => Math.floor(rnd() * 3));

  // A grid of 1 km cells holding role indexes, searched ring by ring around each client.
  const size = 26;
  const cells: number[][] = Array.from({ length: size * size }, () => []);
  const cellOf = (x: number, y: number) =>
    Math.min(size - 1, Math.max(0, Math.floor(y))) * size + Math.min(size - 1, Math.max(0, Math.floor(x)));
  roles.forEach(([x, y], j) => {
    cells[cellOf(x, y)]!.push(j);
  });

  const pairStart = [0];
  const pairRole: number[] = [];
  const pairCost: number[] = [];
  for (let i = 0; i < options.clients; i++) {
    const [x, y] = near();
    const want = 20 + Math.floor(rnd() * 81);
    const need = Math.floor(rnd() * 3);
    const spareHours = Math.floor(rnd() * 12);
    const cx = Math.floor(x);
    const cy = Math.floor(y);
    let found: { j: number; d: number }[] = [];
    for (let ring = 0; ring < size && found.length < want * 2; ring++) {
      for (let gy = cy - ring; gy <= cy + ring; gy++) {
        for (let gx = cx - ring; gx <= cx + ring; gx++) {
          if (Math.max(Math.abs(gx - cx), Math.abs(gy - cy)) !== ring || gx < 0 || gy < 0 || gx >= size || gy >= size) continue;
          for (const j of cells[gy * size + gx]!) found.push({ j, d: Math.hypot(roles[j]![0] - x, roles[j]![1] - y) });
        }
      }
    }
    found = found
      .filter(({ j }) => guidance[j]! >= need)
      .sort((a, b) => a.d - b.d)
      .slice(0, want);
    for (const { j, d } of found) {
      pairRole.push(j);
      pairCost.push(Math.round(d * 100) + spareHours * 5 + (guidance[j]! - need) * 20 + Math.floor(rnd() * 30));
    }
    pairStart.push(pairRole.length);
  }
  return { clientCount: options.clients, roleCount: options.roles, places, pairStart, pairRole, pairCost };
}

/** The benchmark sizes of the matching issue. */
export const CITY_SIZES = {
  S: { clients: 2_000, roles: 400, places: 1_800 },
  C: { clients: 18_000, roles: 3_000, places: 16_500 },
  R: { clients: 18_000, roles: 4_000, places: 24_000 },
  X: { clients: 54_000, roles: 9_000, places: 50_000 },
} as const;
