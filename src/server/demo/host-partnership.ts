import type { PlacementAgreementsTable, PlacementExpensesTable, PlacementsTable } from "@server/db/schema.js";
import { addDays } from "@shared/dates.js";
import { monthlyAllowanceCap } from "../domains/expenses/expenses.rules.js";
import { hostCheckInDueOn } from "../domains/placements/placements.rules.js";

/** The 2026 limits, as the migration stores them: the demo's allowances stay within them. */
const LIMITS_2026 = { year: 2026, hourly_cents: 560, monthly_cents: 21000, yearly_cents: 210000 };

/** A number from a placement's id, so the demo's host steps follow from the seed without drawing from its random stream. */
const numberOf = (id: string) => Number.parseInt(id.replace(/-/g, "").slice(-6), 16);

/**
 * The host as partner in the demo: every placement with an agreement names the agreement's contact person and had an
 * introduction meeting a week before its start (mostly positive, sometimes with doubts); running placements past four
 * weeks mostly had their check-in with the host; a third of the running placements have a travel allowance for last
 * month, within the year's tax-free limits, most of them paid. Sets the columns on every placement (null where none).
 */
export function addHostPartnership(
  placements: PlacementsTable[],
  agreements: readonly PlacementAgreementsTable[],
  today: string,
  createdAt: string,
): PlacementExpensesTable[] {
  const firstAgreement = new Map<string, PlacementAgreementsTable>();
  for (const agreement of agreements) if (agreement.version === 1) firstAgreement.set(agreement.placement_id, agreement);
  const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const expenses: PlacementExpensesTable[] = [];
  for (const placement of placements) {
    const agreement = firstAgreement.get(placement.id);
    const n = numberOf(placement.id);
    const introduced = agreement && placement.started_on;
    const checkedIn =
      introduced && placement.status === "active" && placement.started_on && hostCheckInDueOn(placement.started_on) <= today && n % 5 !== 0;
    Object.assign(placement, {
      host_contact_person: agreement?.contact_person ?? null,
      introduction_held_on: introduced ? addDays(placement.started_on ?? today, -7) : null,
      introduction_attendees: introduced ? "Deelnemer, contactpersoon van de organisatie en consulent" : null,
      introduction_client_verdict: introduced ? (n % 7 === 0 ? "doubtful" : "positive") : null,
      introduction_host_verdict: introduced ? (n % 11 === 0 ? "doubtful" : "positive") : null,
      introduction_note: null,
      introduction_recorded_by: null,
      host_check_in_held_on: checkedIn && placement.started_on ? hostCheckInDueOn(placement.started_on) : null,
      host_check_in_note: checkedIn ? "Gaat goed; afspraken over begeleiding blijven zo." : null,
      host_check_in_recorded_by: null,
    } satisfies Partial<PlacementsTable>);
    if (placement.status === "active" && placement.started_on && placement.started_on < `${lastMonth}-01` && n % 3 === 0) {
      const cap = monthlyAllowanceCap(LIMITS_2026, placement.hours_per_week);
      expenses.push({
        id: `${placement.id.slice(0, 24)}${(n % 0xffffffffffff).toString(16).padStart(12, "0")}`.slice(0, 36),
        placement_id: placement.id,
        client_id: placement.client_id,
        organisation_id: placement.organisation_id,
        kind: "travel",
        period: lastMonth,
        amount_cents: Math.min(cap, 1500 + (n % 5) * 500),
        description: "Reiskosten openbaar vervoer",
        paid_on: n % 4 === 0 ? null : `${today.slice(0, 7)}-01`,
        recorded_by: null,
        created_at: createdAt,
        updated_at: createdAt,
      });
    }
  }
  return expenses;
}
