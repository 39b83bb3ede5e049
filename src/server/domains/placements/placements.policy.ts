import { passes } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import { roles } from "@server/auth/policy.js";
import type { Abilities } from "@shared/schemas/abilities.js";
import { type AGREEMENT_ACTIONS, AGREEMENT_PARTIES, type AgreementParty, type PLACEMENT_ACTIONS } from "@shared/schemas/placements.js";
import {
  assertAttributionUndetermined,
  assertClientSideNotGiven,
  assertFeedbackNotGiven,
  assertHostCheckInNotRecorded,
  assertIntroductionNotRecorded,
  assertMayActForOrganisation,
  assertMaySignFor,
  assertNotSigned,
  assertPlacementBegun,
  assertPlacementStatusAllows,
  assertReferralUndoable,
  type PlacementStatusAction,
  type ReferralUndoFacts,
} from "./placements.rules.js";

/** Consultants refer; hosts answer referrals, sign, report and end; staff may act for a host. */
export const placementPolicy = {
  list: roles("placements.list", "admin", "consultant", "teamLead", "host", "agencyWorker"),
  propose: roles("placements.propose", "consultant", "teamLead", "agencyWorker"),
  act: roles("placements.act", "consultant", "teamLead", "host", "agencyWorker"),
  /** Only the municipality determines to whom an ending is attributable, after hearing the client; never the host. */
  attribute: roles("placements.attribute", "consultant", "teamLead"),
  /** Each party signs the agreement for itself; the client only their own, through the portal (see `assertMaySignFor`). */
  sign: roles("placements.sign", "consultant", "teamLead", "host", "client"),
  /** The client reads their own started placements, gives their side of an ending and rates a placement. */
  clientList: roles("placements.clientList", "consultant", "teamLead", "admin", "client", "agencyWorker"),
  clientVoice: roles("placements.clientVoice", "client"),
};

const SIGN_ACTION: Record<AgreementParty, (typeof AGREEMENT_ACTIONS)[number]> = {
  client: "signAsClient",
  host: "signAsHost",
  municipality: "signAsMunicipality",
};

/**
 * What the actor may sign of one agreement version: only the current version of an active placement, each party once,
 * and only for a party the actor signs for.
 */
export function agreementAbilities(
  actor: Actor,
  placement: { status: string; organisation_id: string; client_id: string },
  agreement: Record<`${AgreementParty}_signed_on`, string | null>,
  current: boolean,
): Abilities<typeof AGREEMENT_ACTIONS> {
  const may = (party: AgreementParty) =>
    current &&
    placementPolicy.sign.allows(actor) &&
    passes(() => assertPlacementStatusAllows(placement, "sign")) &&
    passes(() => assertMaySignFor(actor, party, placement)) &&
    passes(() => assertNotSigned(agreement, party));
  const abilities = { signAsClient: false, signAsHost: false, signAsMunicipality: false };
  for (const party of AGREEMENT_PARTIES) abilities[SIGN_ACTION[party]] = may(party);
  return abilities;
}

/** What the actor may do with a placement they can see, by the route's policy and the rules its service runs. */
export function placementAbilities(
  actor: Actor,
  placement: ReferralUndoFacts & {
    status: string;
    organisation_id: string;
    attributable_to: string | null;
    client_side_account: string | null;
    feedback_rating: number | null;
    started_on: string | null;
    introduction_held_on?: string | null;
    host_check_in_held_on?: string | null;
  },
  hasAgreement = true,
): Abilities<typeof PLACEMENT_ACTIONS> {
  const acts = placementPolicy.act.allows(actor) && passes(() => assertMayActForOrganisation(actor, placement.organisation_id));
  const may = (action: PlacementStatusAction) => acts && passes(() => assertPlacementStatusAllows(placement, action));
  return {
    accept: may("accept"),
    decline: may("decline"),
    start: may("start"),
    signAgreement: may("signAgreement"),
    end: may("end"),
    attribute:
      placementPolicy.attribute.allows(actor) &&
      passes(() => assertPlacementStatusAllows(placement, "attribute")) &&
      passes(() => assertAttributionUndetermined(placement)),
    addNote: acts,
    // A host reads the need-to-know profile of the clients its visible placements concern; staff read the record.
    viewClientProfile: actor.role === "host" && acts,
    giveClientSide:
      placementPolicy.clientVoice.allows(actor) &&
      passes(() => assertPlacementStatusAllows(placement, "giveClientSide")) &&
      passes(() => assertClientSideNotGiven(placement)),
    giveFeedback:
      placementPolicy.clientVoice.allows(actor) &&
      passes(() => assertPlacementStatusAllows(placement, "giveFeedback")) &&
      passes(() => assertFeedbackNotGiven(placement)),
    recordIntroduction: may("recordIntroduction") && passes(() => assertIntroductionNotRecorded(placement)),
    recordHostCheckIn:
      may("recordHostCheckIn") &&
      passes(() => assertPlacementBegun(placement, actor.scopeDate)) &&
      passes(() => assertHostCheckInNotRecorded(placement)),
    recordExpense: may("recordExpense"),
    downloadAgreement: acts && hasAgreement,
    // Judged at the moment of the request, as the undo itself is.
    undo:
      placementPolicy.propose.allows(actor) &&
      actor.scopeTime !== undefined &&
      passes(() => assertReferralUndoable(placement, actor, actor.scopeTime ?? "")),
  };
}
