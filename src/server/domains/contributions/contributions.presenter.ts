import type { ContributionsTable } from "@server/db/schema.js";
import type { Abilities } from "@shared/schemas/abilities.js";
import type { CONTRIBUTION_ACTIONS, contributionOutput } from "@shared/schemas/contributions.js";
import type { z } from "zod";

type ContributionOutput = z.infer<typeof contributionOutput>;

/** Every outgoing field of a formalised contribution, with the caller's abilities. */
export function presentContribution(row: ContributionsTable, abilities: Abilities<typeof CONTRIBUTION_ACTIONS>): ContributionOutput {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    description: row.description,
    hoursPerWeek: row.hours_per_week,
    since: row.since,
    status: row.status,
    endedOn: row.ended_on,
    letterId: row.letter_id,
    createdAt: row.created_at,
    abilities,
  };
}
