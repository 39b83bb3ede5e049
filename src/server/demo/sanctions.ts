import type { Clock } from "@server/clock.js";
import type {
  AppointmentsTable,
  InvitationsTable,
  LettersTable,
  NewClientRow,
  SanctionObjectionsTable,
  SanctionsTable,
} from "@server/db/schema.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { formatDutchDate } from "@server/letters/pdf.js";
import { addDays, addMonths } from "@shared/dates.js";
import type { Ordinance } from "@shared/schemas/ordinance.js";
import { prepareLetter } from "../domains/letters/letters.service.js";
import { levelFor } from "../domains/sanctions/sanctions.rules.js";
import type { SeededRandom } from "./population.js";
import { present } from "./present.js";

/** A refusal by rule, to be written to the audit log as the API would. */
export interface DemoRefusal {
  clientId: string;
  consultantId: string;
  code: "activeExemption" | "dropoutNotAttributable" | "letterNotDelivered" | "notCulpable";
  at: string;
}

const HEARINGS = [
  "De cliënt zegt dat hij de brief wel kreeg, maar de datum vergat. Hij heeft geen agenda.",
  "De cliënt wist van de afspraak maar zag er tegenop. Ze wil wel een nieuwe afspraak.",
  "De cliënt zegt dat hij die dag moest oppassen op zijn kleinkind; daar is geen bewijs van.",
];

/**
 * Sanctions for a few clients who missed an intake after a delivered letter, each through due process: some
 * still proposed, most heard and decided by a team lead (imposed or refrained, with a decision letter), a few
 * objected to; and refusals by rule, as the oversight figures count them.
 */
export async function generateSanctions(
  random: SeededRandom,
  history: { appointments: AppointmentsTable[]; invitations: InvitationsTable[]; letters: LettersTable[] },
  clients: NewClientRow[],
  teamLeadOf: (district: string) => { id: string; displayName: string } | undefined,
  ordinance: Ordinance,
  clock: Clock,
): Promise<{ sanctions: SanctionsTable[]; objections: SanctionObjectionsTable[]; letters: LettersTable[]; refusals: DemoRefusal[] }> {
  const delivered = new Set(history.letters.filter((l) => l.delivery_status === "delivered").map((l) => l.id));
  const letterOf = new Map(history.invitations.map((i) => [i.appointment_id, i.letter_id]));
  const clientById = new Map(clients.map((c) => [c.id, c]));
  const result = {
    sanctions: [] as SanctionsTable[],
    objections: [] as SanctionObjectionsTable[],
    letters: [] as LettersTable[],
    refusals: [] as DemoRefusal[],
  };
  const today = clock.today();
  const missed = history.appointments.filter((a) => a.status === "missed" && a.starts_at.slice(0, 10) < addDays(today, -14));
  for (const appointment of missed) {
    const client = present(clientById.get(appointment.client_id), `client ${appointment.client_id}`);
    const letterId = letterOf.get(appointment.id);
    if (!letterId || !random.chance(0.35)) continue;
    const factsDate = appointment.starts_at.slice(0, 10);
    const at = `${addDays(factsDate, 7)}T10:00:00.000Z`;
    if (!delivered.has(letterId)) {
      result.refusals.push({ clientId: client.id, consultantId: appointment.consultant_id, code: "letterNotDelivered", at });
      continue;
    }
    if (random.chance(0.2)) {
      result.refusals.push({
        clientId: client.id,
        consultantId: appointment.consultant_id,
        code: random.pick(["notCulpable", "activeExemption"] as const),
        at,
      });
      continue;
    }
    const culpability = random.chance(0.7) ? "full" : "reduced";
    const lead = teamLeadOf(client.district ?? "");
    const stage =
      factsDate > addDays(today, -40) || !lead || random.chance(0.2)
        ? "proposed"
        : random.weighted([
            ["imposed", 70],
            ["refrained", 30],
          ] as const);
    const heldOn = addDays(factsDate, 20);
    // Decided ones were heard; of the open proposals, some were heard and wait for the team lead.
    const heard = stage !== "proposed" || random.chance(0.5);
    const sanction: SanctionsTable = {
      id: random.uuid(),
      client_id: client.id,
      ground: "missedAppointments",
      facts_date: factsDate,
      facts: `Kwam niet naar de intake op ${formatDutchDate(factsDate)}, na een aangetekende uitnodiging die is afgeleverd.`,
      appointment_id: appointment.id,
      placement_id: null,
      letter_id: null,
      culpability,
      circumstances: "Alleenstaand, geen bijzondere omstandigheden bekend bij de gemeente.",
      children_interests: null,
      urgent_reasons: stage === "refrained" ? 1 : 0,
      urgent_reasons_note: stage === "refrained" ? "Schulden lopen op; een korting maakt de situatie onhoudbaar." : null,
      recurrence: 1,
      proposed_by: appointment.consultant_id,
      proposed_at: at,
      status: stage === "proposed" ? "proposed" : "decided",
      hearing_letter_id: null,
      hearing_respond_by: null,
      hearing_held_on: heard ? heldOn : null,
      hearing_channel: heard ? random.pick(["phone", "inPerson"]) : null,
      hearing_record: heard ? random.pick(HEARINGS) : null,
      hearing_recorded_by: heard ? appointment.consultant_id : null,
      outcome: null,
      decision_reasons: null,
      level: null,
      percentage: null,
      months: null,
      ordinance_version: null,
      decided_by: null,
      decided_at: null,
      decision_letter_id: null,
      reconsider_by: null,
      reconsidered_on: null,
      reconsideration_outcome: null,
      reconsideration_note: null,
      revoked: 0,
    };
    // Without a team lead the sanction stays proposed (see stage), so a decided one always has its decider.
    if (stage !== "proposed" && lead) {
      const decidedOn = addDays(heldOn, 7);
      const decidedAt = `${decidedOn}T14:00:00.000Z`;
      const level = levelFor("missedAppointments", 1, culpability, ordinance);
      const imposed = stage === "imposed";
      Object.assign(sanction, {
        outcome: stage,
        decision_reasons: imposed
          ? "De brief is afgeleverd en er was geen bericht van verhindering; dat is verwijtbaar."
          : "Dringende redenen: de schulden maken een korting onevenredig.",
        level: imposed ? level.level : null,
        percentage: imposed ? level.percentage : null,
        months: imposed ? level.months : null,
        ordinance_version: ordinance.version,
        decided_by: lead.id,
        decided_at: decidedAt,
        reconsider_by: imposed ? addMonths(decidedOn, 3) : null,
      });
      const actor = {
        id: lead.id,
        email: "",
        displayName: lead.displayName,
        role: "teamLead" as const,
        districts: [],
        organisationId: null,
        clientId: null,
        scopeDate: today,
      };
      const letter = await prepareLetter(
        { actor, requestId: "demo-history", clock },
        {
          id: random.uuid(),
          createdAt: decidedAt,
          client: client as never,
          kind: "sanctionDecision",
          template: "sanction-decision",
          registered: true,
          letterDate: decidedOn,
          data: {
            givenName: client.given_name,
            familyName: client.family_name,
            imposed,
            percentage: sanction.percentage ?? 0,
            months: sanction.months ?? 0,
            monthWord: sanction.months === 1 ? "maand" : "maanden",
            startsOn: formatDutchDate(addMonths(`${decidedOn.slice(0, 8)}01`, 1)),
            facts: sanction.facts,
            hearing: sanction.hearing_record,
            circumstances: sanction.circumstances,
            childrenInterests: null,
            reasons: sanction.decision_reasons,
            decidedOn: formatDutchDate(decidedOn),
            ordinanceVersion: ordinance.version,
            objectionDeadline: formatDutchDate(addDays(decidedOn, 42)),
            objectionAddress: municipality.objectionAddress,
            phone: municipality.phone,
            decidedBy: lead.displayName,
          },
        },
      );
      letter.delivery_status = "delivered";
      result.letters.push(letter);
      sanction.decision_letter_id = letter.id;
      if (imposed && random.chance(0.3)) {
        const receivedOn = addDays(decidedOn, random.int(10, 45));
        const outcome = receivedOn < addDays(today, -30) ? random.pick(["upheld", "rejected", "rejected"] as const) : null;
        if (outcome === "upheld") sanction.revoked = 1;
        result.objections.push({
          id: random.uuid(),
          sanction_id: sanction.id,
          received_on: receivedOn,
          grounds: "Ik was die dag ziek en kon niet bellen.",
          late: receivedOn > addDays(decidedOn, 42) ? 1 : 0,
          decide_by: addDays(receivedOn, 42),
          extended: 0,
          outcome,
          outcome_on: outcome ? addDays(receivedOn, 30) : null,
          outcome_note:
            outcome === "upheld"
              ? "Ziekte aangetoond met een verklaring van de huisarts."
              : outcome
                ? "Geen bewijs van ziekte; het besluit blijft."
                : null,
          registered_by: appointment.consultant_id,
          created_at: `${receivedOn}T09:00:00.000Z`,
        });
      }
    }
    result.sanctions.push(sanction);
  }
  return result;
}
