/** How long a session lasts: idle time since its last request, and an absolute lifetime since its creation. */
export interface SessionSettings {
  idleMinutes: number;
  maxHours: number;
}

/**
 * When a session last used at `lastSeenAt` ends: `idleMinutes` after that request, and never later than `maxHours`
 * after it was created, however much it is used (the absolute lifetime is never slid).
 */
export function sessionEndsAt(session: { createdAt: string; lastSeenAt: string }, settings: SessionSettings): string {
  const idleEnd = Date.parse(session.lastSeenAt) + settings.idleMinutes * 60_000;
  const lifetimeEnd = Date.parse(session.createdAt) + settings.maxHours * 3_600_000;
  return new Date(Math.min(idleEnd, lifetimeEnd)).toISOString();
}

/**
 * Whether a session is over at `now`: its stored end has come, or its absolute lifetime has passed under the current
 * settings (a lower `maxHours` than when it was made ends it at once).
 */
export function isSessionOver(session: { created_at: string; expires_at: string }, now: Date, settings: SessionSettings): boolean {
  const lifetimeEnd = Date.parse(session.created_at) + settings.maxHours * 3_600_000;
  return Date.parse(session.expires_at) <= now.getTime() || lifetimeEnd <= now.getTime();
}

/**
 * How far the recorded last request may lag behind the real one. Within it a request does not write its session
 * again, so a burst of requests (a page loading its parts) costs one write, not one each; the idle expiry then counts
 * from a request at most this much earlier than the last one, against an idle time of at least a minute.
 */
export const SESSION_TOUCH_TOLERANCE_MS = 5_000;

/** Whether a request at `now` records itself on a session last recorded at `lastSeenAt` (see the tolerance above). */
export function isSessionTouchDue(lastSeenAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(lastSeenAt) >= SESSION_TOUCH_TOLERANCE_MS;
}
