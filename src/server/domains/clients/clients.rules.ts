import { conflict, invalidField } from "@server/http/errors.js";
import { addMonths } from "@shared/dates.js";
import { MINIMUM_CLIENT_AGE, type UserRole } from "@shared/enums.js";
import type { AdminAccessReason } from "@shared/schemas/clients.js";

/** The client that already holds a BSN being registered or entered, and whether the caller may see them. */
export interface BsnHolder {
  clientId: string;
  inScope: boolean;
}

/**
 * A BSN belongs to one client. When the caller may see the client who holds it, the refusal says so
 * (`duplicateBsn`): they would find that client in their caseload anyway. When the holder is outside the caller's
 * scope, the answer is one neutral refusal (`bsnNeedsReview`), the same whoever and wherever the holder is, so that
 * registering is no way to learn that someone in another district is a client; the service records the attempt in
 * the audit log, where the functional administrator sorts it out (a move between districts, a mistyped BSN).
 */
export function assertBsnFree(holder: BsnHolder | undefined): void {
  if (!holder) return;
  if (holder.inScope) {
    throw conflict("duplicateBsn", "A client with this BSN is already registered.", [
      { name: "bsn", code: "duplicateBsn", reason: "Already registered" },
    ]);
  }
  throw conflict(
    "bsnNeedsReview",
    "This registration cannot be completed here. The attempt has been recorded; ask the functional administrator to look into it.",
    [{ name: "bsn", code: "bsnNeedsReview", reason: "Cannot be registered here" }],
  );
}

/** One row of the state pension age table: everyone born between the two dates (open ends null) reaches it at this age. */
export interface StatePensionAge {
  bornFrom: string | null;
  bornUntil: string | null;
  years: number;
  months: number;
}

/** The row of the table for a birth date, or undefined when no row covers it. */
export function statePensionAgeFor(birthDate: string, table: readonly StatePensionAge[]): StatePensionAge | undefined {
  return table.find(
    (row) => (row.bornFrom === null || row.bornFrom <= birthDate) && (row.bornUntil === null || birthDate <= row.bornUntil),
  );
}

/**
 * The day someone born on `birthDate` reaches the state pension age (AOW-leeftijd), from the municipality's table;
 * null when the table has no row for that birth date (then no pension date is known and none is applied).
 */
export function statePensionDate(birthDate: string, table: readonly StatePensionAge[]): string | null {
  const age = statePensionAgeFor(birthDate, table);
  return age ? addMonths(birthDate, age.years * 12 + age.months) : null;
}

/** Whether the client has reached the state pension age on `today`: then the Participatiewet no longer applies. */
export function hasReachedStatePensionAge(birthDate: string, today: string, table: readonly StatePensionAge[]): boolean {
  const date = statePensionDate(birthDate, table);
  return date !== null && date <= today;
}

/**
 * Only adults below the state pension age are clients: the Participatiewet's duties apply from 18, and at the state
 * pension age the AOW takes over from the benefit. Registration (by hand or by import) outside that range is refused
 * with the reason, naming `birthDate`.
 */
export function assertWithinRegistryAge(birthDate: string, today: string, table: readonly StatePensionAge[]): void {
  if (addMonths(birthDate, MINIMUM_CLIENT_AGE * 12) > today) {
    throw conflict("underMinimumAge", `A client must be ${MINIMUM_CLIENT_AGE} or older.`, [
      { name: "birthDate", code: "underMinimumAge", reason: `Younger than ${MINIMUM_CLIENT_AGE}` },
    ]);
  }
  if (hasReachedStatePensionAge(birthDate, today, table)) {
    throw conflict("statePensionAge", "This person has reached the state pension age (AOW-leeftijd): the benefit does not apply.", [
      { name: "birthDate", code: "statePensionAge", reason: "State pension age reached" },
    ]);
  }
}

/** Whether the benefit has ended by `today`: from its last day on, nothing new is asked of the client. */
export function hasBenefitEnded(benefitEndDate: string | null, today: string): boolean {
  return benefitEndDate !== null && benefitEndDate <= today;
}

/** A benefit ends once; a second ending is refused, so the letter and the endings of plans and placements happen once. */
export function assertBenefitRunning(client: { benefit_end_date: string | null }): void {
  if (client.benefit_end_date !== null) {
    throw conflict("benefitAlreadyEnded", "The benefit of this client has already ended.");
  }
}

/** A benefit cannot end before it started. */
export function assertBenefitEndAfterStart(benefitStartDate: string, benefitEndDate: string): void {
  if (benefitEndDate < benefitStartDate) {
    throw invalidField("benefitEndDate", "beforeBenefitStart", "The benefit cannot end before it started");
  }
}

/**
 * An administrator sees a client's record only when a task needs it, and says which: without a reason the read is
 * refused (400 naming `accessReason`). Other roles read within their scope and give no reason.
 */
export function assertAccessReasonGiven(role: UserRole, reason: AdminAccessReason | undefined): void {
  if (role === "admin" && !reason)
    throw invalidField("accessReason", "required", "Say which task needs this client's record: it is recorded in the audit log");
}
