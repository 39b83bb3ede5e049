import type { Actor } from "@server/auth/actor.js";
import { parseJsonColumn } from "@server/db/json.js";
import type { OrganisationRow } from "@server/db/schema.js";
import { type OrganisationOutput, organisationOutput } from "@shared/schemas/organisations.js";
import { organisationAbilities } from "./organisations.rules.js";

/** Every outgoing field of a host organisation, with what the caller may do with it. */
export function presentOrganisation(actor: Actor, row: OrganisationRow): OrganisationOutput {
  return {
    id: row.id,
    name: row.name,
    kvkNumber: row.kvk_number,
    postcode: row.postcode,
    houseNumber: row.house_number,
    district: row.district,
    guidanceHoursPerWeek: row.guidance_hours_per_week,
    sector: row.sector,
    contacts: parseJsonColumn(organisationOutput.shape.contacts, row.contacts),
    trainingOffered: row.training_offered,
    acceptsLimitedDutch: row.accepts_limited_dutch === 1,
    createdAt: row.created_at,
    abilities: organisationAbilities(actor, row),
  };
}
