import type { CaregivingTable, ExemptionsTable, NewClientRow } from "@server/db/schema.js";
import { addDays, addMonths } from "@shared/dates.js";
import { SINGLE_PARENT_GROUND } from "@shared/schemas/exemptions.js";
import { lastDayUnderFive } from "../domains/exemptions/exemptions.rules.js";
import type { SeededRandom } from "./population.js";

const MEDICAL_REASONS = [
  "Advies bedrijfsarts: herstel na een hernia, opbouwen in kleine stappen.",
  "Behandeling bij de GGZ loopt; de behandelaar adviseert rust en structuur, geen verplichtingen.",
  "Chronische longziekte; de longarts adviseert korte dagdelen.",
];
const CARE_REASONS = [
  "Zorgt dagelijks voor een kind met een ernstige meervoudige beperking, op advies van de jeugdarts.",
  "Intensieve zorg voor een moeder met dementie die bij haar woont; het wijkteam bevestigt dit.",
  "Verzorgt een partner na een beroerte; thuiszorg komt alleen 's ochtends.",
];
const RELATIONS = ["child", "parent", "partner", "parentInLaw", "sibling", "grandparent", "friendOrNeighbour"] as const;

/**
 * Exemptions and caregiving for a few percent of the demo clients: medical (partial, with an occupational
 * physician's cap, or full), caregiving and crisis exemptions, some ending soon; single parents' exemptions from
 * the work obligations until the child turns five; caregiving beyond customary care
 * and customary care with the consultant's judgement.
 */
export function generateExemptionsAndCare(
  random: SeededRandom,
  clients: NewClientRow[],
  decidedBy: (client: NewClientRow) => string | null,
  today: string,
): { exemptions: ExemptionsTable[]; caregiving: CaregivingTable[] } {
  const exemptions: ExemptionsTable[] = [];
  const caregiving: CaregivingTable[] = [];
  for (const client of clients) {
    const consultant = decidedBy(client);
    if (random.chance(0.03)) {
      const kind = random.pick(["medicalPartial", "medicalPartial", "medicalFull", "caregiving", "crisis", "singleParent"] as const);
      const start = addDays(today, -random.int(20, 300));
      const full = kind !== "medicalPartial";
      const until = addMonths(start, random.pick([6, 9, 12]));
      // A single parent's exemption from the work obligations (art. 9a) runs until the child turns five.
      const child = kind === "singleParent" ? addDays(start, -random.int(30, 4 * 365)) : null;
      const stamp = `${start}T10:00:00.000Z`;
      exemptions.push({
        id: random.uuid(),
        client_id: client.id,
        type: kind === "singleParent" ? SINGLE_PARENT_GROUND : kind === "medicalPartial" || kind === "medicalFull" ? "medical" : kind,
        scope: full ? "full" : "partial",
        covers_tegenprestatie: child ? 0 : 1,
        covers_work_obligations: kind === "crisis" || child ? 1 : 0,
        child_birth_date: child,
        unmet_condition: null,
        undo_state: null,
        max_hours_per_week: full ? null : random.pick([4, 6, 8, 12]),
        start_date: start,
        end_date: child ? lastDayUnderFive(child) : kind === "crisis" ? until : null,
        review_date: kind === "crisis" || child ? null : until,
        reason: child
          ? "Alleenstaande ouder met de volledige zorg voor een kind jonger dan vijf; vrijstelling van de arbeidsplicht op verzoek."
          : kind === "caregiving"
            ? random.pick(CARE_REASONS)
            : kind === "crisis"
              ? "Dreigende huisuitzetting; schuldhulp is gestart."
              : random.pick(MEDICAL_REASONS),
        // Exemptions past their end date are ended by the daily job, as in production.
        status: "active",
        requested_by: null,
        decided_by: consultant,
        decided_at: stamp,
        decision_note: null,
        co_signed_by: null,
        co_signed_at: null,
        ended_on: null,
        end_reason: null,
        ordinance_version: 1,
        created_at: stamp,
        updated_at: stamp,
      });
    }
    if (random.chance(0.015)) {
      const beyond = random.chance(0.6);
      const sinceDays = random.int(200, 2000);
      const since = addDays(today, -sinceDays);
      caregiving.push({
        id: random.uuid(),
        client_id: client.id,
        relation: random.pick(RELATIONS),
        description: null,
        hours_per_week: beyond ? random.pick([12, 16, 20, 30]) : random.pick([2, 4, 6]),
        since,
        beyond_customary_care: beyond ? 1 : 0,
        judgement_reason: beyond
          ? random.pick(CARE_REASONS)
          : "Gewone hulp in het huishouden van een familielid; niet meer dan wat huisgenoten voor elkaar doen.",
        judged_by: consultant,
        status: "active",
        ended_on: null,
        // Accepted as the contribution over the two years of history, never before the care began.
        created_at: `${addDays(today, -Math.min(random.int(30, 730), sinceDays))}T10:00:00.000Z`,
      });
    }
  }
  return { exemptions, caregiving };
}
