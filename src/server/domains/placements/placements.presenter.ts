import type { Actor } from "@server/auth/actor.js";
import { type AgreementParty, type PlacementOutput, REGULAR_ENDINGS } from "@shared/schemas/placements.js";
import { agreementAbilities, NO_PLACEMENT_UNDO, type PlacementUndoAbilities, placementAbilities } from "./placements.policy.js";
import type { PlacementWithNames } from "./placements.repo.js";
import { hasPlacementBegun, hostCheckInDueOn } from "./placements.rules.js";

type Signed = { [P in AgreementParty as `${P}_signed_on`]: string | null } & {
  [P in AgreementParty as `${P}_signer_name`]: string | null;
};
export type Agreement = Signed & {
  version: number;
  start_date: string;
  end_date: string;
  hours_per_week: number;
  tasks: string;
  contact_person: string;
  guidance_arrangement: string;
  letter_id: string;
  signed_at: string;
  decision_id: string | null;
};
export type Note = { note: string; author_name: string | null; created_at: string };

/**
 * To whom the ending is attributable, as the caller may know it. Whether the municipality holds the client
 * responsible is between the municipality and the client: a host sees only that a regular ending was nobody's doing,
 * never an attribution (nor whether one is still pending), and never the client's side.
 */
function attributionFor(actor: Actor, row: PlacementWithNames): Pick<PlacementOutput, "attributableTo" | "attribution"> {
  if (actor.role === "host") {
    return { attributableTo: row.end_reason && REGULAR_ENDINGS.includes(row.end_reason) ? row.attributable_to : null, attribution: null };
  }
  const heard =
    row.attribution_heard_on &&
    row.attribution_reasons !== null &&
    row.attribution_client_account !== null &&
    row.attribution_channel !== null &&
    row.attribution_determined_on !== null
      ? {
          reasons: row.attribution_reasons,
          clientAccount: row.attribution_client_account,
          heardOn: row.attribution_heard_on,
          channel: row.attribution_channel,
          determinedBy: row.attribution_determined_by_name,
          determinedOn: row.attribution_determined_on,
          decisionId: row.attribution_decision_id,
        }
      : null;
  return { attributableTo: row.attributable_to, attribution: heard };
}

/** The client's own side of the ending and their rating: for the client and the municipality, never the host. */
function clientVoiceFor(actor: Actor, row: PlacementWithNames): Pick<PlacementOutput, "clientSide" | "clientFeedback"> {
  if (actor.role === "host") return { clientSide: null, clientFeedback: null };
  return {
    clientSide:
      row.client_side_account !== null && row.client_side_given_on !== null
        ? { account: row.client_side_account, reason: row.client_side_reason, givenOn: row.client_side_given_on }
        : null,
    clientFeedback:
      row.feedback_rating !== null && row.feedback_given_on !== null
        ? { rating: row.feedback_rating, comment: row.feedback_comment, givenOn: row.feedback_given_on }
        : null,
  };
}

/**
 * The steps with the host: the named contact person, the introduction meeting, whether the placement has begun (it
 * runs only from its start date, by `hasPlacementBegun`) and the check-in with the host four weeks after the start.
 */
function hostStepsOf(actor: Actor, row: PlacementWithNames): PlacementOutput["hostSteps"] {
  const introduction =
    row.introduction_held_on && row.introduction_attendees && row.introduction_client_verdict && row.introduction_host_verdict
      ? {
          heldOn: row.introduction_held_on,
          attendees: row.introduction_attendees,
          clientVerdict: row.introduction_client_verdict,
          hostVerdict: row.introduction_host_verdict,
          note: row.introduction_note ?? null,
        }
      : null;
  return {
    contactPerson: row.host_contact_person ?? null,
    introduction,
    begun: hasPlacementBegun(row, actor.scopeDate),
    hostCheckIn: row.started_on
      ? { dueOn: hostCheckInDueOn(row.started_on), heldOn: row.host_check_in_held_on ?? null, note: row.host_check_in_note ?? null }
      : null,
  };
}

/** A placement as list row: the first name of the client is all of them a host sees here. */
export function presentPlacementSummary(
  actor: Actor,
  row: PlacementWithNames,
  undo: PlacementUndoAbilities = NO_PLACEMENT_UNDO,
): Omit<PlacementOutput, "agreements" | "notes"> {
  return {
    id: row.id,
    clientId: row.client_id,
    clientGivenName: row.client_given_name,
    roleId: row.role_id,
    roleTitle: row.role_title,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    status: row.status,
    hoursPerWeek: row.hours_per_week,
    guidanceLevel: row.guidance_level,
    guidanceOverrideReason: row.guidance_override_reason,
    decisionReason: row.decision_reason,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    endReason: row.end_reason,
    ...attributionFor(actor, row),
    ...clientVoiceFor(actor, row),
    hostAccount: row.end_note,
    hostSteps: hostStepsOf(actor, row),
    createdAt: row.created_at,
    abilities: placementAbilities(actor, row, row.started_on !== null, undo),
  };
}

const signature = (signedOn: string | null, signedBy: string | null) => (signedOn ? { signedOn, signedBy } : null);

/** A placement with its signed agreement versions and notes, and what the caller can undo of it now. */
export function presentPlacement(
  actor: Actor,
  row: PlacementWithNames,
  agreements: Agreement[],
  notes: Note[],
  undo: PlacementUndoAbilities = NO_PLACEMENT_UNDO,
): PlacementOutput {
  return {
    ...presentPlacementSummary(actor, row, undo),
    agreements: agreements.map((a, index) => presentAgreement(actor, row, a, index === agreements.length - 1)),
    notes: notes.map((n) => ({ note: n.note, authorName: n.author_name, createdAt: n.created_at })),
  };
}

/** One agreement version with its three signatures and what the caller may sign of it (only the current version). */
export function presentAgreement(
  actor: Actor,
  row: PlacementWithNames,
  a: Agreement,
  current: boolean,
): PlacementOutput["agreements"][number] {
  return {
    version: a.version,
    startDate: a.start_date,
    endDate: a.end_date,
    hoursPerWeek: a.hours_per_week,
    tasks: a.tasks,
    contactPerson: a.contact_person,
    guidanceArrangement: a.guidance_arrangement,
    letterId: a.letter_id,
    signedAt: a.signed_at,
    signatures: {
      client: signature(a.client_signed_on, a.client_signer_name),
      host: signature(a.host_signed_on, a.host_signer_name),
      municipality: signature(a.municipality_signed_on, a.municipality_signer_name),
    },
    decisionId: a.decision_id,
    abilities: agreementAbilities(actor, row, a, current),
  };
}
