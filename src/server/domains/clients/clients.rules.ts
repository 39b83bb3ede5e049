import { conflict } from "@server/http/errors.js";

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
