import type { MatchInstance } from "@server/matching/instance.js";
import { type MatchConstraint, SHORTFALL_CAUSES, type ShortfallCause } from "@shared/schemas/matching.js";
import type { GuidanceLevel } from "@shared/schemas/roles.js";
import { fittingRoles, type OfferIndex } from "./candidates.js";
import {
  type ClientProfile,
  causeWithoutRoles,
  constraintKeepingRole,
  type Evaluation,
  evaluate,
  type RoleOffer,
} from "./matching.rules.js";

/** A city-wide plan as the solver sees it, with the roles and evaluations behind its numbers. */
export interface PlanInstance {
  instance: MatchInstance & { roleGroup: number[]; groupCapacity: number[] };
  roles: RoleOffer[];
  /** Per client, its candidate roles (index in `roles`) in the instance's order, with their evaluation. */
  pairs: { role: number; evaluation: Evaluation }[][];
}

/**
 * Builds the instance: each client's cheapest fitting roles (at most `pairsPerClient`); each organisation
 * carries as many placements as its guidance hours allow at the highest need among its candidates (a
 * conservative bound) and as its roles have places.
 */
export function buildPlanInstance(
  profiles: readonly ClientProfile[],
  index: OfferIndex,
  hoursPerLevel: Record<GuidanceLevel, number>,
  pairsPerClient: number,
): PlanInstance {
  const roleIndex = new Map<string, number>();
  const roles: RoleOffer[] = [];
  const highestNeed = new Map<string, number>();
  const pairs = profiles.map((profile) => {
    const need = hoursPerLevel[profile.guidanceNeed];
    const { fits } = fittingRoles(profile, index.candidates(profile), hoursPerLevel);
    return fits.slice(0, pairsPerClient).map(({ offer, evaluation }) => {
      let role = roleIndex.get(offer.id);
      if (role === undefined) {
        role = roles.length;
        roleIndex.set(offer.id, role);
        roles.push(offer);
      }
      highestNeed.set(offer.organisationId, Math.max(highestNeed.get(offer.organisationId) ?? 0, need));
      return { role, evaluation };
    });
  });
  const organisations = [...new Set(roles.map((r) => r.organisationId))];
  const groupOf = new Map(organisations.map((id, g) => [id, g]));
  const guidanceLeft = new Map(roles.map((r) => [r.organisationId, r.guidanceHoursLeft]));
  const placesOf = new Map<string, number>();
  for (const r of roles) placesOf.set(r.organisationId, (placesOf.get(r.organisationId) ?? 0) + r.freePlaces);
  const pairStart = [0];
  let total = 0;
  for (const list of pairs) {
    total += list.length;
    pairStart.push(total);
  }
  const all = pairs.flat();
  return {
    roles,
    pairs,
    instance: {
      clientCount: profiles.length,
      roleCount: roles.length,
      places: roles.map((r) => r.freePlaces),
      pairStart,
      pairRole: all.map((p) => p.role),
      pairCost: all.map((p) => p.evaluation.cost),
      roleGroup: roles.map((r) => groupOf.get(r.organisationId) ?? 0),
      groupCapacity: organisations.map((id) => {
        const need = highestNeed.get(id) ?? 0;
        const byHours = need > 0 ? Math.floor(((guidanceLeft.get(id) ?? 0) + 1e-9) / need) : Number.POSITIVE_INFINITY;
        return Math.max(0, Math.min(byHours, placesOf.get(id) ?? 0));
      }),
    },
  };
}

/** The evaluation behind the role the solver gave client `i`, or undefined when it stays unplaced. */
export function assignedPair(plan: PlanInstance, i: number, role: number | undefined) {
  if (role === undefined || role === -1) return undefined;
  return plan.pairs[i]?.find((pair) => pair.role === role);
}

/** Per district: how many were eligible, how many placed, and why the others stay unplaced. */
export interface DistrictShortfall {
  district: string;
  eligible: number;
  placed: number;
  unplaced: number;
  causes: Record<ShortfallCause, number>;
  bindsMost: ShortfallCause | null;
}

/**
 * Why each unplaced client stays unplaced: with fitting roles, all taken, by their places or by their
 * organisation's guidance hours; without, the constraint that lifted alone would open the most roles.
 */
export function shortfallOf(
  profiles: readonly ClientProfile[],
  plan: PlanInstance,
  assignment: readonly number[],
  index: OfferIndex,
  hoursPerLevel: Record<GuidanceLevel, number>,
): DistrictShortfall[] {
  const { instance } = plan;
  const used = new Array<number>(plan.roles.length).fill(0);
  const groupUsed = new Array<number>(instance.groupCapacity.length).fill(0);
  for (const j of assignment) {
    if (j === -1) continue;
    used[j] = (used[j] ?? 0) + 1;
    const g = instance.roleGroup[j] ?? 0;
    groupUsed[g] = (groupUsed[g] ?? 0) + 1;
  }
  const roleFilled = (j: number) => (used[j] ?? 0) >= (instance.places[j] ?? 0);
  const groupFilled = (j: number) => {
    const g = instance.roleGroup[j] ?? 0;
    return (groupUsed[g] ?? 0) >= (instance.groupCapacity[g] ?? 0);
  };
  const causeOf = (profile: ClientProfile, i: number): ShortfallCause => {
    const pairs = plan.pairs[i] ?? [];
    if (pairs.length > 0) return pairs.some(({ role }) => !roleFilled(role) && groupFilled(role)) ? "guidance" : "places";
    const only = new Map<MatchConstraint, number>();
    let fullButFitting = 0;
    for (const offer of index.candidates(profile, true)) {
      const { failures } = evaluate(profile, offer, hoursPerLevel);
      if (offer.freePlaces <= 0) {
        if (failures.length === 0) fullButFitting++;
        continue;
      }
      const keeping = constraintKeepingRole(failures);
      if (keeping) only.set(keeping, (only.get(keeping) ?? 0) + 1);
    }
    return causeWithoutRoles(only, fullButFitting);
  };

  const tallies = new Map<string, { eligible: number; placed: number; causes: Record<ShortfallCause, number> }>();
  profiles.forEach((profile, i) => {
    const key = profile.district ?? "—";
    const tally = tallies.get(key) ?? {
      eligible: 0,
      placed: 0,
      causes: Object.fromEntries(SHORTFALL_CAUSES.map((c) => [c, 0])) as Record<ShortfallCause, number>,
    };
    tallies.set(key, tally);
    tally.eligible++;
    if ((assignment[i] ?? -1) !== -1) tally.placed++;
    else tally.causes[causeOf(profile, i)]++;
  });
  return [...tallies]
    .sort(([a], [b]) => a.localeCompare(b, "nl"))
    .map(([district, t]) => {
      const unplaced = t.eligible - t.placed;
      const [most, count] = SHORTFALL_CAUSES.map((c) => [c, t.causes[c]] as const).reduce((best, next) =>
        next[1] > best[1] ? next : best,
      );
      return {
        district,
        eligible: t.eligible,
        placed: t.placed,
        unplaced,
        causes: t.causes,
        bindsMost: unplaced > 0 && count > 0 ? most : null,
      };
    });
}
