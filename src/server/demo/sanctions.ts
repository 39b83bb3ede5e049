import type { Clock } from "@server/clock.js";
import type {
  AppointmentsTable,
  DecisionsTable,
  InvitationsTable,
  LettersTable,
  NewClientRow,
  ObjectionsTable,
  SanctionHearingsTable,
  SanctionsTable,
} from "@server/db/schema.js";
import { formatDutchDate } from "@server/letters/pdf.js";
import { addDays, addMonths } from "@shared/dates.js";
import type { Ordinance } from "@shared/schemas/ordinance.js";
import { objectionTermEndsOn } from "../domains/decisions/decisions.rules.js";
import { prepareDecisionLetter } from "../domains/decisions/decisions.service.js";
import { decideByFor, isOnTime } from "../domains/decisions/objections.rules.js";
import { sanctionLegalBasis, sanctionSummary } from "../domains/sanctions/sanctions.decision.js";
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

export interface DemoSanctions {
  sanctions: SanctionsTable[];
  hearings: SanctionHearingsTable[];
  decisions: DecisionsTable[];
  objections: ObjectionsTable[];
  letters: LettersTable[];
  refusals: DemoRefusal[];
}

/**
 * Sanctions for a few clients who missed an intake after a delivered letter, each through due process: some
 * still proposed, most heard and decided by a team lead (imposed or refrained: a decision with its letter), a few
 * objected to; and refusals by rule, as the oversight figures count them.
 */
export async function generateSanctions(
  random: SeededRandom,
  history: { appointments: AppointmentsTable[]; invitations: InvitationsTable[]; letters: LettersTable[] },
  clients: NewClientRow[],
  teamLeadOf: (district: string) => { id: string; displayName: string } | undefined,
  ordinance: Ordinance,
  clock: Clock,
): Promise<DemoSanctions> {
  const delivered = new Set(history.letters.filter((l) => l.delivery_status === "delivered").map((l) => l.id));
  const letterOf = new Map(history.invitations.map((i) => [i.appointment_id, i.letter_id]));
  const clientById = new Map(clients.map((c) => [c.id, c]));
  const result: DemoSanctions = { sanctions: [], hearings: [], decisions: [], objections: [], letters: [], refusals: [] };
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
      decision_id: null,
      reconsideration_decision_id: null,
      ended_on: null,
    };
    if (heard && sanction.hearing_record)
      result.hearings.push({
        id: random.uuid(),
        sanction_id: sanction.id,
        version: 1,
        held_on: heldOn,
        channel: sanction.hearing_channel ?? "phone",
        record: sanction.hearing_record,
        recorded_by: appointment.consultant_id,
        correction_of: null,
        recorded_at: `${heldOn}T16:00:00.000Z`,
      });
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
      const prepared = await prepareDecisionLetter(
        { actor, requestId: "demo-history", clock },
        {
          id: random.uuid(),
          createdAt: decidedAt,
          client: client as never,
          type: imposed ? "sanctionImposed" : "sanctionRefrained",
          kind: "sanctionDecision",
          template: "sanction-decision",
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
            decidedBy: lead.displayName,
          },
        },
      );
      const letter = prepared.letter;
      letter.delivery_status = "delivered";
      result.letters.push(letter);
      const decision: DecisionsTable = {
        id: random.uuid(),
        client_id: client.id,
        type: imposed ? "sanctionImposed" : "sanctionRefrained",
        subject_type: "sanction",
        subject_id: sanction.id,
        summary: sanctionSummary(sanction),
        legal_basis: sanctionLegalBasis(sanction),
        ordinance_version: ordinance.version,
        facts: sanction.facts,
        reasons: sanction.decision_reasons ?? "",
        prepared_by: sanction.proposed_by,
        decided_by: lead.id,
        decided_on: decidedOn,
        takes_effect_on: imposed ? addMonths(`${decidedOn.slice(0, 8)}01`, 1) : decidedOn,
        letter_id: letter.id,
        objection_term_ends_on: prepared.objectionTermEndsOn,
        replaces_decision_id: null,
        created_at: decidedAt,
      };
      result.decisions.push(decision);
      sanction.decision_letter_id = letter.id;
      sanction.decision_id = decision.id;
      if (imposed && random.chance(0.3)) {
        const receivedOn = addDays(decidedOn, random.int(10, 45));
        const termEndsOn = objectionTermEndsOn(decidedOn);
        const onTime = isOnTime({ receivedOn }, termEndsOn);
        const outcome = onTime && receivedOn < addDays(today, -30) ? random.pick(["wellFounded", "unfounded", "unfounded"] as const) : null;
        if (outcome === "wellFounded") sanction.revoked = 1;
        result.objections.push({
          id: random.uuid(),
          decision_id: decision.id,
          client_id: client.id,
          received_on: receivedOn,
          posted_on: null,
          grounds: "Ik was die dag ziek en kon niet bellen.",
          representative: null,
          on_time: onTime ? 1 : 0,
          lateness_excusable: null,
          lateness_reasons: null,
          objection_term_ends_on: termEndsOn,
          decide_by: decideByFor({ onTime, termEndsOn, receivedOn, advisoryCommittee: false }),
          advisory_committee: 0,
          postponed: 0,
          postponement_letter_id: null,
          postponement_reasons: null,
          consent_given_on: null,
          consent_note: null,
          hearing_invitation_letter_id: null,
          hearing_skip_reason: outcome ? (outcome === "wellFounded" ? "fullyUpheld" : "waived") : null,
          hearing_skip_note: outcome ? "Vastgelegd in het dossier." : null,
          outcome,
          outcome_on: outcome ? addDays(receivedOn, 30) : null,
          outcome_reasons:
            outcome === "wellFounded"
              ? "Ziekte aangetoond met een verklaring van de huisarts."
              : outcome
                ? "Geen bewijs van ziekte; het besluit blijft."
                : null,
          outcome_decision_id: null,
          registered_by: appointment.consultant_id,
          created_at: `${receivedOn}T09:00:00.000Z`,
        });
      }
    }
    result.sanctions.push(sanction);
  }
  return result;
}
