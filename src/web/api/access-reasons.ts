import type { AdminAccessReason } from "@shared/schemas/clients.js";

// The task an administrator named for each client's record, for as long as the page is open (never stored: a
// new visit asks again). The server refuses an administrator's read of a record, or of any part of it, without one,
// and records the one given with every read.
const reasons = new Map<string, AdminAccessReason>();

/** Records the task an administrator named for opening this client's record. */
export function giveAccessReason(clientId: string, reason: AdminAccessReason): void {
  reasons.set(clientId, reason);
}

const CLIENT_RECORD = /^\/clients\/([0-9a-f-]{36})(?:\/|$)/;

/** The task named for the client whose record (or part of it) this API path reads, if any. */
export function accessReasonForPath(path: string): AdminAccessReason | undefined {
  const clientId = CLIENT_RECORD.exec(path)?.[1];
  return clientId ? reasons.get(clientId) : undefined;
}
