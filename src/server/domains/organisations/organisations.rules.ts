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
