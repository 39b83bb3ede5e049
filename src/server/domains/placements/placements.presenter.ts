import type { Actor } from "@server/auth/actor.js";
import type { PlacementOutput } from "@shared/schemas/placements.js";
import { placementAbilities } from "./placements.policy.js";
import type { PlacementWithNames } from "./placements.repo.js";

export type Agreement = {
  version: number;
  start_date: string;
  end_date: string;
  hours_per_week: number;
  tasks: string;
  contact_person: string;
  guidance_arrangement: string;
  letter_id: string;
  signed_at: string;
};
export type Note = { note: string; author_name: string | null; created_at: string };

/** A placement as list row: the first name of the client is all of them a host sees here. */
export function presentPlacementSummary(actor: Actor, row: PlacementWithNames): Omit<PlacementOutput, "agreements" | "notes"> {
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
    attributableTo: row.attributable_to,
    createdAt: row.created_at,
    abilities: placementAbilities(actor, row),
  };
}

/** A placement with its signed agreement versions and notes. */
export function presentPlacement(actor: Actor, row: PlacementWithNames, agreements: Agreement[], notes: Note[]): PlacementOutput {
  return {
    ...presentPlacementSummary(actor, row),
    agreements: agreements.map((a) => ({
      version: a.version,
      startDate: a.start_date,
      endDate: a.end_date,
      hoursPerWeek: a.hours_per_week,
      tasks: a.tasks,
      contactPerson: a.contact_person,
      guidanceArrangement: a.guidance_arrangement,
      letterId: a.letter_id,
      signedAt: a.signed_at,
    })),
    notes: notes.map((n) => ({ note: n.note, authorName: n.author_name, createdAt: n.created_at })),
  };
}
