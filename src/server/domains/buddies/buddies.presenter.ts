import type { Actor } from "@server/auth/actor.js";
import type { BuddyPairingRow } from "@server/db/schema.js";
import type { BuddyAgreementOutput, BuddyPairingOutput, buddyOutput } from "@shared/schemas/buddies.js";
import type { z } from "zod";
import type { BuddyView } from "./buddies.repo.js";
import { agreementAbilities, pairingAbilities } from "./buddies.rules.js";
import type { PairingsView } from "./buddies.service.js";

/** Every outgoing field of a buddy, for staff. */
export function presentBuddy(row: BuddyView): z.infer<typeof buddyOutput> {
  return {
    id: row.id,
    clientId: row.client_id,
    name: `${row.given_name} ${row.family_name}`,
    district: row.district,
    trainedOn: row.trained_on,
    since: row.since,
    hoursPerWeek: row.hours_per_week,
    maxPairings: row.max_pairings,
    activePairings: row.active_pairings,
    contactPhone: row.contact_phone ?? "",
    contactEmail: row.contact_email,
    availability: row.availability,
    status: row.status,
    contributionId: row.contribution_id,
    decisionId: row.decision_id,
    letterId: row.letter_id,
  };
}

/** Who ended a pairing, relative to the side of the client whose pairings these are. */
function endedBy(endedBySide: BuddyPairingRow["ended_by_side"], side: "buddy" | "supported"): BuddyPairingOutput["endedBy"] {
  if (endedBySide === null) return null;
  if (endedBySide === "consultant") return "consultant";
  return (endedBySide === "buddy") === (side === "buddy") ? "me" : "partner";
}

/** The client's own buddy agreement, with what the caller may do with it (`mayUndo` as the service read it). */
export function presentAgreement(actor: Actor, agreement: NonNullable<PairingsView["agreement"]>, mayUndo: boolean): BuddyAgreementOutput {
  return {
    id: agreement.id,
    status: agreement.status,
    since: agreement.since,
    endedOn: agreement.ended_on,
    hoursPerWeek: agreement.hours_per_week,
    maxPairings: agreement.max_pairings,
    letterId: agreement.letter_id,
    abilities: agreementAbilities(actor, agreement, mayUndo),
  };
}

/**
 * A client's pairings seen from their side. Need to know: the other person is a first name and, while the pairing
 * runs, the contact details agreed for it — nothing else of theirs leaves the server. Staff get the ids besides.
 */
export function presentPairings(actor: Actor, view: PairingsView): BuddyPairingOutput[] {
  return view.pairings.map((pairing) => {
    const side = pairing.buddy_client_id === view.viewerClientId ? "buddy" : "supported";
    const running = pairing.status === "active";
    const contact =
      side === "buddy"
        ? { phone: pairing.contact_phone, email: pairing.contact_email }
        : (view.buddyContacts.get(pairing.buddy_id) ?? { phone: null, email: null });
    const meetings = view.meetings.filter((m) => m.pairing_id === pairing.id);
    return {
      id: pairing.id,
      side,
      status: pairing.status,
      pairedOn: pairing.paired_on,
      endedOn: pairing.ended_on,
      endedBy: endedBy(pairing.ended_by_side, side),
      partner: {
        firstName: view.firstNames.get(side === "buddy" ? pairing.client_id : pairing.buddy_client_id) ?? "",
        phone: running ? contact.phone : null,
        email: running ? contact.email : null,
      },
      meetings: meetings.map((m) => ({ id: m.id, heldOn: m.held_on, hours: m.hours })),
      meetingHours: Math.round(meetings.reduce((sum, m) => sum + m.hours, 0) * 100) / 100,
      abilities: pairingAbilities(actor, pairing),
      ...(actor.role === "client"
        ? {}
        : {
            staff: {
              buddyId: pairing.buddy_id,
              clientId: pairing.client_id,
              buddyClientId: pairing.buddy_client_id,
              endedBySide: pairing.ended_by_side,
            },
          }),
    };
  });
}
