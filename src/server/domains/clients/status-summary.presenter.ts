import type { Actor } from "@server/auth/actor.js";
import type { ClientRow } from "@server/db/schema.js";
import type { ClientStatusSummary } from "@shared/schemas/client-status.js";
import type { StatusSummaryFacts } from "./status-summary.service.js";

/** The postal address as it goes on an envelope: street and number, then postcode and place. */
export function addressLinesOf(
  client: Pick<ClientRow, "street" | "house_number" | "house_number_addition" | "postcode" | "city">,
): string[] {
  const number = [client.house_number, client.house_number_addition].filter((part) => part !== null && part !== "").join(" ");
  const first = client.street ? `${client.street} ${number}` : number;
  const second = [client.postcode, client.city].filter(Boolean).join(" ");
  return [first, second].filter((line) => line !== "");
}

/** Every outgoing field of the head of a client's record. */
export function presentStatusSummary(actor: Actor, facts: StatusSummaryFacts): ClientStatusSummary {
  const { client, consultant, ladder } = facts;
  return {
    clientId: client.id,
    consultant: consultant ? { id: consultant.id, name: consultant.display_name, isCaller: consultant.id === actor.id } : null,
    addressLines: addressLinesOf(client),
    ladder: ladder ? { rung: ladder.rung, growthRung: ladder.growth_rung, assessedOn: ladder.assessed_on } : null,
    steps: facts.steps.map((s) => ({ id: s.id, type: s.type, title: s.title, hoursPerWeek: s.hours_per_week, status: s.status })),
    placements: facts.placements.map((p) => ({
      id: p.place.id,
      status: p.place.status,
      roleTitle: p.place.role_title,
      organisationName: p.place.organisation_name,
      startDate: p.startDate,
    })),
    exemptions: facts.exemptions.map((e) => ({ id: e.id, type: e.type, scope: e.scope, endDate: e.end_date })),
    deadlines: facts.deadlines,
  };
}
