import { distanceKm, type LatLon } from "@shared/geo.js";
import { MATCH_CONSTRAINTS, type MatchConstraint } from "@shared/schemas/matching.js";
import type { GuidanceLevel } from "@shared/schemas/roles.js";
import { type ClientProfile, type Evaluation, evaluate, type RoleOffer, ruledOutByLimitsAlone } from "./matching.rules.js";

/** A count per hard constraint, all zero. */
export const emptyExcluded = () => Object.fromEntries(MATCH_CONSTRAINTS.map((c) => [c, 0])) as Record<MatchConstraint, number>;

/** Roles grouped by postcode area, so a client's search starts from the areas within the travel radius. */
export class OfferIndex {
  private readonly areas: { point: LatLon | null; offers: RoleOffer[] }[];

  constructor(offers: RoleOffer[]) {
    const byArea = new Map<string, { point: LatLon | null; offers: RoleOffer[] }>();
    for (const offer of offers) {
      const key = offer.point ? `${offer.point.lat},${offer.point.lon}` : "unknown";
      const area = byArea.get(key) ?? { point: offer.point, offers: [] };
      area.offers.push(offer);
      byArea.set(key, area);
    }
    this.areas = [...byArea.values()];
  }

  /** Open roles within the client's radius; with `all`, every role, for counting what rules the others out. */
  candidates(client: ClientProfile, all = false): RoleOffer[] {
    const result: RoleOffer[] = [];
    for (const area of this.areas) {
      if (!all && (!client.point || !area.point || distanceKm(client.point, area.point) > client.travelRadiusKm + 1e-9)) continue;
      for (const offer of area.offers) if (all || offer.freePlaces > 0) result.push(offer);
    }
    return result;
  }
}

/** A role that passes every hard constraint for a client, with its price and reasons. */
export interface Fit {
  offer: RoleOffer;
  evaluation: Evaluation;
}

/**
 * The fitting open roles of a client, cheapest first, with what ruled out the others (under its first failure) and
 * the roles that only the client's limits rule out (`limited`, nearest first), so that a consultant sees why they are
 * not offered.
 */
export function fittingRoles(client: ClientProfile, offers: RoleOffer[], hoursPerLevel: Record<GuidanceLevel, number>) {
  const fits: Fit[] = [];
  const limited: Fit[] = [];
  const excluded = emptyExcluded();
  for (const offer of offers) {
    if (offer.freePlaces <= 0 || client.openRoles.has(offer.id)) continue;
    const evaluation = evaluate(client, offer, hoursPerLevel);
    const [first] = evaluation.failures;
    if (first) excluded[first]++;
    else fits.push({ offer, evaluation });
    if (ruledOutByLimitsAlone(evaluation.failures)) limited.push({ offer, evaluation });
  }
  limited.sort((a, b) => (a.evaluation.distanceKm ?? 0) - (b.evaluation.distanceKm ?? 0) || a.offer.id.localeCompare(b.offer.id));
  fits.sort(
    (a, b) =>
      a.evaluation.cost - b.evaluation.cost ||
      (a.evaluation.distanceKm ?? 0) - (b.evaluation.distanceKm ?? 0) ||
      a.offer.id.localeCompare(b.offer.id),
  );
  return { fits, excluded, limited };
}
