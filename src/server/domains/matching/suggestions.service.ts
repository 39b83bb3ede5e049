import type { RequestContext } from "@server/auth/actor.js";
import type { Database } from "@server/db/schema.js";
import type { SuggestionsOutput } from "@shared/schemas/matching.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { emptyExcluded, fittingRoles } from "./candidates.js";
import { loadClientProfiles, loadRoleOffers } from "./matching.repo.js";
import { scoreOf, suggestionsBlockedBy } from "./matching.rules.js";

/**
 * The best open roles for one client, with reasons in plain words (as codes) and a score. Roles that fail a
 * hard constraint never appear; the counts say which constraint ruled out how many, and the roles within reach that
 * only the client's limits rule out are listed as not offered, with the limits they break.
 */
export async function suggestionsFor(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  limit: number,
): Promise<SuggestionsOutput> {
  const client = await requireVisibleClient(db, ctx.actor, clientId);
  const today = ctx.clock.today();
  const { guidanceHoursPerLevel } = await ordinanceOn(db, today);
  const { profiles } = await loadClientProfiles(db, [client], today);
  const profile = profiles[0];
  await recordAudit(db, ctx, {
    action: "client.suggestions",
    category: "read:profile",
    clientId,
    subjectType: "client",
    subjectId: clientId,
  });
  const blockedBy = suggestionsBlockedBy(profile);
  if (!profile || blockedBy) {
    return {
      items: [],
      blockedBy,
      capacityLeft: profile?.capacityLeft ?? null,
      limits: profile?.limits ?? null,
      travelRadiusKm: profile?.travelRadiusKm ?? null,
      considered: 0,
      excluded: emptyExcluded(),
      notOffered: [],
    };
  }
  const offers = (await loadRoleOffers(db, guidanceHoursPerLevel, today)).filter((o) => o.freePlaces > 0);
  const { fits, excluded, limited } = fittingRoles(profile, offers, guidanceHoursPerLevel);
  return {
    items: fits.slice(0, limit).map(({ offer, evaluation }) => ({
      roleId: offer.id,
      title: offer.title,
      organisationId: offer.organisationId,
      organisationName: offer.organisationName,
      postcode: offer.postcode,
      hoursPerWeek: evaluation.hours,
      freePlaces: offer.freePlaces,
      score: scoreOf(evaluation.cost),
      cost: evaluation.cost,
      reasons: evaluation.reasons,
    })),
    blockedBy: null,
    capacityLeft: profile.capacityLeft,
    limits: profile.limits,
    travelRadiusKm: profile.travelRadiusKm,
    considered: offers.length,
    excluded,
    notOffered: limited.slice(0, limit).map(({ offer, evaluation: { broken } }) => ({
      roleId: offer.id,
      title: offer.title,
      organisationName: offer.organisationName,
      aboveDailyLimit: broken.aboveDailyLimit ? { roleHours: offer.longestDayHours, limit: profile.limits.hoursPerDay ?? 0 } : null,
      aboveDaysLimit: broken.aboveDaysLimit ? { roleDays: offer.daysPerWeek, limit: profile.limits.daysPerWeek ?? 0 } : null,
      functionalLimits: broken.functionalLimits,
    })),
  };
}
