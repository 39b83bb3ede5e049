import { passes } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import { roles } from "@server/auth/policy.js";
import type { Abilities } from "@shared/schemas/abilities.js";
import type { PLACEMENT_ACTIONS } from "@shared/schemas/placements.js";
import { assertMayActForOrganisation, assertPlacementStatusAllows, type PlacementStatusAction } from "./placements.rules.js";

/** Consultants refer; hosts answer referrals, sign, report and end; staff may act for a host. */
export const placementPolicy = {
  list: roles("placements.list", "admin", "consultant", "teamLead", "host"),
  propose: roles("placements.propose", "consultant", "teamLead"),
  act: roles("placements.act", "consultant", "teamLead", "host"),
};

/** What the actor may do with a placement they can see, by the route's policy and the rules its service runs. */
export function placementAbilities(
  actor: Actor,
  placement: { status: string; organisation_id: string },
): Abilities<typeof PLACEMENT_ACTIONS> {
  const acts = placementPolicy.act.allows(actor) && passes(() => assertMayActForOrganisation(actor, placement.organisation_id));
  const may = (action: PlacementStatusAction) => acts && passes(() => assertPlacementStatusAllows(placement, action));
  return {
    accept: may("accept"),
    decline: may("decline"),
    start: may("start"),
    signAgreement: may("signAgreement"),
    end: may("end"),
    addNote: acts,
    // A host reads the need-to-know profile of the clients its visible placements concern; staff read the record.
    viewClientProfile: actor.role === "host" && acts,
  };
}
