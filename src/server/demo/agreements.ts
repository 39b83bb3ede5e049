import type { Clock } from "@server/clock.js";
import type {
  DecisionsTable,
  LettersTable,
  NewClientRow,
  PlacementAgreementsTable,
  PlacementsTable,
  VolunteerRolesTable,
} from "@server/db/schema.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { formatDutchDate, type LetterLayout } from "@server/letters/pdf.js";
import { addDays } from "@shared/dates.js";
import { prepareDecisionLetter } from "../domains/decisions/decisions.service.js";
import { prepareLetter } from "../domains/letters/letters.service.js";
import { givenSignatures } from "../domains/placements/placements.letters.js";
import {
  PLACEMENT_AGREEMENT_REASONS,
  placementAgreementFacts,
  placementAgreementLegalBasis,
  placementAgreementSummary,
} from "../domains/placements/placements.signatures.js";
import type { HistoryConsultant } from "./history.js";
import type { DemoOrganisation, SeededRandom } from "./population.js";
import { present } from "./present.js";
import { yieldToEventLoop } from "./yield.js";

/** Who signs for the parties: the host organisation's account and the client's own account, where the demo has one. */
export interface DemoSigners {
  hostOf: (organisationId: string) => string | null;
  clientAccountOf: (clientId: string) => string | null;
}

/**
 * The agreement (version 1) of every demo placement that started, signed by all three parties before the start as in
 * the app: the client (in the portal, or on paper recorded by the consultant), the host, and last the consultant for
 * the municipality, whose signature is the `placementAgreement` decision. Its letter lists the three signatures and
 * ends with the remedy notice; it is the agreement's letter too. A placement accepted but not started stays unsigned.
 */
export async function generateAgreements(
  random: SeededRandom,
  placements: PlacementsTable[],
  roles: VolunteerRolesTable[],
  organisations: DemoOrganisation[],
  clients: NewClientRow[],
  consultants: Map<string, HistoryConsultant>,
  signers: DemoSigners,
  ordinanceVersion: number,
  clock: Clock,
  render: (layout: LetterLayout) => Promise<Buffer>,
  onProgress: (done: number, total: number) => void,
): Promise<{ letters: LettersTable[]; rows: PlacementAgreementsTable[]; decisions: DecisionsTable[] }> {
  const roleById = new Map(roles.map((r) => [r.id, r]));
  const orgById = new Map(organisations.map((o) => [o.id, o]));
  const clientById = new Map(clients.map((c) => [c.id, c]));
  const rows: PlacementAgreementsTable[] = [];
  // Laid out by `render` (on worker threads) while the loop goes on; gathered at the end.
  const made: Promise<{ letter: LettersTable; decision: DecisionsTable | null }>[] = [];
  for (const [index, placement] of placements.entries()) {
    onProgress(index + 1, placements.length);
    await yieldToEventLoop();
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
    const consultantId = consultant?.id ?? present(placement.proposed_by, `proposer of placement ${placement.id}`);
    const actor = {
      id: consultantId,
      email: "",
      displayName: consultant?.displayName ?? "",
      role: "consultant" as const,
      districts: [],
      organisationId: null,
      clientId: null,
      scopeDate: clock.today(),
    };
    const signed = placement.status === "active" || placement.status === "ended";
    // The client and the host sign in the week before the start, the municipality the day before.
    const municipalityOn = addDays(startDate, -1);
    const letterId = random.uuid();
    const agreement: PlacementAgreementsTable = {
      id: random.uuid(),
      placement_id: placement.id,
      version: 1,
      start_date: startDate,
      end_date: endDate,
      hours_per_week: placement.hours_per_week,
      tasks: terms.tasks,
      contact_person: terms.contactPerson,
      guidance_arrangement: terms.guidanceArrangement,
      letter_id: letterId,
      signed_by: placement.proposed_by,
      signed_at: `${addDays(startDate, -7)}T09:00:00.000Z`,
      client_signed_on: signed ? addDays(startDate, -random.int(3, 6)) : null,
      client_signed_by: signed ? (signers.clientAccountOf(client.id) ?? consultantId) : null,
      host_signed_on: signed ? addDays(startDate, -random.int(2, 5)) : null,
      host_signed_by: signed ? signers.hostOf(organisation.id) : null,
      municipality_signed_on: signed ? municipalityOn : null,
      municipality_signed_by: signed ? consultantId : null,
      decision_id: null,
    };
    const named = { organisation_name: organisation.name, role_title: role.title };
    const decision = signed
      ? {
          summary: placementAgreementSummary(organisation.name, agreement),
          legalBasis: placementAgreementLegalBasis(ordinanceVersion),
          takesEffectOn: formatDutchDate(startDate),
        }
      : null;
    const request = {
      id: letterId,
      createdAt: `${signed ? municipalityOn : startDate}T09:00:00.000Z`,
      letterDate: signed ? municipalityOn : startDate,
      client: client as never,
      kind: "placementAgreement" as const,
      template: "placement-agreement" as const,
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
        signatures: givenSignatures(agreement, organisation.name),
        volunteerInsurance: municipality.volunteerInsurance,
        decision,
      },
    };
    const ctx = { actor, requestId: "demo-history", clock };
    const facts = placementAgreementFacts(named, agreement);
    const decisionId = decision ? random.uuid() : null;
    const prepared = decision
      ? prepareDecisionLetter(ctx, { ...request, type: "placementAgreement", render })
      : prepareLetter(ctx, { ...request, registered: false, render }).then((letter) => ({ letter, objectionTermEndsOn: null }));
    agreement.decision_id = decisionId;
    rows.push(agreement);
    made.push(
      prepared.then(({ letter, objectionTermEndsOn }) => ({
        letter: decision ? { ...letter, delivery_status: "delivered" as const } : letter,
        decision:
          decision && decisionId
            ? {
                id: decisionId,
                client_id: client.id,
                type: "placementAgreement" as const,
                subject_type: "placementAgreement",
                subject_id: agreement.id,
                summary: decision.summary,
                legal_basis: decision.legalBasis,
                ordinance_version: ordinanceVersion,
                facts,
                reasons: PLACEMENT_AGREEMENT_REASONS,
                prepared_by: placement.proposed_by,
                decided_by: consultantId,
                decided_on: municipalityOn,
                takes_effect_on: startDate,
                letter_id: letterId,
                objection_term_ends_on: objectionTermEndsOn,
                replaces_decision_id: null,
                created_at: `${municipalityOn}T09:00:00.000Z`,
              }
            : null,
      })),
    );
  }
  const all = await Promise.all(made);
  return {
    letters: all.map((m) => m.letter),
    rows,
    decisions: all.flatMap((m) => (m.decision ? [m.decision] : [])),
  };
}
