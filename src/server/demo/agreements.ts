import type { Clock } from "@server/clock.js";
import type { LettersTable, NewClientRow, PlacementAgreementsTable, PlacementsTable, VolunteerRolesTable } from "@server/db/schema.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { formatDutchDate } from "@server/letters/pdf.js";
import { addDays } from "@shared/dates.js";
import { prepareLetter } from "../domains/letters/letters.service.js";
import type { HistoryConsultant } from "./history.js";
import type { DemoOrganisation, SeededRandom } from "./population.js";
import { present } from "./present.js";

/** The signed agreement (version 1, with its PDF) of every demo placement that started. */
export async function generateAgreements(
  random: SeededRandom,
  placements: PlacementsTable[],
  roles: VolunteerRolesTable[],
  organisations: DemoOrganisation[],
  clients: NewClientRow[],
  consultants: Map<string, HistoryConsultant>,
  clock: Clock,
  onProgress: (done: number, total: number) => void,
): Promise<{ letters: LettersTable[]; rows: PlacementAgreementsTable[] }> {
  const roleById = new Map(roles.map((r) => [r.id, r]));
  const orgById = new Map(organisations.map((o) => [o.id, o]));
  const clientById = new Map(clients.map((c) => [c.id, c]));
  const letters: LettersTable[] = [];
  const rows: PlacementAgreementsTable[] = [];
  for (const [index, placement] of placements.entries()) {
    onProgress(index + 1, placements.length);
    const role = present(roleById.get(placement.role_id), `role ${placement.role_id}`);
    const organisation = present(orgById.get(placement.organisation_id), `organisation ${placement.organisation_id}`);
    const client = present(clientById.get(placement.client_id), `client ${placement.client_id}`);
    const consultant = consultants.get(placement.proposed_by ?? "");
    const startDate = present(placement.started_on, `start of placement ${placement.id}`);
    const endDate = addDays(startDate, 365);
    const terms = {
      tasks: role.description,
      contactPerson: `${random.faker.person.firstName()}, coördinator vrijwilligers`,
      guidanceArrangement:
        placement.guidance_level === "intensive"
          ? "Elke week een gesprek; de eerste maand werkt u samen met een vaste vrijwilliger."
          : "Elke twee weken een kort gesprek met de contactpersoon.",
    };
    const actor = {
      id: consultant?.id ?? present(placement.proposed_by, `proposer of placement ${placement.id}`),
      email: "",
      displayName: consultant?.displayName ?? "",
      role: "consultant" as const,
      districts: [],
      organisationId: null,
      clientId: null,
      scopeDate: clock.today(),
    };
    const letter = await prepareLetter(
      { actor, requestId: "demo-history", clock },
      {
        id: random.uuid(),
        createdAt: `${startDate}T09:00:00.000Z`,
        letterDate: startDate,
        client: client as never,
        kind: "placementAgreement",
        template: "placement-agreement",
        registered: false,
        data: {
          givenName: client.given_name,
          familyName: client.family_name,
          organisationName: organisation.name,
          version: 1,
          tasks: terms.tasks,
          startDate: formatDutchDate(startDate),
          endDate: formatDutchDate(endDate),
          hoursPerWeek: placement.hours_per_week,
          contactPerson: terms.contactPerson,
          guidanceArrangement: terms.guidanceArrangement,
          phone: municipality.phone,
          consultantName: consultant?.displayName ?? "uw consulent",
          signatures: [],
          decision: null,
        },
      },
    );
    letters.push(letter);
    rows.push({
      id: random.uuid(),
      placement_id: placement.id,
      version: 1,
      start_date: startDate,
      end_date: endDate,
      hours_per_week: placement.hours_per_week,
      tasks: terms.tasks,
      contact_person: terms.contactPerson,
      guidance_arrangement: terms.guidanceArrangement,
      letter_id: letter.id,
      signed_by: placement.proposed_by,
      signed_at: `${startDate}T09:00:00.000Z`,
      // The demo's parties have not signed yet: each signs in the app, and the municipality's signature is a decision.
      client_signed_on: null,
      client_signed_by: null,
      host_signed_on: null,
      host_signed_by: null,
      municipality_signed_on: null,
      municipality_signed_by: null,
      decision_id: null,
    });
  }
  return { letters, rows };
}
