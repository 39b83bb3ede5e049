import { evaluateAbilities } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import { notFound } from "@server/http/errors.js";
import { organisationPolicy } from "./organisations.policy.js";

/** Guidance hours the municipality bought for an organisation, for a period. */
export interface BoughtSupport {
  hours_per_week: number;
  starts_on: string;
  ends_on: string;
}

/** Bought support counts on the days of its period, both ends included. */
export function isSupportInForce(support: Pick<BoughtSupport, "starts_on" | "ends_on">, today: string): boolean {
  return support.starts_on <= today && today <= support.ends_on;
}

/**
 * Guidance is finite, and the municipality can add to it: an organisation's supply is the hours a week it declares
 * plus the hours the municipality bought for it that are in force today.
 */
export function guidanceSupplyOn(declaredHoursPerWeek: number, support: readonly BoughtSupport[], today: string): number {
  const bought = support.filter((s) => isSupportInForce(s, today)).reduce((sum, s) => sum + s.hours_per_week, 0);
  return Math.round((declaredHoursPerWeek + bought) * 100) / 100;
}

/** From this many started placements on, a share of endings attributed to the organisation is a signal, not chance. */
export const LEAVING_SIGNAL_MINIMUM = 3;
/** The share of started placements ending by the organisation's doing that makes the signal. */
export const LEAVING_SIGNAL_SHARE = 0.25;

/**
 * Volunteers keep leaving an organisation: of at least `LEAVING_SIGNAL_MINIMUM` started placements, a quarter or more
 * ended by the organisation's doing. A signal for the team lead to look, never a judgement on its own.
 */
export function organisationLeavingSignal(placementsStarted: number, endingsByOrganisation: number): boolean {
  return placementsStarted >= LEAVING_SIGNAL_MINIMUM && endingsByOrganisation >= placementsStarted * LEAVING_SIGNAL_SHARE;
}

/**
 * An organisation's partner profile is its own to write: a host member edits only the organisation they belong to
 * (the scoped load already hides any other, so this holds even if that load changed).
 */
export function assertOwnOrganisation(actor: Pick<Actor, "role" | "organisationId">, organisation: { id: string }): void {
  if (actor.role !== "host" || actor.organisationId !== organisation.id) throw notFound("organisation");
}

/** The caller's abilities on an organisation, by the same policy and assertion the route runs. */
export function organisationAbilities(actor: Actor, organisation: { id: string }) {
  return evaluateAbilities(actor, {
    editPartnerProfile: { policy: organisationPolicy.editPartnerProfile, assert: () => assertOwnOrganisation(actor, organisation) },
  });
}
