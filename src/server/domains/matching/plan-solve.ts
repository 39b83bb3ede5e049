import { verifyOptimal } from "@server/matching/certificate.js";
import { solveMatching } from "@server/matching/solver.js";
import type { MatchReason } from "@shared/schemas/matching.js";
import type { GuidanceLevel } from "@shared/schemas/roles.js";
import { OfferIndex } from "./candidates.js";
import type { ClientProfile, RoleOffer } from "./matching.rules.js";
import { assignedPair, buildPlanInstance, type DistrictShortfall, shortfallOf } from "./plan-instance.js";

/** What a placement plan is computed from: plain data, so it crosses to a worker thread as it is. */
export interface PlanSolveInput {
  profiles: ClientProfile[];
  offers: RoleOffer[];
  hoursPerLevel: Record<GuidanceLevel, number>;
  pairsPerClient: number;
}

/** A plan's answer: one proposal per placed client, the totals and the shortfall per district. */
export interface PlanSolveResult {
  proposals: { clientId: string; roleId: string; hours: number; cost: number; reasons: MatchReason[] }[];
  pairs: number;
  placed: number;
  totalCost: number;
  shortfall: DistrictShortfall[];
}

/**
 * The computing part of a plan: each client's fitting roles, the solve (most clients placed, then least cost),
 * its optimality proof (throws when the certificate rejects it) and the shortfall. Pure and synchronous: the
 * server runs it on a worker thread (`plan.worker.ts`).
 */
export function solvePlan({ profiles, offers, hoursPerLevel, pairsPerClient }: PlanSolveInput): PlanSolveResult {
  const index = new OfferIndex(offers);
  const built = buildPlanInstance(profiles, index, hoursPerLevel, pairsPerClient);
  const solution = solveMatching(built.instance);
  verifyOptimal(built.instance, solution, solution.potentials);
  const proposals = profiles.flatMap((profile, i) => {
    const pair = assignedPair(built, i, solution.assignment[i]);
    const role = pair && built.roles[pair.role];
    if (!pair || !role) return [];
    const { hours, cost, reasons } = pair.evaluation;
    return [{ clientId: profile.id, roleId: role.id, hours, cost, reasons }];
  });
  return {
    proposals,
    pairs: built.instance.pairRole.length,
    placed: solution.placed,
    totalCost: solution.cost,
    shortfall: shortfallOf(profiles, built, solution.assignment, index, hoursPerLevel),
  };
}
