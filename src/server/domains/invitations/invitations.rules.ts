import type { ClientRow } from "@server/db/schema.js";
import { conflict, notFound } from "@server/http/errors.js";
import { hasBenefitEnded, hasReachedStatePensionAge, type StatePensionAge } from "../clients/clients.rules.js";

/**
 * Only a client the tegenprestatie still applies to is invited: not one whose benefit ended (`benefitEnded`), nor one
 * who reached the state pension age (`statePensionAge`). `field` names the client in the request (`clientIds[2]`).
 */
export function assertInvitable(
  client: Pick<ClientRow, "birth_date" | "benefit_end_date">,
  today: string,
  pensionAges: readonly StatePensionAge[],
  field: string,
): void {
  if (hasBenefitEnded(client.benefit_end_date, today)) {
    throw conflict("benefitEnded", "The benefit of a selected client has ended: they are not invited.", [
      { name: field, code: "benefitEnded", reason: "Benefit ended" },
    ]);
  }
  if (hasReachedStatePensionAge(client.birth_date, today, pensionAges)) {
    throw conflict("statePensionAge", "A selected client has reached the state pension age (AOW): they are not invited.", [
      { name: field, code: "statePensionAge", reason: "State pension age reached" },
    ]);
  }
}

/**
 * A batch's letters are printed whole or not at all: an unknown batch, or one with a letter to a client the actor may
 * not see (another district's), is not found, so that nobody learns of clients outside their caseload.
 */
export function assertWholeBatchVisible(visibleLetters: number, lettersInBatch: number): void {
  if (lettersInBatch === 0 || visibleLetters < lettersInBatch) throw notFound("invitationBatch");
}

/**
 * An invitation is undone only while its intake is just planned: once it was held, missed or cancelled, or the client
 * asked to move it, the client knows of it (409 `letterLeftBuilding`).
 */
export function assertIntakesUntouched(touched: number): void {
  if (touched > 0) {
    throw conflict(
      "letterLeftBuilding",
      "The client already answered or came to an intake of this invitation: it can no longer be undone.",
    );
  }
}
