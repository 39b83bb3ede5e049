import type { AdminAccessReason } from "@shared/schemas/clients.js";
import { ApiError } from "@web/api/client.js";

// The task an administrator named for each client's record, for as long as the page is open (never stored: a
// new visit asks again). The server refuses an administrator's read without one and records the one given.
const reasons = new Map<string, AdminAccessReason>();

/** Records the task an administrator named for opening this client's record. */
export function giveAccessReason(clientId: string, reason: AdminAccessReason): void {
  reasons.set(clientId, reason);
}

/** The task named for this client's record, if any, read when the record is fetched. */
export function accessReasonFor(clientId: string): AdminAccessReason | undefined {
  return reasons.get(clientId);
}

/** Whether the server refused the read for want of a reason (an administrator's read). */
export function needsAccessReason(error: unknown): boolean {
  return error instanceof ApiError && error.status === 400 && (error.problem.invalidParams ?? []).some((p) => p.name === "accessReason");
}
