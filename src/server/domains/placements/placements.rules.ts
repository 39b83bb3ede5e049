import { conflict } from "@server/http/errors.js";
import { GUIDANCE_LEVELS, type GuidanceLevel } from "@shared/schemas/roles.js";

/** No displacement: only an approved role without an open complaint takes placements. */
export function assertRoleMayTakePlacements(role: { status: string; open_complaints: number | string | null }): void {
  if (role.status !== "approved") {
    throw conflict(
      "roleNotApproved",
      role.status === "rejected" ? "This role failed the displacement check." : "This role awaits a displacement review.",
    );
  }
  if (Number(role.open_complaints ?? 0) > 0) {
    throw conflict("roleNotApproved", "A displacement complaint about this role is open; new placements wait for the decision.");
  }
}

/** A role has room while its proposed, accepted and active placements stay below its places. */
export function assertRoleHasPlace(role: { places: number; places_taken: number | string | null }): void {
  if (Number(role.places_taken ?? 0) >= role.places) throw conflict("roleFull", "All places of this role are taken.");
}

/** The role must offer at least the guidance the client needs. */
export function assertGuidanceLevelFits(offered: GuidanceLevel, needed: GuidanceLevel): void {
  if (GUIDANCE_LEVELS.indexOf(offered) < GUIDANCE_LEVELS.indexOf(needed)) {
    throw conflict("guidanceLevelTooLow", `This role offers ${offered} guidance; the client needs ${needed}.`);
  }
}

/**
 * Guidance is finite: the organisation's accepted and active placements, plus this one, may not ask more
 * guidance hours than it declared — unless a consultant overrides with a recorded reason.
 */
export function assertGuidanceAvailable(
  supply: number,
  committed: number,
  placementHours: number,
  overrideReason: string | undefined,
): void {
  const asked = committed + placementHours;
  if (asked > supply + 1e-9 && !overrideReason) {
    throw conflict("guidanceExceeded", `This placement would ask ${asked} guidance hours a week; the organisation offers ${supply}.`);
  }
}
