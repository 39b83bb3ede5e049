import type { AppointmentsTable, Database, InvitationsTable, NewClientRow } from "@server/db/schema.js";
import { formatDutchDate } from "@server/letters/pdf.js";
import { addDays } from "@shared/dates.js";
import type { SanctionProposalInput } from "@shared/schemas/sanctions.js";
import type { Kysely } from "kysely";
import { registerObjection } from "../domains/decisions/objections.service.js";
import { decideSanction, recordHearing } from "../domains/sanctions/sanctions.decision.js";
import { findSanction } from "../domains/sanctions/sanctions.repo.js";
import { proposeSanction } from "../domains/sanctions/sanctions.service.js";
import { contextOn, refusedByRule, type Staff } from "./acting.js";
import type { HistoryConsultant } from "./history.js";
import type { SeededRandom } from "./population.js";
import { present } from "./present.js";

const HEARINGS = [
  "De cliënt zegt dat hij de brieven wel kreeg, maar de datums vergat. Hij heeft geen agenda.",
  "De cliënt wist van de afspraken maar zag er tegenop. Ze wil wel een nieuwe afspraak.",
  "De cliënt zegt dat hij die dagen moest oppassen op zijn kleinkind; daar is geen bewijs van.",
];

/** What the sanctions are made from: the invitation history, already stored, and who works where. */
export interface SanctionSources {
  appointments: AppointmentsTable[];
  invitations: InvitationsTable[];
  clients: NewClientRow[];
  consultants: Map<string, HistoryConsultant>;
  teamLeadOf: (district: string) => Staff | undefined;
}

/**
 * Sanctions for clients who missed an intake, made by the same services the API runs, each on its own day: the
 * consultant proposes a week after the conduct, hears the client two weeks later, a team lead decides a week after
 * that, and some clients object. The rules therefore hold for every sanction in the demo, and what they refuse
 * (a first missed intake, a letter that did not arrive, an exemption, no culpability) is left only as the audited
 * refusal, as in the API. Returns how many decision letters were sent.
 */
export async function seedSanctions(db: Kysely<Database>, random: SeededRandom, sources: SanctionSources, today: string): Promise<number> {
  const clientById = new Map(sources.clients.map((c) => [c.id, c]));
  const invitationOf = new Map(sources.invitations.map((i) => [i.appointment_id, i]));
  const missed = sources.appointments
    .filter((a) => a.status === "missed" && a.starts_at.slice(0, 10) < addDays(today, -14))
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  let letters = 0;
  for (const appointment of missed) {
    const invitation = invitationOf.get(appointment.id);
    // A first missed intake is tried now and then, as consultants do: the rule refuses it and the refusal is counted.
    const first = (invitation?.sequence ?? 1) === 1;
    if (!invitation || !random.chance(first ? 0.05 : 0.6)) continue;
    const client = present(clientById.get(appointment.client_id), `client ${appointment.client_id}`);
    const { district, ...staff } = present(sources.consultants.get(appointment.consultant_id), `consultant ${appointment.consultant_id}`);
    const consultant: Staff = { ...staff, districts: [district] };
    const factsDate = appointment.starts_at.slice(0, 10);
    const input: SanctionProposalInput = {
      ground: "missedAppointments",
      factsDate,
      facts: `Kwam niet naar de intake op ${formatDutchDate(factsDate)}, na een tweede aangetekende uitnodiging, zonder bericht.`,
      appointmentId: appointment.id,
      letterId: invitation.letter_id,
      culpability: random.chance(0.08) ? "none" : random.chance(0.7) ? "full" : "reduced",
      circumstances: "Alleenstaand, geen bijzondere omstandigheden bekend bij de gemeente.",
      urgentReasons: false,
    };
    const refrain = random.chance(0.3);
    if (refrain) {
      input.urgentReasons = true;
      input.urgentReasonsNote = "Schulden lopen op; een korting maakt de situatie onhoudbaar.";
    }
    const proposedOn = addDays(factsDate, 7);
    const id = await refusedByRule(() => proposeSanction(db, contextOn(consultant, "consultant", proposedOn), client.id, input));
    if (!id) continue;
    // Of the recent proposals, some wait for the hearing; the rest were heard.
    const heldOn = addDays(factsDate, 21);
    if (heldOn > today || (factsDate > addDays(today, -40) && random.chance(0.5))) continue;
    await recordHearing(db, contextOn(consultant, "consultant", heldOn), id, {
      heldOn,
      channel: random.pick(["phone", "inPerson"]),
      record: random.pick(HEARINGS),
    });
    const lead = sources.teamLeadOf(client.district ?? "");
    const decidedOn = addDays(heldOn, 7);
    if (!lead || decidedOn > today || random.chance(0.2)) continue;
    await refusedByRule(() =>
      decideSanction(db, contextOn(lead, "teamLead", decidedOn), id, {
        outcome: refrain ? "refrained" : "imposed",
        reasons: refrain
          ? "Dringende redenen: de schulden maken een korting onevenredig."
          : "De brieven zijn afgeleverd en er was geen bericht van verhindering; dat is verwijtbaar.",
      }),
    );
    // Some clients object to a recent imposition; their objection waits for a team lead who was not involved.
    const decision = (await findSanction(db, id))?.decision_id;
    if (decision) letters += 1;
    const receivedOn = addDays(decidedOn, random.int(10, 40));
    if (!decision || refrain || receivedOn > today || receivedOn < addDays(today, -50) || !random.chance(0.4)) continue;
    await registerObjection(db, contextOn(consultant, "consultant", receivedOn), decision, {
      receivedOn,
      grounds: "Ik was die dag ziek en kon niet bellen.",
    });
  }
  return letters;
}
