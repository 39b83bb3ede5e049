import { invalidField } from "@server/http/errors.js";

/**
 * A delivery is recorded on the day it happened at the post, which cannot lie in the future nor before the letter was
 * sent: a registered letter delivered on a date before its own date would make a term start too early.
 */
export function assertDeliveryDatePlausible(occurredOn: string, letterDate: string, today: string): void {
  if (occurredOn > today) throw invalidField("occurredOn", "dateInFuture", "A delivery is recorded once it has happened");
  if (occurredOn < letterDate) throw invalidField("occurredOn", "beforeLetterDate", `The letter is dated ${letterDate}`);
}
